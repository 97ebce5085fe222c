package io.tandem.replay.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tandem.replay.ReplayException;
import io.tandem.replay.kafka.Kafka;
import io.tandem.replay.kafka.Range;
import io.tandem.replay.kafka.RangeReader;
import io.tandem.replay.kafka.RecordFilter;
import io.tandem.replay.report.Decision;
import io.tandem.replay.report.MessageDiff;
import io.tandem.replay.report.WhatIfReport;
import io.tandem.replay.stage.ReplayTopics;
import io.tandem.replay.stage.Stage;
import io.tandem.contracts.Topics;

/**
 * Replays a period's conversation events through a replay classifier (loaded with another skill, or the live one)
 * and a replay router (the live settings and rules, or other rules), then sets each customer message's decision now
 * beside its decision then, as the live topics recorded it (matched by ids: event ids are deterministic, so the
 * replayed MessageClassified and ActionDecided have the live ones' ids and causes).
 */
public final class WhatIf {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connections connections;

    public WhatIf(Connections connections) {
        this.connections = connections;
    }

    public WhatIfReport run(String runId, Range range, RecordFilter filter, StageSetup setup, String changes,
            Duration timeout) {
        WhatIfReport[] report = new WhatIfReport[1];
        new StageReplay(connections).run(runId, List.of(Stage.CLASSIFIER, Stage.ROUTER), range, filter, setup,
                timeout, false, id -> report[0] = compare(id, range, filter, changes));
        // nothing in the range: nothing was replayed, nothing changed
        return report[0] != null ? report[0] : WhatIfReport.of(runId, range + ", " + filter, changes, List.of());
    }

    private WhatIfReport compare(String runId, Range range, RecordFilter filter, String changes) {
        ReplayTopics topics = new ReplayTopics(runId);
        try (Kafka kafka = new Kafka(connections.bootstrapServers())) {
            RangeReader reader = new RangeReader(kafka);
            List<JsonNode> events = values(reader.readAll(topics.of(Topics.CONVERSATION_EVENTS), Range.ALL,
                    RecordFilter.NONE));
            Map<String, JsonNode> classifiedNow = byCause(values(reader.readAll(
                    topics.of(Topics.CONVERSATION_CLASSIFIED), Range.ALL, RecordFilter.NONE)));
            Map<String, List<JsonNode>> actionsNow = actionsByCause(values(reader.readAll(
                    topics.of(Topics.CONVERSATION_ACTIONS), Range.ALL, RecordFilter.NONE)));
            // then: what the live stages wrote, from the start of the period to now
            Range since = new Range(range.from(), null, null, null);
            Set<String> eventIds = new HashSet<>();
            events.forEach(event -> eventIds.add(event.path("eventId").asText()));
            Map<String, JsonNode> classifiedThen = byCause(values(reader.readAll(Topics.CONVERSATION_CLASSIFIED,
                    since, filter)));
            classifiedThen.keySet().retainAll(eventIds);
            Map<String, List<JsonNode>> actionsThen = actionsByCause(values(reader.readAll(
                    Topics.CONVERSATION_ACTIONS, since, filter)));

            List<MessageDiff> messages = new ArrayList<>();
            for (JsonNode event : events) {
                String eventId = event.path("eventId").asText();
                JsonNode now = classifiedNow.get(eventId);
                JsonNode then = classifiedThen.get(eventId);
                boolean customerMessage = (now != null && now.path("classification").isObject())
                        || (then != null && then.path("classification").isObject());
                if (!customerMessage) {
                    continue;
                }
                Decision decisionNow = decision(now, actionsNow);
                Decision decisionThen = then == null ? null : decision(then, actionsThen);
                messages.add(new MessageDiff(eventId, event.path("conversationId").asText(),
                        instant(event.path("occurredAt")), event.path("part").path("text").asText(""),
                        decisionThen, decisionNow));
            }
            messages.sort(Comparator.comparing(MessageDiff::occurredAt, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(MessageDiff::conversationId));
            return WhatIfReport.of(runId, range.toString() + ", " + filter, changes, messages);
        }
    }

    static Decision decision(JsonNode classified, Map<String, List<JsonNode>> actionsByCause) {
        if (classified == null) {
            return new Decision(null, 0, List.of());
        }
        JsonNode classification = classified.path("classification");
        JsonNode branch = classification.path("branch");
        String node = null;
        if (branch.isObject()) {
            node = firstText(branch, "title", "userLabel", "nodeId");
        }
        double confidence = classification.path("intents").path(0).path("confidence").asDouble(0);
        List<String> actions = actionsByCause.getOrDefault(classified.path("eventId").asText(), List.of()).stream()
                .map(action -> action.path("type").asText())
                .toList();
        return new Decision(node, confidence, actions);
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.path(field);
            if (value.isTextual() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }

    private static Map<String, JsonNode> byCause(List<JsonNode> records) {
        Map<String, JsonNode> byCause = new HashMap<>();
        records.forEach(record -> byCause.putIfAbsent(record.path("causationId").asText(), record));
        return byCause;
    }

    /** Actions per cause, in their order; a record read twice (redelivered) counts once. */
    private static Map<String, List<JsonNode>> actionsByCause(List<JsonNode> actions) {
        Map<String, Map<String, JsonNode>> byCause = new HashMap<>();
        for (JsonNode action : actions) {
            byCause.computeIfAbsent(action.path("causationId").asText(), cause -> new java.util.TreeMap<>())
                    .putIfAbsent(String.format("%06d", action.path("index").asInt()), action);
        }
        Map<String, List<JsonNode>> ordered = new HashMap<>();
        byCause.forEach((cause, indexed) -> ordered.put(cause, List.copyOf(indexed.values())));
        return ordered;
    }

    private static List<JsonNode> values(List<ConsumerRecord<String, byte[]>> records) {
        List<JsonNode> values = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                continue;
            }
            try {
                values.add(JSON.readTree(new String(record.value(), StandardCharsets.UTF_8)));
            } catch (IOException notJson) {
                // an unreadable record has no decision to compare
            }
        }
        return values;
    }

    private static Instant instant(JsonNode value) {
        if (value.isNumber()) {
            // Jackson's default for Instant without JavaTimeModule settings: seconds with fraction
            return Instant.ofEpochMilli((long) (value.asDouble() * 1000));
        }
        try {
            return value.isTextual() ? Instant.parse(value.asText()) : null;
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** Reads a Watson workspace file for {@code --skill}. */
    public static String readSkillFile(java.nio.file.Path file) {
        try {
            String workspace = java.nio.file.Files.readString(file, StandardCharsets.UTF_8);
            JSON.readTree(workspace);
            return workspace;
        } catch (IOException e) {
            throw new ReplayException("--skill " + file + ": cannot read it as JSON (" + e.getMessage() + ")", e);
        }
    }
}
