package io.tandem.system.deploy;

import static io.tandem.system.deploy.YamlNodes.elements;
import static io.tandem.system.deploy.YamlNodes.keys;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tandem.contracts.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KustomizeRenderTest {

    private static final String BASE = "deploy/k8s";
    private static final String SANDBOX_OVERLAY = "deploy/k8s/overlays/sandbox";

    private static List<JsonNode> base;
    private static List<JsonNode> sandbox;

    @BeforeAll
    static void render() {
        base = Kustomize.render(BASE);
        sandbox = Kustomize.render(SANDBOX_OVERLAY);
    }

    @Test
    void baseHasADeploymentAndAServiceForEachPipelineServiceOnItsPort() {
        for (TandemService expected : TandemService.PIPELINE) {
            assertDeployedOnItsPort(base, expected);
        }
    }

    @Test
    void pipelineServicesAreProbedOnQuarkusHealthBoundedAndNonRoot() {
        for (TandemService expected : TandemService.PIPELINE) {
            assertProbedBoundedAndNonRoot(base, expected);
        }
    }

    @Test
    void pipelineServicesTakeInfrastructureFromTandemConfigAndCredentialsFromSecrets() {
        JsonNode config = resource(base, "ConfigMap", "tandem-config").path("data");
        assertThat(config.path("KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo("tandem-kafka-kafka-bootstrap:9092");
        assertThat(config.path("QUARKUS_DATASOURCE_JDBC_URL").asText()).startsWith("jdbc:postgresql://");

        for (TandemService pipeline : TandemService.PIPELINE) {
            JsonNode container = container(base, pipeline);
            assertThat(envFrom(container, "configMapRef")).as(pipeline.module()).contains("tandem-config");
            assertThat(secretKeyRef(container, "QUARKUS_DATASOURCE_USERNAME")).isEqualTo("tandem-db/username");
            assertThat(secretKeyRef(container, "QUARKUS_DATASOURCE_PASSWORD")).isEqualTo("tandem-db/password");
        }
        assertThat(secretKeyRef(container(base, TandemService.CLASSIFIER), "TANDEM_CLASSIFIER_ADMIN_API_KEYS"))
                .isEqualTo("tandem-admin/api-keys");
        assertThat(secretKeyRef(container(base, TandemService.ROUTER), "TANDEM_ROUTER_ADMIN_API_KEYS"))
                .isEqualTo("tandem-admin/api-keys");
        // Per-app credentials: the Secret's keys are the variable names, which carry the Intercom app ids.
        assertThat(envFrom(container(base, TandemService.INGEST), "secretRef"))
                .containsExactly("tandem-intercom-webhook");
        assertThat(envFrom(container(base, TandemService.RESPONDER), "secretRef"))
                .containsExactly("tandem-intercom-api");
        assertThat(envFrom(container(base, TandemService.CLASSIFIER), "secretRef")).isEmpty();
        assertThat(envFrom(container(base, TandemService.ROUTER), "secretRef")).isEmpty();
    }

    @Test
    void renderedManifestsInlineNoSecret() {
        for (List<JsonNode> rendered : List.of(base, sandbox)) {
            assertThat(rendered).noneMatch(resource -> resource.path("kind").asText().equals("Secret"));
            for (JsonNode deployment : ofKind(rendered, "Deployment")) {
                for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
                    for (JsonNode variable : container.path("env")) {
                        String name = variable.path("name").asText();
                        assertThat(Secrets.containsRandomLookingValue(variable.path("value").asText())).as(name).isFalse();
                        if (Secrets.isSecretName(name)) {
                            assertThat(variable.has("value")).as("%s is inlined", name).isFalse();
                            assertThat(variable.path("valueFrom").path("secretKeyRef").isObject()).as(name).isTrue();
                        }
                    }
                }
            }
            for (JsonNode configMap : ofKind(rendered, "ConfigMap")) {
                JsonNode data = configMap.path("data");
                for (String key : keys(data)) {
                    assertThat(Secrets.isSecretName(key)).as("ConfigMap key %s", key).isFalse();
                    assertThat(Secrets.containsRandomLookingValue(data.get(key).asText())).as(key).isFalse();
                }
            }
        }
    }

    @Test
    void everyTopicOfTheContractsIsAStrimziKafkaTopicWithItsPartitionsAndRetention() {
        Map<String, JsonNode> topics = ofKind(base, "KafkaTopic").stream()
                .collect(Collectors.toMap(topic -> topic.path("spec").path("topicName").asText(), Function.identity()));
        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL);

        for (String name : Topics.ALL) {
            JsonNode topic = topics.get(name);
            assertThat(topic.path("apiVersion").asText()).as(name).isEqualTo("kafka.strimzi.io/v1beta2");
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText()).as(name)
                    .isEqualTo("tandem-kafka");
            assertThat(topic.path("spec").path("partitions").asInt()).as(name)
                    .isEqualTo(Topics.DEAD_LETTERS.contains(name) ? 1 : 6);
            assertThat(topic.path("spec").path("replicas").asInt()).as(name).isEqualTo(3);
            Duration retention = Duration.ofMillis(topic.path("spec").path("config").path("retention.ms").asLong());
            assertThat(retention).as(name).isEqualTo(Duration.ofDays(name.equals(Topics.WEBHOOKS_RAW) ? 14 : 7));
        }
    }

    @Test
    void everyResourceLivesInNamespaceTandemAndIsPartOfTandem() {
        for (List<JsonNode> rendered : List.of(base, sandbox)) {
            for (JsonNode resource : rendered) {
                JsonNode metadata = resource.path("metadata");
                String what = resource.path("kind").asText() + " " + metadata.path("name").asText();
                if (!resource.path("kind").asText().equals("Namespace")) {
                    assertThat(metadata.path("namespace").asText()).as(what).isEqualTo("tandem");
                }
                assertThat(metadata.path("labels").path("app.kubernetes.io/part-of").asText()).as(what)
                        .isEqualTo("tandem");
            }
        }
    }

    @Test
    void baseLeavesTheSandboxOutAndRespondsThroughIntercom() {
        assertThat(base).noneMatch(resource -> resource.path("metadata").path("name").asText()
                .equals(TandemService.SANDBOX.module()));
        assertThat(envValue(container(base, TandemService.RESPONDER), "QUARKUS_REST_CLIENT_INTERCOM_URL"))
                .isEqualTo("https://api.intercom.io");
    }

    @Test
    void sandboxOverlayAddsTheSandboxWithTheCredentialsOfAppLocal() {
        assertDeployedOnItsPort(sandbox, TandemService.SANDBOX);
        assertProbedBoundedAndNonRoot(sandbox, TandemService.SANDBOX);

        JsonNode container = container(sandbox, TandemService.SANDBOX);
        assertThat(envValue(container, "TANDEM_SANDBOX_APP_ID")).isEqualTo("local");
        assertThat(envValue(container, "TANDEM_SANDBOX_WEBHOOK_URL"))
                .isEqualTo("http://ingest-service:8080/webhooks/intercom");
        assertThat(secretKeyRef(container, "TANDEM_SANDBOX_WEBHOOK_SECRET"))
                .isEqualTo("tandem-intercom-webhook/TANDEM_INGEST_APPS_LOCAL_CLIENT_SECRET");
        assertThat(secretKeyRef(container, "TANDEM_SANDBOX_ACCESS_TOKEN"))
                .isEqualTo("tandem-intercom-api/TANDEM_RESPONDER_APPS_LOCAL_ACCESS_TOKEN");
    }

    @Test
    void sandboxOverlayPointsResponderAtTheSandboxAndKeepsThePipeline() {
        JsonNode responder = container(sandbox, TandemService.RESPONDER);
        assertThat(elements(responder.path("env")))
                .filteredOn(variable -> variable.path("name").asText().equals("QUARKUS_REST_CLIENT_INTERCOM_URL"))
                .singleElement()
                .satisfies(variable -> assertThat(variable.path("value").asText())
                        .isEqualTo("http://intercom-sandbox:" + TandemService.SANDBOX.port()));
        assertThat(envValue(container(sandbox, TandemService.CLASSIFIER), "TANDEM_CLASSIFIER_SEED_APP_ID"))
                .isEqualTo("local");
        for (TandemService pipeline : TandemService.PIPELINE) {
            assertDeployedOnItsPort(sandbox, pipeline);
        }
        assertThat(ofKind(sandbox, "KafkaTopic")).extracting(topic -> topic.path("spec").path("topicName").asText())
                .containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    private static void assertDeployedOnItsPort(List<JsonNode> rendered, TandemService expected) {
        JsonNode deployment = resource(rendered, "Deployment", expected.module());
        JsonNode container = container(rendered, expected);
        assertThat(container.path("image").asText()).as(expected.module()).startsWith(expected.image() + ":");
        JsonNode port = container.path("ports").path(0);
        assertThat(port.path("name").asText()).as(expected.module()).isEqualTo("http");
        assertThat(port.path("containerPort").asInt()).as(expected.module()).isEqualTo(expected.port());

        JsonNode service = resource(rendered, "Service", expected.module());
        assertThat(service.path("spec").path("ports").path(0).path("port").asInt()).as(expected.module())
                .isEqualTo(expected.port());
        assertThat(service.path("spec").path("ports").path(0).path("targetPort").asText()).isEqualTo("http");
        JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
        JsonNode selector = service.path("spec").path("selector");
        assertThat(keys(selector)).as(expected.module()).isNotEmpty().allSatisfy(label ->
                assertThat(podLabels.path(label).asText()).as(label).isEqualTo(selector.get(label).asText()));
    }

    private static void assertProbedBoundedAndNonRoot(List<JsonNode> rendered, TandemService expected) {
        JsonNode container = container(rendered, expected);
        String module = expected.module();
        assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).as(module)
                .isEqualTo("/q/health/live");
        assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).as(module)
                .isEqualTo("/q/health/ready");
        Stream.of("livenessProbe", "readinessProbe").forEach(probe ->
                assertThat(container.path(probe).path("httpGet").path("port").asText()).as(module).isEqualTo("http"));
        assertThat(container.path("resources").path("requests").path("cpu").asText()).as(module).isNotBlank();
        assertThat(container.path("resources").path("requests").path("memory").asText()).as(module).isNotBlank();
        assertThat(container.path("resources").path("limits").path("memory").asText()).as(module).isNotBlank();
        JsonNode pod = resource(rendered, "Deployment", module).path("spec").path("template").path("spec");
        assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(module).isTrue();
        assertThat(container.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true)).as(module)
                .isFalse();
    }

    private static List<JsonNode> ofKind(List<JsonNode> rendered, String kind) {
        return rendered.stream().filter(resource -> resource.path("kind").asText().equals(kind)).toList();
    }

    private static JsonNode resource(List<JsonNode> rendered, String kind, String name) {
        List<JsonNode> found = ofKind(rendered, kind).stream()
                .filter(resource -> resource.path("metadata").path("name").asText().equals(name))
                .toList();
        assertThat(found).as("%s %s", kind, name).hasSize(1);
        return found.get(0);
    }

    private static JsonNode container(List<JsonNode> rendered, TandemService service) {
        JsonNode containers = resource(rendered, "Deployment", service.module())
                .path("spec").path("template").path("spec").path("containers");
        assertThat(containers.size()).as("containers of %s", service.module()).isEqualTo(1);
        assertThat(containers.path(0).path("name").asText()).isEqualTo(service.module());
        return containers.path(0);
    }

    private static JsonNode env(JsonNode container, String name) {
        List<JsonNode> found = elements(container.path("env")).stream()
                .filter(variable -> variable.path("name").asText().equals(name))
                .toList();
        assertThat(found).as("env %s of %s", name, container.path("name").asText()).hasSize(1);
        return found.get(0);
    }

    private static String envValue(JsonNode container, String name) {
        return env(container, name).path("value").asText();
    }

    /** The Secret and key a variable is read from, as {@code secret/key}. */
    private static String secretKeyRef(JsonNode container, String name) {
        JsonNode reference = env(container, name).path("valueFrom").path("secretKeyRef");
        return reference.path("name").asText() + "/" + reference.path("key").asText();
    }

    /** The names of the ConfigMaps ({@code configMapRef}) or Secrets ({@code secretRef}) a container takes all of. */
    private static List<String> envFrom(JsonNode container, String referenceType) {
        return elements(container.path("envFrom")).stream()
                .filter(source -> source.has(referenceType))
                .map(source -> source.path(referenceType).path("name").asText())
                .toList();
    }
}
