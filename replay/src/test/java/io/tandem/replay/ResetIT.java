package io.tandem.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.tandem.contracts.ConversationEvent;
import io.tandem.contracts.Topics;

/**
 * {@code ./tandem replay reset}: router-service's group moved back to a time re-reads what it already decided, and
 * its idempotent consumer decides nothing twice: no decision row, no action doubled.
 */
class ResetIT {

    @Test
    void resettingTheStoppedRoutersGroupReplaysWithoutDuplicateEffects() throws Exception {
        LiveStages live = LiveStages.get();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant from = Instant.now();
        List<ConversationEvent> events = List.of(
                LiveStages.customerMessage(LiveStages.APP, "r-hello-" + run, "hello"),
                LiveStages.customerMessage(LiveStages.APP, "r-return-" + run, "I want to return an item"));
        live.publish(Topics.CONVERSATION_EVENTS, events);
        List<String> eventIds = events.stream().map(ConversationEvent::eventId).toList();
        await().atMost(Duration.ofSeconds(90)).until(() -> actions(live, eventIds).size() >= 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> lag(live) == 0);
        long decisions = live.count("SELECT count(*) FROM router.decision");
        int actions = actions(live, eventIds).size();

        LiveStages.Run whileRunning = live.replay("reset", "--stage", "router", "--to", from.toString(), "--yes");
        assertThat(whileRunning.status()).isEqualTo(1);
        // one router-service with one consumer per partition (concurrency 3)
        assertThat(whileRunning.err()).contains("'router-service' has 3 active member(s): stop every router-service"
                + " first (Kafka refuses to reset the offsets of an active group)");

        live.stopRouter();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> members(live) == 0);
            LiveStages.Run declined = live.replay(new ByteArrayInputStream("no\n".getBytes(StandardCharsets.UTF_8)),
                    "reset", "--stage", "router", "--to", from.toString());
            assertThat(declined.status()).isEqualTo(1);
            assertThat(declined.out()).contains("reset? type 'yes'").contains("not reset");
            assertThat(lag(live)).isZero();

            LiveStages.Run confirmed = live.replay(new ByteArrayInputStream("yes\n".getBytes(StandardCharsets.UTF_8)),
                    "reset", "--stage", "router", "--to", from.toString());
            assertThat(confirmed.status()).as(confirmed.err()).isZero();
            assertThat(lag(live)).as("records to read again").isGreaterThanOrEqualTo(2);
        } finally {
            live.startRouter();
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> lag(live) == 0);

        assertThat(live.count("SELECT count(*) FROM router.decision")).as("decision rows").isEqualTo(decisions);
        assertThat(actions(live, eventIds)).as("actions on conversation.actions").hasSize(actions);
    }

    private static List<JsonNode> actions(LiveStages live, List<String> eventIds) throws Exception {
        List<String> classified = live.caused(Topics.CONVERSATION_CLASSIFIED, eventIds).stream()
                .map(value -> value.get("eventId").asText()).toList();
        return live.caused(Topics.CONVERSATION_ACTIONS, classified);
    }

    private static int members(LiveStages live) throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(Map.of(
                org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, live.bootstrapServers()))) {
            return admin.describeConsumerGroups(List.of("router-service")).all().get().get("router-service")
                    .members().size();
        }
    }

    private static long lag(LiveStages live) throws Exception {
        return live.lag("router-service", Topics.CONVERSATION_CLASSIFIED);
    }
}
