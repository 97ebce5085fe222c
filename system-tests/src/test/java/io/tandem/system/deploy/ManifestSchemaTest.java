package io.tandem.system.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ManifestSchemaTest {

    private static final ManifestValidator VALIDATOR = new ManifestValidator();

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyRenderedManifestIsValidAgainstTheSchemaOfItsKind(Overlay overlay) {
        List<JsonNode> rendered = Kustomize.render(overlay);

        assertThat(rendered).isNotEmpty();
        assertThat(rendered.stream().flatMap(manifest -> VALIDATOR.problems(manifest).stream()).toList())
                .as("schema problems in %s", overlay).isEmpty();
    }

    @Test
    void aMisspelledFieldOfAContainerIsAProblem() {
        ObjectNode deployment = yaml(DEPLOYMENT);
        assertThat(VALIDATOR.problems(deployment)).isEmpty();

        ObjectNode container = (ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0);
        container.set("livenesProbe", container.remove("livenessProbe"));

        assertThat(VALIDATOR.problems(deployment)).singleElement().asString()
                .contains("Deployment web", "containers[0]", "unknown field(s) [livenesProbe]");
    }

    @Test
    void aValueOfTheWrongTypeIsAProblem() {
        ObjectNode deployment = yaml(DEPLOYMENT);
        ((ObjectNode) deployment.path("spec")).put("replicas", "two");

        assertThat(VALIDATOR.problems(deployment)).singleElement().asString().contains("Deployment web", "does not read");
    }

    @Test
    void aKindInAnApiVersionNoLongerServedIsAProblem() {
        ObjectNode budget = yaml("""
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: web
                spec:
                  maxUnavailable: 1
                  selector:
                    matchLabels:
                      app: web
                """);
        assertThat(VALIDATOR.problems(budget)).isEmpty();

        budget.put("apiVersion", "policy/v1beta1");

        assertThat(VALIDATOR.problems(budget)).singleElement().asString().contains("expected policy/v1");
    }

    @Test
    void anUnknownFieldOrADeprecatedVersionOfAStrimziTopicIsAProblem() {
        ObjectNode topic = yaml(TOPIC);
        assertThat(VALIDATOR.problems(topic)).isEmpty();

        ObjectNode spec = (ObjectNode) topic.path("spec");
        spec.set("partition", spec.remove("partitions"));
        assertThat(VALIDATOR.problems(topic)).singleElement().asString().contains("unknown field(s) [partition]");

        ObjectNode deprecated = yaml(TOPIC).put("apiVersion", "kafka.strimzi.io/v1beta2");
        assertThat(VALIDATOR.problems(deprecated)).singleElement().asString().contains("expected kafka.strimzi.io/v1");
    }

    @Test
    void aKafkaTriggerWithAnUnknownParameterOrANonStringValueIsAProblem() {
        ObjectNode scaledObject = yaml(SCALED_OBJECT);
        assertThat(VALIDATOR.problems(scaledObject)).isEmpty();

        ObjectNode metadata = (ObjectNode) scaledObject.path("spec").path("triggers").get(0).path("metadata");
        metadata.set("lagTreshold", metadata.remove("lagThreshold"));
        assertThat(VALIDATOR.problems(scaledObject)).anySatisfy(problem -> assertThat(problem).contains("lagTreshold"));

        ObjectNode unquoted = yaml(SCALED_OBJECT);
        ((ObjectNode) unquoted.path("spec").path("triggers").get(0).path("metadata")).put("allowIdleConsumers", false);
        assertThat(VALIDATOR.problems(unquoted)).anySatisfy(problem -> assertThat(problem).contains("allowIdleConsumers"));

        ObjectNode misplaced = yaml(SCALED_OBJECT);
        ((ObjectNode) misplaced.path("spec")).put("maxReplicas", 3);
        assertThat(VALIDATOR.problems(misplaced)).anySatisfy(problem -> assertThat(problem).contains("maxReplicas"));

        ObjectNode behavior = yaml(SCALED_OBJECT);
        ((ObjectNode) behavior.path("spec")).set("advanced", yaml("""
                horizontalPodAutoscalerConfig:
                  behavior:
                    scaleDown:
                      stabilisationWindowSeconds: 300
                """));
        assertThat(VALIDATOR.problems(behavior)).singleElement().asString()
                .contains("unknown field(s) [stabilisationWindowSeconds]");
    }

    @Test
    void aKindWithoutASchemaIsAProblem() {
        ObjectNode route = yaml("""
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata:
                  name: web
                spec: {}
                """);

        assertThat(VALIDATOR.problems(route)).singleElement().asString().contains("no schema");
    }

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                    - name: web
                      image: example/web:1
                      livenessProbe:
                        httpGet:
                          path: /q/health/live
                          port: 8080
                      resources:
                        requests:
                          cpu: 100m
                          memory: 256Mi
            """;

    private static final String TOPIC = """
            apiVersion: kafka.strimzi.io/v1
            kind: KafkaTopic
            metadata:
              name: orders
              labels:
                strimzi.io/cluster: my-cluster
            spec:
              topicName: orders
              partitions: 3
              replicas: 1
              config:
                retention.ms: 604800000
            """;

    private static final String SCALED_OBJECT = """
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata:
              name: web
            spec:
              scaleTargetRef:
                name: web
              minReplicaCount: 1
              maxReplicaCount: 3
              triggers:
                - type: kafka
                  metadata:
                    bootstrapServers: kafka:9092
                    consumerGroup: web
                    topic: orders
                    lagThreshold: "10"
            """;

    private static ObjectNode yaml(String text) {
        try {
            return (ObjectNode) new YAMLMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
