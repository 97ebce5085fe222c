package io.tandem.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.tandem.contracts.ConversationEvent;
import io.tandem.contracts.Topics;

/** {@code ./tandem replay run --stage classifier}: a recorded period through a replay classifier. */
class ClassifierReplayIT {

    @Test
    void aRecordedPeriodReplayedThroughTheClassifierYieldsTheSameClassificationsAndTouchesNothingLive()
            throws Exception {
        LiveStages live = LiveStages.get();
        Instant from = Instant.now();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<ConversationEvent> acme = List.of(
                LiveStages.customerMessage(LiveStages.APP, "c-hello-" + run, "hello"),
                LiveStages.customerMessage(LiveStages.APP, "c-order-" + run, "where is my order?"),
                LiveStages.customerMessage(LiveStages.APP, "c-return-" + run, "I want to return an item"),
                LiveStages.customerMessage(LiveStages.APP, "c-hours-" + run, "when are you open?"));
        ConversationEvent otherWorkspace = LiveStages.customerMessage("globex", "c-globex-" + run, "hello");
        live.publish(Topics.CONVERSATION_EVENTS, List.of(acme.get(0), acme.get(1), otherWorkspace, acme.get(2),
                acme.get(3)));
        List<String> eventIds = acme.stream().map(ConversationEvent::eventId).toList();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                live.caused(Topics.CONVERSATION_CLASSIFIED, eventIds).size() == acme.size());
        Map<String, JsonNode> liveClassified = live.caused(Topics.CONVERSATION_CLASSIFIED, eventIds).stream()
                .collect(Collectors.toMap(value -> value.get("causationId").asText(), Function.identity(),
                        (a, b) -> a));
        live.awaitSettled();
        Instant to = Instant.now();

        List<String> liveTopics = List.of(Topics.CONVERSATION_EVENTS, Topics.CONVERSATION_CLASSIFIED,
                Topics.CONVERSATION_ACTIONS, Topics.CONVERSATION_ACTION_RESULTS, Topics.CLASSIFIER_DLQ);
        Map<TopicPartition, Long> liveEndsBefore = live.endOffsets(liveTopics);
        long contextsBefore = live.count("SELECT count(*) FROM classifier.conversation_context");
        long processedBefore = live.count("SELECT count(*) FROM classifier.processed_event");
        Map<TopicPartition, OffsetAndMetadata> liveGroupBefore = groupOffsets(live, "classifier-service");
        long databasesBefore = live.count("SELECT count(*) FROM pg_database");

        LiveStages.Run replay = live.replay("run", "--stage", "classifier", "--from", from.toString(), "--to",
                to.toString(), "--app", LiveStages.APP);

        assertThat(replay.status()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("4 records to replay").contains("records/s");
        String runId = replay.out().lines().filter(line -> line.startsWith("replay ") && line.contains(" done:"))
                .findFirst().orElseThrow().split(" ")[1];
        String replayTopic = "replay." + runId + "." + Topics.CONVERSATION_CLASSIFIED;
        List<JsonNode> replayed = live.records(replayTopic).stream().map(record -> read(record.value())).toList();
        assertThat(replayed).extracting(value -> value.get("causationId").asText())
                .containsExactlyInAnyOrderElementsOf(eventIds);
        for (JsonNode now : replayed) {
            JsonNode then = liveClassified.get(now.get("causationId").asText());
            assertThat(now.get("eventId")).isEqualTo(then.get("eventId"));
            JsonNode classificationNow = now.get("classification");
            JsonNode classificationThen = then.get("classification");
            assertThat(classificationNow.get("branch")).isEqualTo(classificationThen.get("branch"));
            assertThat(classificationNow.get("intents")).isEqualTo(classificationThen.get("intents"));
            assertThat(classificationNow.get("responses")).isEqualTo(classificationThen.get("responses"));
            assertThat(classificationNow.get("nodesVisited")).isEqualTo(classificationThen.get("nodesVisited"));
        }
        assertThat(replayed).extracting(value -> value.get("classification").get("branch").get("title").asText())
                .containsExactlyInAnyOrder("Greetings", "Order status", "Returns", "Opening hours");

        assertThat(live.endOffsets(liveTopics)).as("live topics").isEqualTo(liveEndsBefore);
        assertThat(live.count("SELECT count(*) FROM classifier.conversation_context")).isEqualTo(contextsBefore);
        assertThat(live.count("SELECT count(*) FROM classifier.processed_event")).isEqualTo(processedBefore);
        assertThat(groupOffsets(live, "classifier-service")).as("live group").isEqualTo(liveGroupBefore);
        assertThat(live.count("SELECT count(*) FROM pg_database")).as("the replay database is dropped")
                .isEqualTo(databasesBefore);
    }

    @Test
    void aRangeWithNothingToReplayStartsNoStage() throws Exception {
        LiveStages live = LiveStages.get();

        LiveStages.Run replay = live.replay("run", "--stage", "classifier", "--from", Instant.now().toString(),
                "--conversation", "no-such-conversation");

        assertThat(replay.status()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("0 records to replay").contains("nothing to replay: no stage started")
                .doesNotContain("starting a replay");
    }

    static JsonNode read(String json) {
        try {
            return LiveStages.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static Map<TopicPartition, OffsetAndMetadata> groupOffsets(LiveStages live, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, live.bootstrapServers()))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        }
    }
}
