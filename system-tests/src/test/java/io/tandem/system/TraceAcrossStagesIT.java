package io.tandem.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tandem.contracts.Topics;
import io.tandem.testsupport.launch.LocalSettings;
import io.tandem.testsupport.launch.LocalWorkspace;
import io.tandem.testsupport.launch.Ports;
import io.tandem.testsupport.launch.TandemSystem;

/**
 * The operator's view of one customer message on the packaged system (separate processes, real Kafka and
 * PostgreSQL): the services' JSON log lines about it carry the workspace and conversation ids, and one trace id runs
 * from ingest's webhook through the Kafka hops (classifier, router) to the responder's Intercom call, so the trace
 * context really crossed every process boundary in the W3C {@code traceparent} headers. No line carries the
 * customer's words or a secret.
 */
class TraceAcrossStagesIT {

    private static final LocalSettings SETTINGS = new LocalSettings("traceapp",
            "trace-webhook-secret-" + UUID.randomUUID(), "trace-token-" + UUID.randomUUID(), "trace-admin-key",
            "991267");
    /** A word of the customer's message that must appear in no log line. */
    private static final String CUSTOMER_WORDS = "Zanzibar";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TandemSystem system;

    @BeforeAll
    static void startTandem() {
        Path root = Path.of(System.getProperty("tandem.root", "..")).toAbsolutePath().normalize();
        system = TandemSystem.start(root, Ports.free(), SETTINGS, System.getenv(), null,
                root.resolve("system-tests/target/trace-logs"), line -> System.out.println("[trace] " + line));
        LocalWorkspace.configure(system.url(TandemSystem.ROUTER), SETTINGS, LocalWorkspace.LOCAL_THRESHOLD);
    }

    @AfterAll
    static void stopTandem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void oneTraceRunsFromTheWebhookToTheIntercomCallAndEveryLineNamesTheConversation() throws Exception {
        String conversationId = given().contentType("application/json")
                .body(Map.of("body", "Where is my order? It should have come to " + CUSTOMER_WORDS + " by now."))
                .post(system.url(TandemSystem.SANDBOX) + "/sandbox/conversations")
                .then().statusCode(201).extract().path("id");

        JsonNode accepted = awaitLine(TandemSystem.INGEST, conversationId, "Webhook accepted");
        JsonNode decided = awaitLine(TandemSystem.ROUTER, conversationId, "ANSWERED");
        JsonNode performed = awaitLine(TandemSystem.RESPONDER, conversationId, "Performed REPLY");

        String traceId = accepted.path("mdc").path("traceId").asText();
        assertThat(traceId).as("trace id of ingest's line").matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
        assertThat(decided.path("mdc").path("traceId").asText()).as("router, two Kafka hops later").isEqualTo(traceId);
        assertThat(performed.path("mdc").path("traceId").asText()).as("responder, at the Intercom call")
                .isEqualTo(traceId);
        for (JsonNode line : List.of(accepted, decided, performed)) {
            assertThat(line.path("mdc").path("appId").asText()).isEqualTo(SETTINGS.appId());
            assertThat(line.path("mdc").path("spanId").asText()).matches("[0-9a-f]{16}");
        }
        // the responder's result carries the trace on to whoever reads conversation.action-results
        assertThat(traceparent(Topics.CONVERSATION_ACTION_RESULTS, conversationId)).contains(traceId);
    }

    @Test
    void logLinesAreJsonAndCarryNeitherTheCustomersWordsNorSecrets() throws Exception {
        String conversationId = given().contentType("application/json")
                .body(Map.of("body", "Hello from " + CUSTOMER_WORDS + ", where is my order?"))
                .post(system.url(TandemSystem.SANDBOX) + "/sandbox/conversations")
                .then().statusCode(201).extract().path("id");
        awaitLine(TandemSystem.RESPONDER, conversationId, "Performed REPLY");

        for (String module : List.of(TandemSystem.INGEST, TandemSystem.CLASSIFIER, TandemSystem.ROUTER,
                TandemSystem.RESPONDER)) {
            String log = Files.readString(system.log(module), StandardCharsets.UTF_8);
            assertThat(log).as(module + " log").doesNotContain(CUSTOMER_WORDS, SETTINGS.webhookSecret(),
                    SETTINGS.accessToken());
            for (String line : log.lines().filter(line -> !line.isBlank()).toList()) {
                assertThat(parse(line)).as(module + " line is a JSON object: " + line).isPresent();
            }
        }
    }

    /** The first JSON log line of the service about the conversation whose message contains the text. */
    private static JsonNode awaitLine(String module, String conversationId, String text) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> lines(system.log(module)).stream()
                        .filter(line -> conversationId.equals(line.path("mdc").path("conversationId").asText()))
                        .filter(line -> line.path("message").asText().contains(text))
                        .findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private static List<JsonNode> lines(Path log) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            parse(line).ifPresent(lines::add);
        }
        return lines;
    }

    private static Optional<JsonNode> parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private static String traceparent(String topic, String conversationId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.infrastructure().kafka().bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "trace-it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (conversationId.equals(record.key())) {
                        Header header = record.headers().lastHeader("traceparent");
                        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
                    }
                }
            }
        }
        return "";
    }
}
