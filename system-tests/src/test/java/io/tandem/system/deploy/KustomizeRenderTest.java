package io.tandem.system.deploy;

import static io.tandem.system.deploy.Rendered.envFrom;
import static io.tandem.system.deploy.Rendered.hasLabels;
import static io.tandem.system.deploy.Rendered.nameOf;
import static io.tandem.system.deploy.Rendered.selects;
import static io.tandem.system.deploy.YamlNodes.elements;
import static io.tandem.system.deploy.YamlNodes.keys;
import static io.tandem.system.deploy.YamlNodes.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.tandem.contracts.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the rendered kustomizations do: each service run, reachable, scaled and configured as Tandem needs. */
class KustomizeRenderTest {

    private static final String KAFKA_CLUSTER = "tandem-kafka";
    private static final String BOOTSTRAP = "tandem-kafka-kafka-bootstrap:9092";
    private static final String INGRESS_CONTROLLER = "namespace kubernetes.io/metadata.name=ingress-nginx"
            + " / app.kubernetes.io/name=ingress-nginx";
    private static final String PROMETHEUS = "namespace kubernetes.io/metadata.name=monitoring"
            + " / app.kubernetes.io/name=prometheus";
    /** The topic each consuming service reads, whose lag scales it. */
    private static final Map<TandemService, String> CONSUMED = Map.of(
            TandemService.CLASSIFIER, Topics.CONVERSATION_EVENTS,
            TandemService.ROUTER, Topics.CONVERSATION_CLASSIFIED,
            TandemService.RESPONDER, Topics.CONVERSATION_ACTIONS);

    private static final Map<Overlay, Rendered> RENDERED = new EnumMap<>(Overlay.class);

    @BeforeAll
    static void render() {
        for (Overlay overlay : Overlay.values()) {
            RENDERED.put(overlay, Rendered.of(overlay));
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyPipelineServiceRunsOnItsPortProbedOnQuarkusHealthBoundedAndNonRoot(Overlay overlay) {
        Rendered rendered = RENDERED.get(overlay);
        for (TandemService service : TandemService.PIPELINE) {
            assertDeployedOnItsPort(rendered, service);
            assertProbedBoundedAndNonRoot(rendered, service);
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyPipelineServiceHasADisruptionBudgetForItsPods(Overlay overlay) {
        Rendered rendered = RENDERED.get(overlay);
        for (TandemService service : TandemService.PIPELINE) {
            JsonNode budget = rendered.resource("PodDisruptionBudget", service.module()).path("spec");
            assertThat(selects(budget.path("selector"), rendered.podLabels(service))).as(service.module()).isTrue();
            assertThat(budget.path("maxUnavailable").asInt()).as(service.module()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyResourceLivesInNamespaceTandemAndIsPartOfTandem(Overlay overlay) {
        for (JsonNode resource : RENDERED.get(overlay).resources()) {
            JsonNode metadata = resource.path("metadata");
            String what = resource.path("kind").asText() + " " + metadata.path("name").asText();
            if (!resource.path("kind").asText().equals("Namespace")) {
                assertThat(metadata.path("namespace").asText()).as(what).isEqualTo("tandem");
            }
            assertThat(metadata.path("labels").path("app.kubernetes.io/part-of").asText()).as(what).isEqualTo("tandem");
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theIngressRoutesOnlyTheWebhookPathToIngest(Overlay overlay) {
        Rendered rendered = RENDERED.get(overlay);
        List<JsonNode> ingresses = rendered.ofKind("Ingress");
        assertThat(ingresses).hasSize(1);
        List<JsonNode> paths = elements(ingresses.get(0).path("spec").path("rules")).stream()
                .flatMap(rule -> elements(rule.path("http").path("paths")).stream())
                .toList();
        assertThat(paths).singleElement().satisfies(path -> {
            assertThat(path.path("path").asText()).isEqualTo("/webhooks/intercom");
            assertThat(path.path("pathType").asText()).isEqualTo("Exact");
            assertThat(path.path("backend").path("service").path("name").asText()).isEqualTo("ingest-service");
            assertThat(path.path("backend").path("service").path("port").path("name").asText()).isEqualTo("http");
        });
        assertThat(ingresses.get(0).path("spec").has("defaultBackend")).isFalse();
        // no Service opens a port on the nodes or a load balancer
        assertThat(rendered.ofKind("Service")).allSatisfy(service -> assertThat(
                service.path("spec").path("type").asText("ClusterIP")).as(nameOf(service)).isEqualTo("ClusterIP"));
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void networkPoliciesLetOnlyTheIngressControllerReachIngestFromOutside(Overlay overlay) {
        Rendered rendered = RENDERED.get(overlay);
        JsonNode defaultDeny = rendered.resource("NetworkPolicy", "default-deny-ingress").path("spec");
        assertThat(keys(defaultDeny.path("podSelector"))).as("selects every pod").isEmpty();
        assertThat(texts(defaultDeny.path("policyTypes"))).containsExactly("Ingress");
        assertThat(defaultDeny.has("ingress")).isFalse();

        boolean sandbox = overlay == Overlay.SANDBOX;
        assertThat(ingressPeers(rendered, TandemService.INGEST)).containsExactlyInAnyOrderElementsOf(
                sandbox ? List.of(INGRESS_CONTROLLER + ":8080", PROMETHEUS + ":http",
                        "this namespace / app.kubernetes.io/name=intercom-sandbox:8080")
                        : List.of(INGRESS_CONTROLLER + ":8080", PROMETHEUS + ":http"));
        assertThat(ingressPeers(rendered, TandemService.CLASSIFIER)).containsExactlyInAnyOrder(PROMETHEUS + ":http",
                "this namespace / app.kubernetes.io/name=router-service:8081",
                "this namespace / tandem.io/admin-client=true:8081");
        assertThat(ingressPeers(rendered, TandemService.ROUTER)).containsExactlyInAnyOrder(PROMETHEUS + ":http",
                "this namespace / tandem.io/admin-client=true:8082");
        assertThat(ingressPeers(rendered, TandemService.RESPONDER)).containsExactly(PROMETHEUS + ":http");
        if (sandbox) {
            assertThat(ingressPeers(rendered, TandemService.SANDBOX)).containsExactly(
                    "this namespace / app.kubernetes.io/name In [router-service, responder-service]:8090");
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void pipelineServicesMayOnlyReachDnsKafkaPostgresAndWhatEachCalls(Overlay overlay) {
        Rendered rendered = RENDERED.get(overlay);
        List<String> toSandbox = overlay == Overlay.SANDBOX ? List.of("8090") : List.of();
        assertThat(egressPorts(rendered, TandemService.INGEST)).containsExactlyInAnyOrder("53", "9092", "5432");
        assertThat(egressPorts(rendered, TandemService.CLASSIFIER)).containsExactlyInAnyOrder("53", "9092", "5432");
        assertThat(egressPorts(rendered, TandemService.ROUTER)).containsExactlyInAnyOrderElementsOf(
                Stream.concat(Stream.of("53", "9092", "5432", "8081", "443"), toSandbox.stream()).toList());
        assertThat(egressPorts(rendered, TandemService.RESPONDER)).containsExactlyInAnyOrderElementsOf(
                Stream.concat(Stream.of("53", "9092", "5432", "443"), toSandbox.stream()).toList());

        for (TandemService service : TandemService.PIPELINE) {
            for (JsonNode rule : egressRules(rendered, service)) {
                List<String> ports = elements(rule.path("ports")).stream().map(port -> port.path("port").asText()).toList();
                if (ports.contains("9092")) {
                    assertThat(rule.path("to")).singleElement().satisfies(peer -> assertThat(peer
                            .path("podSelector").path("matchLabels").path("strimzi.io/cluster").asText())
                            .isEqualTo(KAFKA_CLUSTER));
                }
                if (ports.contains("443")) {
                    JsonNode block = rule.path("to").path(0).path("ipBlock");
                    assertThat(block.path("cidr").asText()).isEqualTo("0.0.0.0/0");
                    assertThat(texts(block.path("except"))).as("the cluster's private ranges stay closed")
                            .contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void servicesTakeSettingsFromConfigMapsAndCredentialsFromSecretsOnly(Overlay overlay) {
        Rendered rendered = RENDERED.get(overlay);
        JsonNode shared = rendered.resource("ConfigMap", "tandem-config").path("data");
        assertThat(shared.path("KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo(BOOTSTRAP);
        for (TandemService service : TandemService.PIPELINE) {
            JsonNode container = rendered.container(service);
            assertThat(envFrom(container, "configMapRef")).as(service.module())
                    .containsExactly("tandem-config", service.module() + "-config");
            assertThat(envFrom(container, "secretRef")).as(service.module())
                    .containsExactly("tandem-db", service.module() + "-secrets");
            assertThat(container.has("env")).as("%s has no inline variables", service.module()).isFalse();
            JsonNode own = rendered.resource("ConfigMap", service.module() + "-config").path("data");
            assertThat(own.path("QUARKUS_HTTP_PORT").asInt()).as(service.module()).isEqualTo(service.port());
        }
        for (JsonNode configMap : rendered.ofKind("ConfigMap")) {
            JsonNode data = configMap.path("data");
            for (String key : keys(data)) {
                assertThat(Secrets.isSecretName(key)).as("ConfigMap key %s", key).isFalse();
                assertThat(Secrets.containsRandomLookingValue(data.get(key).asText())).as(key).isFalse();
            }
        }
        for (JsonNode workload : Stream.concat(rendered.ofKind("Deployment").stream(),
                rendered.ofKind("StatefulSet").stream()).toList()) {
            for (JsonNode container : workload.path("spec").path("template").path("spec").path("containers")) {
                for (JsonNode variable : container.path("env")) {
                    String name = variable.path("name").asText();
                    if (Secrets.isSecretName(name)) {
                        assertThat(variable.has("value")).as("%s is inlined", name).isFalse();
                        assertThat(variable.path("valueFrom").path("secretKeyRef").isObject()).as(name).isTrue();
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Overlay.class, names = {"DEV", "PROD", "SANDBOX"})
    void everyServiceStartsWithTheVariablesItReads(Overlay overlay) {
        Rendered rendered = RENDERED.get(overlay);
        Map<TandemService, Map<String, String>> environments = new HashMap<>();
        for (TandemService service : TandemService.PIPELINE) {
            Map<String, String> environment = rendered.environment(service);
            assertThat(environment).as(service.module()).containsKeys("KAFKA_BOOTSTRAP_SERVERS",
                    "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
                    "QUARKUS_HTTP_PORT");
            assertThat(environment.get("QUARKUS_DATASOURCE_JDBC_URL")).startsWith("jdbc:postgresql://");
            environments.put(service, environment);
        }
        String app = "[A-Z0-9]+";
        assertThat(environments.get(TandemService.INGEST).keySet())
                .anyMatch(name -> name.matches("TANDEM_INGEST_APPS_" + app + "_CLIENT_SECRET"))
                .anyMatch(name -> name.matches("TANDEM_INGEST_APPS_" + app + "_BOT_ADMIN_ID"));
        Map<String, String> classifier = environments.get(TandemService.CLASSIFIER);
        assertThat(classifier).containsKey("TANDEM_CLASSIFIER_ADMIN_API_KEYS");
        Map<String, String> router = environments.get(TandemService.ROUTER);
        assertThat(router).containsKeys("TANDEM_ROUTER_ADMIN_API_KEYS", "TANDEM_ROUTER_CLASSIFIER_API_KEY",
                        "QUARKUS_REST_CLIENT_INTERCOM_URL")
                .containsEntry("QUARKUS_REST_CLIENT_CLASSIFIER_URL", "http://classifier-service:"
                        + TandemService.CLASSIFIER.port());
        assertThat(router.keySet()).anyMatch(name -> name.matches("TANDEM_ROUTER_APPS_" + app + "_ACCESS_TOKEN"));
        assertThat(classifier.get("TANDEM_CLASSIFIER_ADMIN_API_KEYS").split(","))
                .as("classifier-service accepts the key router-service presents")
                .contains(router.get("TANDEM_ROUTER_CLASSIFIER_API_KEY"));
        Map<String, String> responder = environments.get(TandemService.RESPONDER);
        assertThat(responder).containsKey("QUARKUS_REST_CLIENT_INTERCOM_URL");
        assertThat(responder.keySet()).anyMatch(name -> name.matches("TANDEM_RESPONDER_APPS_" + app + "_ACCESS_TOKEN"));
        // the internet-facing service never holds an Intercom access token
        assertThat(environments.get(TandemService.INGEST).keySet()).noneMatch(name -> name.contains("ACCESS_TOKEN"));
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyTopicOfTheContractsIsAStrimziTopicWithItsRetentionOnTheTandemCluster(Overlay overlay) {
        Rendered rendered = RENDERED.get(overlay);
        Map<String, JsonNode> topics = topics(rendered);
        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        int brokers = brokers(rendered);
        for (String name : Topics.ALL) {
            JsonNode topic = topics.get(name);
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText()).as(name)
                    .isEqualTo(KAFKA_CLUSTER);
            JsonNode spec = topic.path("spec");
            assertThat(spec.path("replicas").asInt()).as(name).isBetween(1, brokers);
            assertThat(spec.path("config").path("min.insync.replicas").asInt()).as(name)
                    .isBetween(1, Math.max(1, spec.path("replicas").asInt() - 1));
            assertThat(spec.path("config").path("retention.ms").asLong()).as(name).isPositive();
            assertThat(spec.path("partitions").asInt()).as(name).isEqualTo(Topics.DEAD_LETTERS.contains(name)
                    ? 1 : (overlay == Overlay.DEV || overlay == Overlay.SANDBOX ? 3 : 12));
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void kafkaIsAKraftClusterWhosePlainListenerIsTheServicesBootstrap(Overlay overlay) {
        Rendered rendered = RENDERED.get(overlay);
        JsonNode kafka = rendered.resource("Kafka", KAFKA_CLUSTER).path("spec");
        assertThat(kafka.has("zookeeper")).isFalse();
        assertThat(elements(kafka.path("kafka").path("listeners"))).anySatisfy(listener -> {
            assertThat(listener.path("port").asInt()).isEqualTo(9092);
            assertThat(listener.path("type").asText()).isEqualTo("internal");
        });
        JsonNode config = kafka.path("kafka").path("config");
        assertThat(config.path("auto.create.topics.enable").asBoolean(true)).isFalse();
        assertThat(config.path("default.replication.factor").asInt()).isEqualTo(brokers(rendered));
        assertThat(config.path("offsets.topic.replication.factor").asInt()).isEqualTo(brokers(rendered));
        assertThat(kafka.path("entityOperator").path("topicOperator").isObject()).as("the Topic Operator runs").isTrue();
        assertThat(rendered.ofKind("KafkaNodePool")).allSatisfy(pool -> {
            assertThat(pool.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo(KAFKA_CLUSTER);
            assertThat(texts(pool.path("spec").path("roles"))).containsExactlyInAnyOrder("controller", "broker");
        });
        assertThat(brokers(rendered)).isEqualTo(overlay == Overlay.DEV || overlay == Overlay.SANDBOX ? 1 : 3);
    }

    @ParameterizedTest
    @EnumSource(value = Overlay.class, names = {"BASE", "DEV", "PROD"})
    void consumingServicesScaleOnTheLagOfTheirOwnConsumerGroupUpToTheirTopicsPartitions(Overlay overlay) {
        Rendered rendered = RENDERED.get(overlay);
        assertThat(rendered.ofKind("ScaledObject")).extracting(Rendered::nameOf)
                .containsExactlyInAnyOrder("classifier-service", "router-service", "responder-service");
        Map<String, JsonNode> topics = topics(rendered);
        for (Map.Entry<TandemService, String> consumed : CONSUMED.entrySet()) {
            TandemService service = consumed.getKey();
            JsonNode spec = rendered.resource("ScaledObject", service.module()).path("spec");
            assertThat(spec.path("scaleTargetRef").path("kind").asText("Deployment")).isEqualTo("Deployment");
            assertThat(spec.path("scaleTargetRef").path("name").asText()).isEqualTo(service.module());
            JsonNode trigger = spec.path("triggers").path(0);
            assertThat(spec.path("triggers").size()).isEqualTo(1);
            assertThat(trigger.path("type").asText()).isEqualTo("kafka");
            JsonNode metadata = trigger.path("metadata");
            assertThat(metadata.path("bootstrapServers").asText()).isEqualTo(BOOTSTRAP);
            assertThat(metadata.path("topic").asText()).isEqualTo(consumed.getValue());
            assertThat(metadata.path("consumerGroup").asText()).as("the group.id in %s's application.properties",
                    service.module()).isEqualTo(new ServiceProperties(service).consumerGroupOf(consumed.getValue()));
            assertThat(metadata.path("consumerGroup").asText()).isEqualTo(service.module());
            assertThat(spec.path("minReplicaCount").asInt()).as("a consumer is always running").isPositive();
            assertThat(spec.path("maxReplicaCount").asInt()).as("no idle consumers")
                    .isEqualTo(topics.get(consumed.getValue()).path("spec").path("partitions").asInt());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Overlay.class, names = {"BASE", "DEV", "PROD"})
    void ingestScalesOnCpuAndIsTheOnlyServiceAHorizontalPodAutoscalerTargets(Overlay overlay) {
        Rendered rendered = RENDERED.get(overlay);
        assertThat(rendered.ofKind("HorizontalPodAutoscaler")).singleElement().satisfies(autoscaler -> {
            JsonNode spec = autoscaler.path("spec");
            assertThat(spec.path("scaleTargetRef").path("kind").asText()).isEqualTo("Deployment");
            assertThat(spec.path("scaleTargetRef").path("name").asText()).isEqualTo("ingest-service");
            assertThat(spec.path("minReplicas").asInt()).isPositive();
            assertThat(spec.path("maxReplicas").asInt()).isGreaterThan(spec.path("minReplicas").asInt());
            assertThat(spec.path("metrics")).singleElement().satisfies(metric -> {
                assertThat(metric.path("resource").path("name").asText()).isEqualTo("cpu");
                assertThat(metric.path("resource").path("target").path("type").asText()).isEqualTo("Utilization");
            });
        });
        // the autoscalers own the replica count: a fixed one would be reset on every apply
        for (TandemService service : TandemService.PIPELINE) {
            assertThat(rendered.resource("Deployment", service.module()).path("spec").has("replicas"))
                    .as(service.module()).isFalse();
        }
    }

    @Test
    void prodIsSizedForTheScaleOutAndTakesEveryBrokerFailureWithoutLoss() {
        Rendered prod = RENDERED.get(Overlay.PROD);
        Map<String, JsonNode> topics = topics(prod);
        for (String name : Topics.ALL) {
            JsonNode spec = topics.get(name).path("spec");
            assertThat(spec.path("replicas").asInt()).as(name).isEqualTo(3);
            assertThat(spec.path("config").path("min.insync.replicas").asInt()).as(name).isEqualTo(2);
            Duration retention = Duration.ofMillis(spec.path("config").path("retention.ms").asLong());
            Duration expected = name.equals(Topics.WEBHOOKS_RAW) ? Duration.ofDays(14)
                    : Topics.DEAD_LETTERS.contains(name) ? Duration.ofDays(30) : Duration.ofDays(7);
            assertThat(retention).as(name).isEqualTo(expected);
        }
        Topics.PIPELINE.forEach(name -> assertThat(topics.get(name).path("spec").path("partitions").asInt()).isEqualTo(12));
        for (TandemService service : CONSUMED.keySet()) {
            JsonNode spec = prod.resource("ScaledObject", service.module()).path("spec");
            assertThat(spec.path("minReplicaCount").asInt()).as(service.module()).isEqualTo(2);
            assertThat(spec.path("maxReplicaCount").asInt()).as(service.module()).isEqualTo(12);
        }
        assertThat(prod.resource("HorizontalPodAutoscaler", "ingest-service").path("spec").path("minReplicas").asInt())
                .isEqualTo(2);
        assertThat(prod.ofKind("StatefulSet")).as("prod brings its own PostgreSQL").isEmpty();
    }

    @Test
    void prodServesTheWebhookOverTlsOnItsHost() {
        JsonNode spec = RENDERED.get(Overlay.PROD).resource("Ingress", "intercom-webhooks").path("spec");
        String host = spec.path("rules").path(0).path("host").asText();
        assertThat(host).isNotBlank();
        assertThat(spec.path("tls")).singleElement().satisfies(tls -> {
            assertThat(texts(tls.path("hosts"))).containsExactly(host);
            assertThat(tls.path("secretName").asText()).isNotBlank();
        });
    }

    @ParameterizedTest
    @EnumSource(value = Overlay.class, names = {"DEV", "PROD"})
    void secretsRenderedFromTheExampleFilesHoldOnlyPlaceholders(Overlay overlay) {
        Rendered rendered = RENDERED.get(overlay);
        assertThat(rendered.ofKind("Secret")).extracting(Rendered::nameOf).containsExactlyInAnyOrder("tandem-db",
                "ingest-service-secrets", "classifier-service-secrets", "router-service-secrets",
                "responder-service-secrets");
        for (JsonNode secret : rendered.ofKind("Secret")) {
            rendered.secretData(secret.path("metadata").path("name").asText()).forEach((key, value) -> {
                assertThat(Secrets.containsRandomLookingValue(value)).as("%s of %s", key, nameOf(secret)).isFalse();
                if (Secrets.isSecretName(key)) {
                    assertThat(value).as("%s of %s", key, nameOf(secret)).matches(Secrets.PLACEHOLDERS);
                }
            });
        }
    }

    @Test
    void devAndProdReadTheirCredentialsFromGitIgnoredFilesWithCommittedExamples() throws IOException {
        for (Overlay overlay : List.of(Overlay.DEV, Overlay.PROD)) {
            Path secrets = RepositoryRoot.find().resolve("deploy/k8s").resolve(overlay.directory()).resolve("secrets");
            assertThat(Files.readAllLines(secrets.resolve(".gitignore"))).as("%s", overlay).contains("*.env");
            JsonNode kustomization = new YAMLMapper().readTree(secrets.resolveSibling("kustomization.yaml").toFile());
            for (JsonNode generator : kustomization.path("secretGenerator")) {
                for (String file : texts(generator.path("envs"))) {
                    assertThat(secrets.resolveSibling(file + ".example")).as("%s: %s", overlay, file).isRegularFile();
                }
            }
        }
    }

    @Test
    void devRunsItsOwnPostgresAndTheServicesUseIt() {
        Rendered dev = RENDERED.get(Overlay.DEV);
        JsonNode postgres = dev.resource("StatefulSet", "tandem-postgres");
        assertThat(postgres.path("spec").path("replicas").asInt()).isEqualTo(1);
        assertThat(dev.resource("Service", "tandem-postgres").path("spec").path("ports").path(0).path("port").asInt())
                .isEqualTo(5432);
        for (TandemService service : TandemService.PIPELINE) {
            assertThat(dev.environment(service).get("QUARKUS_DATASOURCE_JDBC_URL"))
                    .startsWith("jdbc:postgresql://tandem-postgres:5432/");
        }
        assertThat(ingressPeersOfPods(dev, postgres.path("spec").path("template").path("metadata").path("labels")))
                .containsExactly("this namespace / app.kubernetes.io/component=pipeline:5432");
    }

    @Test
    void baseAndProdCallIntercomItselfAndLeaveTheSandboxOut() {
        for (Overlay overlay : List.of(Overlay.BASE, Overlay.PROD)) {
            Rendered rendered = RENDERED.get(overlay);
            assertThat(rendered.has("Deployment", TandemService.SANDBOX.module())).as("%s", overlay).isFalse();
            for (TandemService service : List.of(TandemService.ROUTER, TandemService.RESPONDER)) {
                assertThat(rendered.resource("ConfigMap", service.module() + "-config").path("data")
                        .path("QUARKUS_REST_CLIENT_INTERCOM_URL").asText()).isEqualTo("https://api.intercom.io");
            }
        }
    }

    @Test
    void sandboxAddsTheSandboxWithTheCredentialsOfAppLocal() {
        Rendered sandbox = RENDERED.get(Overlay.SANDBOX);
        assertDeployedOnItsPort(sandbox, TandemService.SANDBOX);
        assertProbedBoundedAndNonRoot(sandbox, TandemService.SANDBOX);

        Map<String, String> environment = sandbox.environment(TandemService.SANDBOX);
        Map<String, String> ingest = sandbox.environment(TandemService.INGEST);
        assertThat(environment).containsEntry("TANDEM_SANDBOX_APP_ID", "local")
                .containsEntry("TANDEM_SANDBOX_WEBHOOK_URL", "http://ingest-service:8080/webhooks/intercom")
                .containsEntry("TANDEM_SANDBOX_WEBHOOK_SECRET", ingest.get("TANDEM_INGEST_APPS_LOCAL_CLIENT_SECRET"))
                .containsEntry("TANDEM_SANDBOX_BOT_ADMIN_ID", ingest.get("TANDEM_INGEST_APPS_LOCAL_BOT_ADMIN_ID"))
                .containsEntry("TANDEM_SANDBOX_ACCESS_TOKEN",
                        sandbox.environment(TandemService.RESPONDER).get("TANDEM_RESPONDER_APPS_LOCAL_ACCESS_TOKEN"));
        assertThat(sandbox.environment(TandemService.ROUTER).get("TANDEM_ROUTER_APPS_LOCAL_ACCESS_TOKEN"))
                .isEqualTo(environment.get("TANDEM_SANDBOX_ACCESS_TOKEN"));
    }

    @Test
    void sandboxPointsTheServicesAtTheSandboxAndRunsOneOfEachWithoutAutoscalers() {
        Rendered sandbox = RENDERED.get(Overlay.SANDBOX);
        String sandboxUrl = "http://intercom-sandbox:" + TandemService.SANDBOX.port();
        assertThat(sandbox.environment(TandemService.RESPONDER))
                .containsEntry("QUARKUS_REST_CLIENT_INTERCOM_URL", sandboxUrl);
        assertThat(sandbox.environment(TandemService.ROUTER)).containsEntry("QUARKUS_REST_CLIENT_INTERCOM_URL", sandboxUrl);
        assertThat(sandbox.environment(TandemService.CLASSIFIER)).containsEntry("TANDEM_CLASSIFIER_SEED_APP_ID", "local");
        assertThat(sandbox.ofKind("ScaledObject")).as("KEDA is not needed on a laptop").isEmpty();
        assertThat(sandbox.ofKind("HorizontalPodAutoscaler")).isEmpty();
        for (TandemService service : TandemService.ALL) {
            assertThat(sandbox.resource("Deployment", service.module()).path("spec").path("replicas").asInt())
                    .as(service.module()).isEqualTo(1);
        }
        assertThat(sandbox.resource("StatefulSet", "tandem-postgres")).isNotNull();
    }

    @Test
    void sandboxSecretsHoldOnlyTheDocumentedLocalDefaults() {
        Rendered sandbox = RENDERED.get(Overlay.SANDBOX);
        for (JsonNode secret : sandbox.ofKind("Secret")) {
            sandbox.secretData(secret.path("metadata").path("name").asText()).forEach((key, value) -> {
                if (Secrets.isSecretName(key)) {
                    assertThat(value).as("%s of %s", key, nameOf(secret)).isIn(Secrets.LOCAL_DEFAULTS);
                }
            });
        }
    }

    private static void assertDeployedOnItsPort(Rendered rendered, TandemService expected) {
        JsonNode container = rendered.container(expected);
        assertThat(container.path("image").asText()).as(expected.module()).contains(expected.image() + ":");
        JsonNode port = container.path("ports").path(0);
        assertThat(port.path("name").asText()).as(expected.module()).isEqualTo("http");
        assertThat(port.path("containerPort").asInt()).as(expected.module()).isEqualTo(expected.port());

        JsonNode service = rendered.resource("Service", expected.module());
        assertThat(service.path("spec").path("ports").path(0).path("port").asInt()).as(expected.module())
                .isEqualTo(expected.port());
        assertThat(service.path("spec").path("ports").path(0).path("targetPort").asText()).isEqualTo("http");
        JsonNode selector = service.path("spec").path("selector");
        assertThat(keys(selector)).as(expected.module()).isNotEmpty();
        assertThat(hasLabels(rendered.podLabels(expected), selector)).as(expected.module()).isTrue();
    }

    private static void assertProbedBoundedAndNonRoot(Rendered rendered, TandemService expected) {
        JsonNode container = rendered.container(expected);
        String module = expected.module();
        Map<String, String> probes = Map.of("startupProbe", "/q/health/started", "livenessProbe", "/q/health/live",
                "readinessProbe", "/q/health/ready");
        probes.forEach((probe, path) -> {
            assertThat(container.path(probe).path("httpGet").path("path").asText()).as(module).isEqualTo(path);
            assertThat(container.path(probe).path("httpGet").path("port").asText()).as(module).isEqualTo("http");
        });
        JsonNode resources = container.path("resources");
        assertThat(resources.path("requests").path("cpu").asText()).as(module).isNotBlank();
        assertThat(resources.path("requests").path("memory").asText()).as(module).isNotBlank();
        assertThat(resources.path("limits").path("memory").asText()).as(module).isNotBlank();
        JsonNode pod = rendered.podSpec(expected);
        assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(module).isTrue();
        assertThat(container.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true)).as(module)
                .isFalse();
        assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).as(module).isTrue();
    }

    private static Map<String, JsonNode> topics(Rendered rendered) {
        return rendered.ofKind("KafkaTopic").stream()
                .collect(Collectors.toMap(topic -> topic.path("spec").path("topicName").asText(), Function.identity()));
    }

    private static int brokers(Rendered rendered) {
        return rendered.ofKind("KafkaNodePool").stream()
                .filter(pool -> texts(pool.path("spec").path("roles")).contains("broker"))
                .mapToInt(pool -> pool.path("spec").path("replicas").asInt())
                .sum();
    }

    /** Who may open connections to a service's pods, as {@code peer:port}. */
    private static Set<String> ingressPeers(Rendered rendered, TandemService service) {
        return ingressPeersOfPods(rendered, rendered.podLabels(service));
    }

    private static Set<String> ingressPeersOfPods(Rendered rendered, JsonNode podLabels) {
        Set<String> peers = new TreeSet<>();
        for (JsonNode rule : rules(rendered, podLabels, "Ingress", "ingress")) {
            List<String> ports = elements(rule.path("ports")).stream().map(port -> port.path("port").asText()).toList();
            List<String> from = rule.has("from")
                    ? elements(rule.path("from")).stream().map(KustomizeRenderTest::describe).toList()
                    : List.of("anyone");
            for (String peer : from) {
                (ports.isEmpty() ? List.of("any port") : ports).forEach(port -> peers.add(peer + ":" + port));
            }
        }
        return peers;
    }

    private static List<JsonNode> egressRules(Rendered rendered, TandemService service) {
        return rules(rendered, rendered.podLabels(service), "Egress", "egress");
    }

    /** The ports a service's pods may connect to; fails when no policy limits its egress. */
    private static Set<String> egressPorts(Rendered rendered, TandemService service) {
        List<JsonNode> rules = egressRules(rendered, service);
        assertThat(rules).as("egress of %s is limited", service.module()).isNotEmpty();
        Set<String> ports = new TreeSet<>();
        for (JsonNode rule : rules) {
            assertThat(rule.has("ports")).as("a rule of %s opens every port", service.module()).isTrue();
            rule.path("ports").forEach(port -> ports.add(port.path("port").asText()));
        }
        return ports;
    }

    private static List<JsonNode> rules(Rendered rendered, JsonNode podLabels, String policyType, String field) {
        List<JsonNode> rules = new ArrayList<>();
        for (JsonNode policy : rendered.ofKind("NetworkPolicy")) {
            JsonNode spec = policy.path("spec");
            if (texts(spec.path("policyTypes")).contains(policyType) && selects(spec.path("podSelector"), podLabels)) {
                rules.addAll(elements(spec.path(field)));
            }
        }
        return rules;
    }

    private static String describe(JsonNode peer) {
        if (peer.has("ipBlock")) {
            return "ipBlock " + peer.path("ipBlock").path("cidr").asText();
        }
        String namespace = peer.has("namespaceSelector") ? "namespace " + describeSelector(peer.path("namespaceSelector"))
                : "this namespace";
        String pods = peer.has("podSelector") ? describeSelector(peer.path("podSelector")) : "*";
        return namespace + " / " + pods;
    }

    private static String describeSelector(JsonNode selector) {
        List<String> terms = new ArrayList<>();
        keys(selector.path("matchLabels")).forEach(key ->
                terms.add(key + "=" + selector.path("matchLabels").get(key).asText()));
        selector.path("matchExpressions").forEach(expression -> terms.add(expression.path("key").asText() + " "
                + expression.path("operator").asText() + " " + texts(expression.path("values"))));
        return terms.isEmpty() ? "*" : String.join(",", terms);
    }
}
