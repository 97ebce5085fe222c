package io.tandem.system.deploy;

import static io.tandem.system.deploy.YamlNodes.elements;
import static io.tandem.system.deploy.YamlNodes.keys;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The resources of one rendered kustomization, and what a reader of them asks: by kind, by name, a pod's settings. */
record Rendered(Overlay overlay, List<JsonNode> resources) {

    // kustomize appends a hash of the content to the names of generated ConfigMaps and Secrets
    private static final Pattern HASH_SUFFIX = Pattern.compile("-[a-z0-9]{10}$");

    static Rendered of(Overlay overlay) {
        return new Rendered(overlay, Kustomize.render(overlay));
    }

    List<JsonNode> ofKind(String kind) {
        return resources.stream().filter(resource -> resource.path("kind").asText().equals(kind)).toList();
    }

    /** The one resource of that kind and name; a generated one is found by its name without the hash. */
    JsonNode resource(String kind, String name) {
        List<JsonNode> found = ofKind(kind).stream().filter(resource -> nameOf(resource).equals(name)).toList();
        assertThat(found).as("%s %s in %s", kind, name, overlay).hasSize(1);
        return found.get(0);
    }

    boolean has(String kind, String name) {
        return ofKind(kind).stream().anyMatch(resource -> nameOf(resource).equals(name));
    }

    /** A resource's name as written in the manifests, without the hash kustomize adds to generated ones. */
    static String nameOf(JsonNode resource) {
        String name = resource.path("metadata").path("name").asText();
        String kind = resource.path("kind").asText();
        return kind.equals("ConfigMap") || kind.equals("Secret") ? HASH_SUFFIX.matcher(name).replaceFirst("") : name;
    }

    JsonNode podSpec(TandemService service) {
        return resource("Deployment", service.module()).path("spec").path("template").path("spec");
    }

    JsonNode podLabels(TandemService service) {
        return resource("Deployment", service.module()).path("spec").path("template").path("metadata").path("labels");
    }

    JsonNode container(TandemService service) {
        JsonNode containers = podSpec(service).path("containers");
        assertThat(containers.size()).as("containers of %s", service.module()).isEqualTo(1);
        assertThat(containers.path(0).path("name").asText()).isEqualTo(service.module());
        return containers.path(0);
    }

    /** The names of the ConfigMaps ({@code configMapRef}) or Secrets ({@code secretRef}) a container takes all of. */
    static List<String> envFrom(JsonNode container, String referenceType) {
        return elements(container.path("envFrom")).stream()
                .filter(source -> source.has(referenceType))
                .map(source -> HASH_SUFFIX.matcher(source.path(referenceType).path("name").asText()).replaceFirst(""))
                .toList();
    }

    /** The environment a service's container starts with, resolved from its ConfigMaps and Secrets. */
    Map<String, String> environment(TandemService service) {
        JsonNode container = container(service);
        Map<String, String> environment = new LinkedHashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            if (source.has("configMapRef")) {
                environment.putAll(configMapData(source.path("configMapRef").path("name").asText()));
            } else {
                environment.putAll(secretData(source.path("secretRef").path("name").asText()));
            }
        }
        for (JsonNode variable : container.path("env")) {
            JsonNode secretKey = variable.path("valueFrom").path("secretKeyRef");
            JsonNode configKey = variable.path("valueFrom").path("configMapKeyRef");
            String value;
            if (secretKey.isObject()) {
                value = secretData(secretKey.path("name").asText()).get(secretKey.path("key").asText());
                assertThat(value).as("%s: Secret %s has key %s", service.module(), secretKey.path("name").asText(),
                        secretKey.path("key").asText()).isNotNull();
            } else if (configKey.isObject()) {
                value = configMapData(configKey.path("name").asText()).get(configKey.path("key").asText());
            } else {
                value = variable.path("value").asText();
            }
            environment.put(variable.path("name").asText(), value);
        }
        return environment;
    }

    /** A Secret's data, decoded. The exact (hashed) name, as the references carry it. */
    Map<String, String> secretData(String renderedName) {
        JsonNode secret = byRenderedName("Secret", renderedName);
        Map<String, String> data = new LinkedHashMap<>();
        JsonNode encoded = secret.path("data");
        keys(encoded).forEach(key -> data.put(key,
                new String(Base64.getDecoder().decode(encoded.get(key).asText()), StandardCharsets.UTF_8)));
        JsonNode plain = secret.path("stringData");
        keys(plain).forEach(key -> data.put(key, plain.get(key).asText()));
        return data;
    }

    private Map<String, String> configMapData(String renderedName) {
        JsonNode data = byRenderedName("ConfigMap", renderedName).path("data");
        Map<String, String> values = new LinkedHashMap<>();
        keys(data).forEach(key -> values.put(key, data.get(key).asText()));
        return values;
    }

    private JsonNode byRenderedName(String kind, String renderedName) {
        List<JsonNode> found = ofKind(kind).stream()
                .filter(resource -> resource.path("metadata").path("name").asText().equals(renderedName))
                .toList();
        assertThat(found).as("%s %s referenced in %s", kind, renderedName, overlay).hasSize(1);
        return found.get(0);
    }

    /** Whether a label selector ({@code matchLabels}, {@code matchExpressions}) selects pods with these labels. */
    static boolean selects(JsonNode selector, JsonNode labels) {
        if (!hasLabels(labels, selector.path("matchLabels"))) {
            return false;
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String key = expression.path("key").asText();
            List<String> values = YamlNodes.texts(expression.path("values"));
            boolean matches = switch (expression.path("operator").asText()) {
                case "In" -> labels.has(key) && values.contains(labels.get(key).asText());
                case "NotIn" -> !labels.has(key) || !values.contains(labels.get(key).asText());
                case "Exists" -> labels.has(key);
                case "DoesNotExist" -> !labels.has(key);
                default -> throw new AssertionError("Unknown selector operator in " + expression);
            };
            if (!matches) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code labels} hold every label of {@code required}, as a Service's selector asks of its pods. */
    static boolean hasLabels(JsonNode labels, JsonNode required) {
        return keys(required).stream().allMatch(key -> labels.path(key).asText().equals(required.get(key).asText()));
    }
}
