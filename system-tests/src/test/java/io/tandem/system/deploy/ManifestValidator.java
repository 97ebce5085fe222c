package io.tandem.system.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a rendered manifest against the schema of its kind, as the API server would on apply: Kubernetes kinds are
 * read into the fabric8 model, Strimzi's into Strimzi's own model (io.strimzi:api), KEDA's ScaledObject against the JSON
 * schema in {@code deploy/keda-scaledobject.schema.json}. A field the model does not know, a value of the wrong type, a
 * kind or API version the cluster does not serve: each is a problem, named with its path.
 *
 * <p>The fabric8 and Strimzi models keep unknown fields in {@code additionalProperties} rather than failing, so the
 * check walks the object read and reports every non-empty one.
 */
final class ManifestValidator {

    /** The API version each Kubernetes kind is written in: the GA version, served by every supported cluster. */
    private static final Map<String, String> KUBERNETES_API_VERSIONS = Map.of(
            "Namespace", "v1",
            "ConfigMap", "v1",
            "Secret", "v1",
            "Service", "v1",
            "Deployment", "apps/v1",
            "StatefulSet", "apps/v1",
            "PodDisruptionBudget", "policy/v1",
            "HorizontalPodAutoscaler", "autoscaling/v2",
            "Ingress", "networking.k8s.io/v1",
            "NetworkPolicy", "networking.k8s.io/v1");

    private static final Map<String, Class<?>> STRIMZI_KINDS = Map.of(
            "Kafka", Kafka.class,
            "KafkaNodePool", KafkaNodePool.class,
            "KafkaTopic", KafkaTopic.class);
    private static final String STRIMZI_GROUP = "kafka.strimzi.io";
    /** The version Strimzi 0.49+ serves and does not deprecate (v1beta2 is deprecated; every kind has VERSIONS). */
    static final String STRIMZI_VERSION = "v1";

    private static final String KEDA_SCALED_OBJECT = "keda.sh/v1alpha1";

    private final KubernetesSerialization serialization = new KubernetesSerialization();
    private final ObjectMapper json = new ObjectMapper();
    private final JsonSchema scaledObjectSchema = loadSchema("/deploy/keda-scaledobject.schema.json");

    /** The problems of one manifest; empty when it is valid. */
    List<String> problems(JsonNode manifest) {
        String kind = manifest.path("kind").asText();
        String apiVersion = manifest.path("apiVersion").asText();
        String what = kind + " " + manifest.path("metadata").path("name").asText();
        List<String> problems = new ArrayList<>();
        try {
            if (KUBERNETES_API_VERSIONS.containsKey(kind)) {
                if (!KUBERNETES_API_VERSIONS.get(kind).equals(apiVersion)) {
                    problems.add(what + ": apiVersion " + apiVersion + ", expected " + KUBERNETES_API_VERSIONS.get(kind));
                }
                Object model = serialization.unmarshal(json.writeValueAsString(manifest));
                if (model instanceof GenericKubernetesResource) {
                    problems.add(what + ": " + apiVersion + " " + kind + " is not a kind the Kubernetes model knows");
                }
                collectUnknownFields(model, what, problems);
            } else if (STRIMZI_KINDS.containsKey(kind)) {
                Class<?> type = STRIMZI_KINDS.get(kind);
                if (!apiVersion.equals(STRIMZI_GROUP + "/" + STRIMZI_VERSION) || !strimziVersions(type).contains(STRIMZI_VERSION)) {
                    problems.add(what + ": apiVersion " + apiVersion + ", expected " + STRIMZI_GROUP + "/" + STRIMZI_VERSION
                            + " (served: " + strimziVersions(type) + ")");
                }
                collectUnknownFields(serialization.unmarshal(json.writeValueAsString(manifest), type), what, problems);
            } else if (kind.equals("ScaledObject") && apiVersion.equals(KEDA_SCALED_OBJECT)) {
                for (ValidationMessage message : scaledObjectSchema.validate(manifest)) {
                    problems.add(what + ": " + message.getMessage());
                }
                collectUnknownFields(serialization.convertValue(manifest.path("metadata"), ObjectMeta.class),
                        what + " metadata", problems);
                // KEDA hands this to the HorizontalPodAutoscaler it creates: the Kubernetes schema applies
                JsonNode behavior = manifest.at("/spec/advanced/horizontalPodAutoscalerConfig/behavior");
                if (!behavior.isMissingNode()) {
                    collectUnknownFields(serialization.convertValue(behavior, HorizontalPodAutoscalerBehavior.class),
                            what + " spec.advanced.horizontalPodAutoscalerConfig.behavior", problems);
                }
            } else {
                problems.add(what + ": no schema for " + apiVersion + " " + kind);
            }
        } catch (RuntimeException | IOException e) {
            problems.add(what + ": does not read as " + apiVersion + " " + kind + ": " + rootCause(e).getMessage());
        }
        return problems;
    }

    private static Throwable rootCause(Throwable e) {
        return e.getCause() == null ? e : rootCause(e.getCause());
    }

    @SuppressWarnings("unchecked")
    private static List<String> strimziVersions(Class<?> type) {
        try {
            return (List<String>) type.getField("VERSIONS").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " has no VERSIONS", e);
        }
    }

    private static void collectUnknownFields(Object model, String path, List<String> problems) {
        walk(model, path, problems, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static void walk(Object value, String path, List<String> problems, Set<Object> seen) {
        if (value instanceof Collection<?> collection) {
            int index = 0;
            for (Object element : collection) {
                walk(element, path + "[" + index++ + "]", problems, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> walk(element, path + "." + key, problems, seen));
            return;
        }
        if (value == null || !isModel(value.getClass()) || !seen.add(value)) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (!isPropertyGetter(getter)) {
                continue;
            }
            Object property;
            try {
                property = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (property instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + unknown.keySet());
                }
            } else {
                walk(property, path + "." + propertyName(getter), problems, seen);
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.kubernetes.api.model.") || name.startsWith("io.strimzi.api.");
    }

    private static boolean isPropertyGetter(Method method) {
        return method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                && method.getName().startsWith("get") && !method.getName().equals("getClass")
                && (isModel(method.getDeclaringClass()) || method.getDeclaringClass() == CustomResource.class);
    }

    private static String propertyName(Method getter) {
        String name = getter.getName().substring(3);
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static JsonSchema loadSchema(String resource) {
        try (InputStream in = ManifestValidator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No schema at " + resource);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
