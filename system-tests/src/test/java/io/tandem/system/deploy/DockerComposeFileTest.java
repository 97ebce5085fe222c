package io.tandem.system.deploy;

import static io.tandem.system.deploy.YamlNodes.keys;
import static io.tandem.system.deploy.YamlNodes.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.tandem.contracts.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DockerComposeFileTest {

    private static final Set<String> TOP_LEVEL_KEYS = Set.of("name", "services", "networks", "volumes", "configs",
            "secrets");
    private static final Set<String> DEPENDENCY_CONDITIONS = Set.of("service_started", "service_healthy",
            "service_completed_successfully");
    private static final Pattern TOPIC_CREATION = Pattern.compile("--topic (\\S+) --partitions (\\d+)");

    /** Set in Kubernetes only: the port is the services' default, the heap share is for a container memory limit. */
    private static final Set<String> KUBERNETES_ONLY = Set.of("QUARKUS_HTTP_PORT", "JAVA_MAX_MEM_RATIO");
    /** Kafka and PostgreSQL have other host names in compose than in Kubernetes. */
    private static final Set<String> ADDRESSED_BY_HOST_NAME = Set.of("KAFKA_BOOTSTRAP_SERVERS",
            "QUARKUS_DATASOURCE_JDBC_URL");

    private static String text;
    private static JsonNode compose;
    private static JsonNode services;

    @BeforeAll
    static void readComposeFile() throws IOException {
        text = Files.readString(RepositoryRoot.find().resolve("docker-compose.yml"));
        compose = new YAMLMapper().readTree(text);
        services = compose.path("services");
    }

    @Test
    void isAComposeFileWhoseDependenciesAndHealthchecksAreWellFormed() {
        assertThat(keys(compose)).allSatisfy(key -> assertThat(TOP_LEVEL_KEYS.contains(key) || key.startsWith("x-"))
                .as("top-level key %s", key).isTrue());
        assertThat(services.isObject()).as("services is a mapping").isTrue();
        for (String name : keys(services)) {
            JsonNode service = services.get(name);
            assertThat(service.path("image").asText()).as("image of %s", name).isNotBlank();
            for (String dependency : keys(service.path("depends_on"))) {
                assertThat(services.has(dependency)).as("%s depends on defined service %s", name, dependency).isTrue();
                assertThat(service.path("depends_on").path(dependency).path("condition").asText())
                        .as("condition of %s on %s", name, dependency).isIn(DEPENDENCY_CONDITIONS);
            }
            JsonNode healthcheck = service.path("healthcheck");
            if (!healthcheck.isMissingNode()) {
                assertThat(healthcheck.path("test").isArray()).as("healthcheck of %s is a list", name).isTrue();
                assertThat(healthcheck.path("test").path(0).asText()).as("healthcheck of %s", name)
                        .isIn("CMD", "CMD-SHELL");
            }
            for (JsonNode port : service.path("ports")) {
                assertThat(port.asText()).as("port of %s", name).matches("\\d+:\\d+");
            }
            assertThat(service.path("environment").isMissingNode() || service.path("environment").isObject())
                    .as("environment of %s is a mapping", name).isTrue();
        }
    }

    @Test
    void everyQuarkusServiceRunsItsImageOnItsPortAndReportsReadiness() {
        for (TandemService expected : TandemService.ALL) {
            JsonNode service = services.path(expected.module());
            assertThat(service.path("image").asText()).as(expected.module()).isEqualTo(expected.image() + ":latest");
            assertThat(texts(service.path("ports"))).as(expected.module())
                    .containsExactly(expected.port() + ":" + expected.port());
            assertThat(texts(service.path("healthcheck").path("test"))).as(expected.module())
                    .contains("http://localhost:" + expected.port() + "/q/health/ready");
        }
    }

    @Test
    void kafkaIsASingleKraftNodeOfAPinnedVersionWithoutTopicAutoCreation() {
        JsonNode kafka = services.path("kafka");
        assertThat(kafka.path("image").asText()).matches("apache/kafka:4\\.1\\.\\d+");
        assertThat(kafka.path("environment").path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
        assertThat(kafka.path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText()).contains("//kafka:9092");
        assertThat(kafka.path("environment").path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText()).isEqualTo("false");
        assertThat(kafka.path("healthcheck").isObject()).isTrue();
        assertThat(services.path("postgres").path("image").asText()).isEqualTo("postgres:15");
        assertThat(services.path("postgres").path("environment").path("POSTGRES_DB").asText()).isEqualTo("tandem");
        assertThat(services.path("postgres").path("healthcheck").isObject()).isTrue();
    }

    @Test
    void topicInitCreatesEveryTopicOfTheContractsOnceKafkaIsHealthy() {
        JsonNode init = services.path("kafka-topics");
        assertThat(init.path("image").asText()).isEqualTo(services.path("kafka").path("image").asText());
        assertThat(init.path("depends_on").path("kafka").path("condition").asText()).isEqualTo("service_healthy");
        String script = String.join("\n", texts(init.path("command")));
        assertThat(script).contains("set -e", "kafka-topics.sh --bootstrap-server kafka:9092 --create --if-not-exists");

        Map<String, Integer> partitions = new LinkedHashMap<>();
        Matcher creation = TOPIC_CREATION.matcher(script);
        while (creation.find()) {
            partitions.put(creation.group(1), Integer.valueOf(creation.group(2)));
        }
        assertThat(partitions.keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        Topics.PIPELINE.forEach(topic -> assertThat(partitions).as(topic).containsEntry(topic, 3));
        Topics.DEAD_LETTERS.forEach(topic -> assertThat(partitions).as(topic).containsEntry(topic, 1));
    }

    @Test
    void pipelineServicesStartOnceKafkaPostgresAndTheTopicsAreReady() {
        for (TandemService pipeline : TandemService.PIPELINE) {
            JsonNode dependsOn = services.path(pipeline.module()).path("depends_on");
            assertThat(dependsOn.path("kafka").path("condition").asText()).as(pipeline.module())
                    .isEqualTo("service_healthy");
            assertThat(dependsOn.path("postgres").path("condition").asText()).as(pipeline.module())
                    .isEqualTo("service_healthy");
            assertThat(dependsOn.path("kafka-topics").path("condition").asText()).as(pipeline.module())
                    .isEqualTo("service_completed_successfully");
        }
    }

    @Test
    void pipelineServicesGetKafkaAndTheDatabaseFromTheEnvironment() {
        for (TandemService pipeline : TandemService.PIPELINE) {
            JsonNode environment = services.path(pipeline.module()).path("environment");
            assertThat(environment.path("KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo("kafka:9092");
            assertThat(environment.path("QUARKUS_DATASOURCE_JDBC_URL").asText())
                    .isEqualTo("jdbc:postgresql://postgres:5432/tandem");
            assertThat(environment.path("QUARKUS_DATASOURCE_USERNAME").asText()).isEqualTo("tandem");
            assertThat(environment.path("QUARKUS_DATASOURCE_PASSWORD").asText()).isEqualTo("tandem");
        }
    }

    @Test
    void servicesAreConfiguredForIntercomAppLocalWithTheLocalDefaults() {
        assertThat(environmentOf(TandemService.INGEST))
                .containsEntry("TANDEM_INGEST_APPS_LOCAL_CLIENT_SECRET", "local-webhook-secret");
        assertThat(environmentOf(TandemService.CLASSIFIER))
                .containsEntry("TANDEM_CLASSIFIER_ADMIN_API_KEYS", "local-admin-key")
                .containsEntry("TANDEM_CLASSIFIER_SEED_APP_ID", "local");
        assertThat(environmentOf(TandemService.INGEST))
                .containsEntry("TANDEM_INGEST_APPS_LOCAL_BOT_ADMIN_ID", "991267");
        assertThat(environmentOf(TandemService.ROUTER))
                .containsEntry("TANDEM_ROUTER_ADMIN_API_KEYS", "local-admin-key")
                .containsEntry("QUARKUS_REST_CLIENT_CLASSIFIER_URL", "http://classifier-service:8081")
                .containsEntry("TANDEM_ROUTER_CLASSIFIER_API_KEY", "local-admin-key")
                .containsEntry("QUARKUS_REST_CLIENT_INTERCOM_URL", "http://intercom-sandbox:8090")
                .containsEntry("TANDEM_ROUTER_APPS_LOCAL_ACCESS_TOKEN", "local-token");
        assertThat(environmentOf(TandemService.RESPONDER))
                .containsEntry("QUARKUS_REST_CLIENT_INTERCOM_URL", "http://intercom-sandbox:8090")
                .containsEntry("TANDEM_RESPONDER_APPS_LOCAL_ACCESS_TOKEN", "local-token");
        assertThat(environmentOf(TandemService.SANDBOX)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "TANDEM_SANDBOX_APP_ID", "local",
                "TANDEM_SANDBOX_ACCESS_TOKEN", "local-token",
                "TANDEM_SANDBOX_WEBHOOK_SECRET", "local-webhook-secret",
                "TANDEM_SANDBOX_BOT_ADMIN_ID", "991267",
                "TANDEM_SANDBOX_WEBHOOK_URL", "http://ingest-service:8080/webhooks/intercom"));
    }

    @Test
    void everyServiceGetsTheVariablesAndCredentialsTheSandboxOverlayGivesIt() {
        Rendered kubernetes = Rendered.of(Overlay.SANDBOX);
        for (TandemService service : TandemService.ALL) {
            Map<String, String> expected = new LinkedHashMap<>(kubernetes.environment(service));
            KUBERNETES_ONLY.forEach(expected::remove);
            Map<String, String> environment = environmentOf(service);

            assertThat(environment.keySet()).as(service.module())
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
            environment.forEach((name, value) -> {
                if (!ADDRESSED_BY_HOST_NAME.contains(name)) {
                    assertThat(value).as("%s of %s", name, service.module()).isEqualTo(expected.get(name));
                }
            });
        }
    }

    @Test
    void holdsNoSecretButTheDocumentedLocalDefaults() {
        for (String name : keys(services)) {
            JsonNode environment = services.get(name).path("environment");
            for (String variable : keys(environment)) {
                if (Secrets.isSecretName(variable)) {
                    assertThat(environment.get(variable).asText()).as("%s of %s", variable, name)
                            .isIn(Secrets.LOCAL_DEFAULTS);
                }
            }
        }
        assertThat(Secrets.containsRandomLookingValue(text)).as("a generated-looking key or token in the file")
                .isFalse();
    }

    private static Map<String, String> environmentOf(TandemService service) {
        JsonNode environment = services.path(service.module()).path("environment");
        Map<String, String> values = new LinkedHashMap<>();
        keys(environment).forEach(name -> values.put(name, environment.get(name).asText()));
        return values;
    }
}
