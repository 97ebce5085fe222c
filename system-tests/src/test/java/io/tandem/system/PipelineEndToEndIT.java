package io.tandem.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

import io.restassured.path.json.JsonPath;
import io.tandem.contracts.Topics;
import io.tandem.testsupport.launch.LocalSettings;
import io.tandem.testsupport.launch.LocalWorkspace;
import io.tandem.testsupport.launch.Ports;
import io.tandem.testsupport.launch.TandemSystem;

/**
 * The walking skeleton: the packaged services, the sandbox, real Kafka and PostgreSQL. A customer writes in the
 * sandbox; Tandem's reply must appear in the conversation, having gone through every topic.
 */
class PipelineEndToEndIT {

    private static final LocalSettings SETTINGS = new LocalSettings("e2eapp", "e2e-webhook-secret-" + UUID.randomUUID(),
            "e2e-token-" + UUID.randomUUID(), "e2e-admin-key", "991267");
    /** A human teammate of the sandbox's workspace. */
    private static final String SAM = "991268";

    private static TandemSystem system;

    @BeforeAll
    static void startTandem() {
        Path root = Path.of(System.getProperty("tandem.root", "..")).toAbsolutePath().normalize();
        system = TandemSystem.start(root, Ports.free(), SETTINGS, System.getenv(), null,
                root.resolve("system-tests/target/e2e-logs"), line -> System.out.println("[e2e] " + line));
        LocalWorkspace.configure(system.url(TandemSystem.ROUTER), SETTINGS, LocalWorkspace.LOCAL_THRESHOLD);
    }

    @AfterAll
    static void stopTandem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aCustomerQuestionIsAnsweredInTheConversationByTandemsBot() {
        String conversationId = openConversation("Where is my order? It still hasn't arrived.");

        JsonPath reply = awaitPart(conversationId, "comment", 1);
        assertThat(reply.getString("author.type")).isIn("admin", "bot");
        assertThat(reply.getString("author.id")).isEqualTo(botAdminId());

        List<ConsumerRecord<String, String>> classified = recordsFor(Topics.CONVERSATION_CLASSIFIED, conversationId, 1);
        JsonPath classification = JsonPath.from(classified.get(0).value());
        assertThat(classification.getString("classification.intents[0].intent")).isEqualTo("order_status");
        assertThat(unescaped(reply.getString("body")))
                .contains(classification.getString("classification.responses[0].text"));

        JsonPath performed = JsonPath.from(
                recordsFor(Topics.CONVERSATION_ACTION_RESULTS, conversationId, 1).get(0).value());
        assertThat(performed.getString("outcome")).isEqualTo("SUCCEEDED");
        assertThat(performed.getString("intercomPartId")).isEqualTo(reply.getString("id"));
    }

    @Test
    void aCustomerReplyInTheSameConversationIsAnsweredToo() {
        String conversationId = openConversation("hi there");
        awaitPart(conversationId, "comment", 1);

        given().contentType("application/json").body(Map.of("body", "When are you open? What are your opening hours?"))
                .post(system.url(TandemSystem.SANDBOX) + "/sandbox/conversations/" + conversationId + "/user-replies")
                .then().statusCode(org.hamcrest.Matchers.lessThan(300));

        awaitPart(conversationId, "comment", 2);
        JsonPath classification = awaitRecord(Topics.CONVERSATION_CLASSIFIED, conversationId,
                event -> "CUSTOMER_REPLIED".equals(event.getString("event.kind")));
        assertThat(classification.getString("classification.intents[0].intent")).isEqualTo("opening_hours");
    }

    @Test
    void tandemsOwnReplyComesBackByWebhookMarkedAsItsOwnAndIsNeverAnswered() throws InterruptedException {
        String conversationId = openConversation("Where is my order? It is late.");
        awaitPart(conversationId, "comment", 1);

        JsonPath ownReply = awaitRecord(Topics.CONVERSATION_CLASSIFIED, conversationId,
                event -> "ADMIN_REPLIED".equals(event.getString("event.kind")));
        assertThat(ownReply.getBoolean("event.authoredByTandem")).isTrue();
        assertThat(ownReply.getString("classification")).isNull();
        // the router has seen Tandem's own reply; an answer to it would come within this pause
        Thread.sleep(2000);
        assertThat(botComments(conversationId)).hasSize(1);
    }

    @Test
    void tandemStaysSilentOnceATeammateTakesTheConversationAndAnswersAgainWhenItIsHandedBack()
            throws InterruptedException {
        String conversationId = openConversation("Where is my order? It is late.");
        awaitPart(conversationId, "comment", 1);

        assign(conversationId, SAM, SAM);
        customerWrites(conversationId, "Sam, can you tell me where my order is?");
        awaitRecord(Topics.CONVERSATION_CLASSIFIED, conversationId,
                event -> event.getString("event.part.text") != null
                        && event.getString("event.part.text").startsWith("Sam, can you"));
        Thread.sleep(2000);
        assertThat(botComments(conversationId)).as("Tandem answered in a teammate's conversation").hasSize(1);

        assign(conversationId, SAM, SETTINGS.botAdminId());
        customerWrites(conversationId, "Where is my order? It still hasn't arrived.");
        awaitPart(conversationId, "comment", 2);
    }

    @Test
    void everyEventOfAConversationIsKeyedByItAndCarriesCloudEventsHeadersAndACausationChain() {
        String conversationId = openConversation("Where is my parcel?");
        awaitPart(conversationId, "comment", 1);

        String causation = null;
        for (String topic : Topics.PIPELINE) {
            ConsumerRecord<String, String> record = recordsFor(topic, conversationId, 1).get(0);
            assertThat(record.key()).isEqualTo(conversationId);
            JsonPath event = JsonPath.from(record.value());
            assertThat(header(record, "ce_id")).isEqualTo(event.getString("eventId"));
            assertThat(header(record, "ce_type")).startsWith("io.tandem.");
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(event.getString("appId")).isEqualTo(SETTINGS.appId());
            assertThat(event.getInt("schemaVersion")).isPositive();
            if (causation != null) {
                assertThat(event.getString("causationId")).as("causation of the event on " + topic)
                        .isEqualTo(causation);
            }
            // the normalized event is caused by the raw webhook, so each topic's event follows the one before
            causation = event.getString("eventId");
        }
    }

    @Test
    void everyServiceReportsItsHealthAndPrometheusMetrics() {
        for (String module : TandemSystem.MODULES) {
            given().get(system.url(module) + "/q/health/ready").then().statusCode(200);
            given().get(system.url(module) + "/q/metrics").then().statusCode(200)
                    .body(containsString("jvm_memory_used_bytes"));
        }
    }

    @Test
    void noSecretAppearsInAnyEventOrServiceLog() throws Exception {
        String conversationId = openConversation("Can I return a jacket that doesn't fit?");
        awaitPart(conversationId, "comment", 1);
        for (String topic : Topics.ALL) {
            for (ConsumerRecord<String, String> record : allRecords(topic)) {
                assertThat(record.value()).doesNotContain(SETTINGS.webhookSecret(), SETTINGS.accessToken());
            }
        }
        for (String module : TandemSystem.MODULES) {
            String log = java.nio.file.Files.readString(system.log(module), StandardCharsets.UTF_8);
            assertThat(log).as(module + " log").doesNotContain(SETTINGS.webhookSecret(), SETTINGS.accessToken());
        }
    }

    private static void assign(String conversationId, String byAdmin, String toAdmin) {
        given().header("Authorization", "Bearer " + SETTINGS.accessToken()).header("Intercom-Version", "2.14")
                .contentType("application/json")
                .body(Map.of("message_type", "assignment", "type", "admin", "admin_id", byAdmin, "assignee_id", toAdmin))
                .post(system.url(TandemSystem.SANDBOX) + "/conversations/" + conversationId + "/parts")
                .then().statusCode(200);
    }

    private static void customerWrites(String conversationId, String body) {
        given().contentType("application/json").body(Map.of("body", body))
                .post(system.url(TandemSystem.SANDBOX) + "/sandbox/conversations/" + conversationId + "/user-replies")
                .then().statusCode(org.hamcrest.Matchers.lessThan(300));
    }

    private static List<Map<String, Object>> botComments(String conversationId) {
        List<Map<String, Object>> parts = given()
                .get(system.url(TandemSystem.SANDBOX) + "/sandbox/conversations/" + conversationId)
                .then().statusCode(200).extract().jsonPath().getList("conversation_parts.conversation_parts");
        return parts.stream().filter(part -> sameKind("comment", (String) part.get("part_type")))
                .filter(part -> SETTINGS.botAdminId().equals(String.valueOf(((Map<?, ?>) part.get("author")).get("id"))))
                .toList();
    }

    private static JsonPath awaitRecord(String topic, String conversationId,
            java.util.function.Predicate<JsonPath> matching) {
        List<JsonPath> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            found.clear();
            allRecords(topic).stream().filter(record -> conversationId.equals(record.key()))
                    .map(record -> JsonPath.from(record.value())).filter(matching).forEach(found::add);
            assertThat(found).as("a matching record on " + topic).isNotEmpty();
        });
        return found.get(0);
    }

    /** A reply with quick-reply buttons is a comment the customer sees, like any other. */
    private static boolean sameKind(String expected, String partType) {
        return expected.equals(partType) || "comment".equals(expected) && "quick_reply".equals(partType);
    }

    private static String unescaped(String html) {
        return html.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&#x27;", "'").replace("&amp;", "&");
    }

    private static String openConversation(String body) {
        return given().contentType("application/json").body(Map.of("body", body))
                .post(system.url(TandemSystem.SANDBOX) + "/sandbox/conversations")
                .then().statusCode(201).extract().path("id");
    }

    /** Waits until the conversation holds {@code count} parts of that type, and returns the last. */
    private static JsonPath awaitPart(String conversationId, String partType, int count) {
        List<Map<String, Object>> parts = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            parts.clear();
            List<Map<String, Object>> all = given()
                    .get(system.url(TandemSystem.SANDBOX) + "/sandbox/conversations/" + conversationId)
                    .then().statusCode(200).extract().jsonPath()
                    .getList("conversation_parts.conversation_parts");
            all.stream().filter(part -> sameKind(partType, (String) part.get("part_type")))
                    .filter(part -> !"user".equals(((Map<?, ?>) part.get("author")).get("type")))
                    .forEach(parts::add);
            assertThat(parts).hasSizeGreaterThanOrEqualTo(count);
        });
        return new JsonPath(toJson(parts.get(count - 1)));
    }

    private static String botAdminId() {
        return given().header("Authorization", "Bearer " + SETTINGS.accessToken()).header("Intercom-Version", "2.14")
                .get(system.url(TandemSystem.SANDBOX) + "/me").then().statusCode(200).extract().path("id").toString();
    }

    private static List<ConsumerRecord<String, String>> recordsFor(String topic, String conversationId, int count) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            found.clear();
            allRecords(topic).stream().filter(record -> conversationId.equals(record.key())).forEach(found::add);
            assertThat(found).as("records on " + topic).hasSizeGreaterThanOrEqualTo(count);
        });
        return found;
    }

    private static List<ConsumerRecord<String, String>> allRecords(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.infrastructure().kafka().bootstrapServers());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new org.apache.kafka.common.TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String toJson(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
