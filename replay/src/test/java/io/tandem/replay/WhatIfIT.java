package io.tandem.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tandem.contracts.ConversationEvent;
import io.tandem.contracts.Topics;

/** {@code ./tandem replay what-if}: a period against a changed skill and changed rules. */
class WhatIfIT {

    @TempDir
    Path dir;

    @Test
    void aChangedSkillAndRuleAreReportedPerMessageWithTotals() throws Exception {
        LiveStages live = LiveStages.get();
        Instant from = Instant.now();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<ConversationEvent> events = List.of(
                LiveStages.customerMessage(LiveStages.APP, "w-hello-" + run, "hello"),
                LiveStages.customerMessage(LiveStages.APP, "w-hours-" + run, "when are you open?"),
                LiveStages.customerMessage(LiveStages.APP, "w-return-" + run, "I want to return an item"));
        live.publish(Topics.CONVERSATION_EVENTS, events);
        List<String> eventIds = events.stream().map(ConversationEvent::eventId).toList();
        // then: every message answered by the live stages
        await().atMost(Duration.ofSeconds(90)).until(() -> live.caused(Topics.CONVERSATION_ACTIONS,
                live.caused(Topics.CONVERSATION_CLASSIFIED, eventIds).stream()
                        .map(value -> value.get("eventId").asText()).toList()).size() >= 3);
        live.awaitSettled();
        Instant to = Instant.now();

        // the new skill no longer answers opening hours; the new rules suggest returns to a teammate
        ObjectNode skill = (ObjectNode) LiveStages.JSON.readTree(Files.readString(live.root.resolve(
                "classifier-service/src/main/resources/skills/online-store.json")));
        for (JsonNode node : skill.get("dialog_nodes")) {
            if ("node_opening_hours".equals(node.path("dialog_node").asText())) {
                ((ObjectNode) node).put("conditions", "false");
            }
        }
        Path skillFile = dir.resolve("skill-v2.json");
        Files.writeString(skillFile, skill.toString());
        Path rulesFile = dir.resolve("rules.json");
        Files.writeString(rulesFile, """
                {"backupRules": [], "actionRules": [{"node": "Returns", "action": "SUGGEST"}]}
                """);
        Path out = dir.resolve("report");
        long liveDecisionsBefore = live.count("SELECT count(*) FROM router.decision");

        LiveStages.Run whatIf = live.replay("what-if", "--from", from.toString(), "--to", to.toString(), "--app",
                LiveStages.APP, "--skill", skillFile.toString(), "--rules", rulesFile.toString(), "--out",
                out.toString());

        assertThat(whatIf.status()).as(whatIf.err()).isZero();
        assertThat(whatIf.out()).contains("3 customer message(s): 2 changed")
                .contains("REPLY -> NOTE+ASSIGN");
        JsonNode report = LiveStages.JSON.readTree(out.resolve("what-if.json").toFile());
        JsonNode totals = report.get("totals");
        assertThat(totals.get("messages").asInt()).isEqualTo(3);
        assertThat(totals.get("changed").asInt()).isEqualTo(2);
        assertThat(totals.get("unchanged").asInt()).isEqualTo(1);
        assertThat(totals.get("nodeChanged").asInt()).isEqualTo(1);
        assertThat(totals.get("actionChanged").asInt()).isEqualTo(1);
        assertThat(totals.get("withoutDecisionThen").asInt()).isZero();
        assertThat(totals.get("transitions").get("REPLY -> NOTE+ASSIGN").asInt()).isEqualTo(1);

        JsonNode hours = message(report, "when are you open?");
        assertThat(hours.get("then").get("node").asText()).isEqualTo("Opening hours");
        assertThat(hours.get("now").get("node").asText()).isEqualTo("Anything else");
        assertThat(hours.get("then").get("actions").toString()).isEqualTo("[\"REPLY\"]");
        JsonNode returns = message(report, "I want to return an item");
        assertThat(returns.get("then").get("node").asText()).isEqualTo("Returns");
        assertThat(returns.get("now").get("node").asText()).isEqualTo("Returns");
        assertThat(returns.get("then").get("actions").toString()).isEqualTo("[\"REPLY\"]");
        assertThat(returns.get("now").get("actions").toString()).isEqualTo("[\"NOTE\",\"ASSIGN\"]");
        assertThat(returns.get("now").get("confidence").asDouble())
                .isEqualTo(returns.get("then").get("confidence").asDouble());
        JsonNode hello = message(report, "hello");
        assertThat(hello.get("now")).isEqualTo(hello.get("then"));

        String html = Files.readString(out.resolve("what-if.html"));
        assertThat(html).contains("<title>What-if").contains("when are you open?").contains("Anything else")
                .contains("<tr class=\"changed\">").contains("REPLY -&gt; NOTE+ASSIGN");
        assertThat(live.count("SELECT count(*) FROM router.decision")).as("live decisions")
                .isEqualTo(liveDecisionsBefore);
    }

    @Test
    void aPeriodWithoutMessagesReportsNothingChanged() throws Exception {
        LiveStages live = LiveStages.get();
        Path out = dir.resolve("empty");

        LiveStages.Run whatIf = live.replay("what-if", "--from", Instant.now().toString(), "--app", "nobody",
                "--out", out.toString());

        assertThat(whatIf.status()).as(whatIf.err()).isZero();
        assertThat(whatIf.out()).contains("0 customer message(s): 0 changed");
        assertThat(LiveStages.JSON.readTree(out.resolve("what-if.json").toFile()).get("totals").get("messages")
                .asInt()).isZero();
    }

    private static JsonNode message(JsonNode report, String text) {
        for (JsonNode message : report.get("messages")) {
            if (text.equals(message.get("text").asText())) {
                return message;
            }
        }
        throw new AssertionError("no message '" + text + "' in " + report);
    }
}
