package io.tandem.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.tandem.contracts.ConversationEvent;
import io.tandem.contracts.Topics;

/**
 * {@code ./tandem replay run --stage router} decides again what the live router decided, with the live settings;
 * {@code --stage responder} performs the recorded actions dry: nothing reaches Intercom, the dry run's table in the
 * replay database says what would have been sent.
 */
class RouterAndResponderReplayIT {

    @Test
    void theRouterDecidesTheSameActionsAndTheResponderPerformsThemDry() throws Exception {
        LiveStages live = LiveStages.get();
        Instant from = Instant.now();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<ConversationEvent> events = List.of(
                LiveStages.customerMessage(LiveStages.APP, "rr-hello-" + run, "hello"),
                LiveStages.customerMessage(LiveStages.APP, "rr-return-" + run, "I want to return an item"));
        live.publish(Topics.CONVERSATION_EVENTS, events);
        List<String> eventIds = events.stream().map(ConversationEvent::eventId).toList();
        await().atMost(Duration.ofSeconds(90)).until(() -> liveActions(live, eventIds).size() >= 2);
        live.awaitSettled();
        Instant to = Instant.now();
        List<JsonNode> actionsThen = liveActions(live, eventIds);
        long decisionsBefore = live.count("SELECT count(*) FROM router.decision");

        LiveStages.Run router = live.replay("run", "--stage", "router", "--from", from.toString(), "--to",
                to.toString(), "--app", LiveStages.APP);

        assertThat(router.status()).as(router.err()).isZero();
        List<JsonNode> actionsNow = live.caused(topic(router, Topics.CONVERSATION_ACTIONS),
                actionsThen.stream().map(action -> action.get("causationId").asText()).toList());
        assertThat(actionsNow).extracting(action -> action.get("eventId").asText() + " " + action.get("type").asText())
                .containsExactlyInAnyOrderElementsOf(actionsThen.stream()
                        .map(action -> action.get("eventId").asText() + " " + action.get("type").asText()).toList());
        assertThat(live.count("SELECT count(*) FROM router.decision")).isEqualTo(decisionsBefore);

        int intercomWritesBefore = LiveStages.INTERCOM_WRITES.get();
        LiveStages.Run responder = live.replay("run", "--stage", "responder", "--from", from.toString(), "--app",
                LiveStages.APP, "--conversation", "rr-return-" + run, "--keep-database");

        assertThat(responder.status()).as(responder.err()).isZero();
        long returnActions = actionsThen.stream()
                .filter(action -> action.get("conversationId").asText().equals("rr-return-" + run)).count();
        assertThat(responder.out()).contains(returnActions + " action(s) performed dry: nothing sent");
        String database = responder.out().lines().filter(line -> line.contains("replay database: "))
                .findFirst().orElseThrow().replaceAll(".*replay database: (\\S+).*", "$1");
        String url = live.infrastructure.postgres().jdbcUrl().replaceAll("/[^/?]+(\\?.*)?$", "/" + database);
        try (Connection connection = DriverManager.getConnection(url, live.infrastructure.postgres().username(),
                live.infrastructure.postgres().password());
                Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT count(*), min(requests) FROM responder.dry_run_action")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(returnActions);
                assertThat(rows.getString(2)).contains("/conversations/rr-return-" + run + "/reply");
            }
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM responder.performed_action")) {
                rows.next();
                assertThat(rows.getLong(1)).as("the ledger").isZero();
            }
        } finally {
            try (Connection connection = DriverManager.getConnection(live.infrastructure.postgres().jdbcUrl(),
                    live.infrastructure.postgres().username(), live.infrastructure.postgres().password());
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
        assertThat(LiveStages.INTERCOM_WRITES.get()).as("requests that change Intercom")
                .isEqualTo(intercomWritesBefore);
    }

    private static List<JsonNode> liveActions(LiveStages live, List<String> eventIds) {
        List<String> classified = live.caused(Topics.CONVERSATION_CLASSIFIED, eventIds).stream()
                .map(value -> value.get("eventId").asText()).toList();
        return live.caused(Topics.CONVERSATION_ACTIONS, classified);
    }

    private static String topic(LiveStages.Run run, String liveTopic) {
        String runId = run.out().lines().filter(line -> line.startsWith("replay ") && line.contains(" done:"))
                .findFirst().orElseThrow().split(" ")[1];
        return "replay." + runId + "." + liveTopic;
    }
}
