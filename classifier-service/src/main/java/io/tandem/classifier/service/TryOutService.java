package io.tandem.classifier.service;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tandem.classifier.rest.InvalidRequestException;
import io.tandem.classifier.service.dialog.DialogState;
import io.tandem.contracts.MessageClassified.EntityMatch;
import io.tandem.contracts.MessageClassified.IntentScore;
import io.tandem.contracts.Response;

/**
 * "Try it out": one message through an app's active skill, answered as Watson Assistant's v1 message API answers
 * ({@code intents}, {@code entities}, {@code input}, {@code output} with {@code generic}, {@code text} and
 * {@code nodes_visited}, {@code context}). No conversation's state is read or written: where the dialog stands
 * travels in {@code context.system}, so sending back the returned context continues the dialog.
 */
@ApplicationScoped
public class TryOutService {

    /** Where the dialog state travels in {@code context.system}. */
    static final String STATE = "tandem_dialog_state";
    /** How many intents {@code alternate_intents: true} lists, whatever their confidence. */
    static final int ALTERNATE_INTENTS = 10;
    private static final TypeReference<LinkedHashMap<String, Object>> MAP_TYPE = new TypeReference<>() {
    };

    private final SkillService skills;
    private final ObjectMapper objectMapper;

    TryOutService(SkillService skills, ObjectMapper objectMapper) {
        this.skills = skills;
        this.objectMapper = objectMapper;
    }

    /**
     * @param request {@code {"input": {"text": "..."}, "context": {...}}}
     * @throws InvalidRequestException naming the field when the request is not of that shape
     */
    public Map<String, Object> message(String appId, JsonNode request) {
        if (request == null || !request.isObject()) {
            throw new InvalidRequestException("body", "must be a JSON object: {\"input\": {\"text\": \"...\"}}");
        }
        String text = text(request.get("input"));
        Map<String, Object> variables = context(request.get("context"));
        Object system = variables.remove("system");
        DialogState state = DialogState.INITIAL;
        int turns = 0;
        if (system instanceof Map<?, ?> systemMap) {
            Object stored = systemMap.get(STATE);
            if (stored != null) {
                state = read(stored, DialogState.class, "context.system." + STATE);
            }
            if (systemMap.get("dialog_turn_counter") instanceof Number counter) {
                turns = counter.intValue();
            }
        }
        ActiveSkill active = skills.trained(appId);
        SkillResponse response = active.skill().respond(text, variables, state, turns == 0,
                ZonedDateTime.now(ZoneOffset.UTC), UUID.randomUUID().toString());
        List<IntentScore> listed = request.path("alternate_intents").asBoolean(false)
                ? active.skill().intentScores(text).stream().limit(ALTERNATE_INTENTS).toList()
                : response.intents();
        return answer(text, response, listed, turns + 1);
    }

    private Map<String, Object> answer(String text, SkillResponse response, List<IntentScore> listed, int turns) {
        Map<String, Object> answer = new LinkedHashMap<>();
        List<Map<String, Object>> intents = new ArrayList<>();
        for (IntentScore intent : listed) {
            intents.add(ordered("intent", intent.intent(), "confidence", intent.confidence()));
        }
        answer.put("intents", intents);
        List<Map<String, Object>> entities = new ArrayList<>();
        for (EntityMatch entity : response.entities()) {
            entities.add(ordered("entity", entity.entity(), "location", List.of(entity.start(), entity.end()),
                    "value", entity.value(), "confidence", entity.confidence()));
        }
        answer.put("entities", entities);
        answer.put("input", Map.of("text", text));
        Map<String, Object> output = new LinkedHashMap<>();
        List<Map<String, Object>> generic = response.turn().responses().stream().map(TryOutService::generic)
                .toList();
        output.put("generic", generic);
        output.put("text", response.turn().texts());
        output.put("nodes_visited", response.turn().nodeIds());
        output.put("log_messages", List.of());
        answer.put("output", output);
        Map<String, Object> context = new LinkedHashMap<>(response.context());
        Map<String, Object> system = new LinkedHashMap<>();
        DialogState state = response.turn().state();
        List<Map<String, Object>> stack = new ArrayList<>();
        state.returns().forEach(waiting -> stack.add(Map.of("dialog_node", waiting.nodeId())));
        if (state.waiting() != null) {
            stack.add(Map.of("dialog_node", state.waiting().nodeId()));
        }
        system.put("dialog_stack", stack);
        system.put("dialog_turn_counter", turns);
        system.put("dialog_request_counter", turns);
        system.put("branch_exited", state.waiting() == null);
        system.put(STATE, objectMapper.convertValue(state, MAP_TYPE));
        context.put("system", system);
        answer.put("context", context);
        return answer;
    }

    /** A response as an item of Watson Assistant's {@code output.generic}. */
    static Map<String, Object> generic(Response response) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("response_type", response.type());
        switch (response.type()) {
            case Response.TEXT -> item.put("text", response.text());
            case Response.OPTION -> {
                putIfPresent(item, "title", response.title());
                putIfPresent(item, "description", response.description());
                putIfPresent(item, "preference", response.preference());
                item.put("options", response.options().stream()
                        .map(option -> ordered("label", option.label(), "value",
                                Map.of("input", Map.of("text", option.value() == null ? "" : option.value()))))
                        .toList());
            }
            case Response.IMAGE -> {
                putIfPresent(item, "source", response.source());
                putIfPresent(item, "title", response.title());
                putIfPresent(item, "description", response.description());
            }
            case Response.PAUSE -> {
                item.put("time", response.timeMs());
                item.put("typing", response.typing());
            }
            case Response.CONNECT_TO_AGENT -> {
                putIfPresent(item, "message_to_human_agent", response.messageToHumanAgent());
                if (response.agentAvailable() != null) {
                    item.put("agent_available", Map.of("message", response.agentAvailable()));
                }
                if (response.agentUnavailable() != null) {
                    item.put("agent_unavailable", Map.of("message", response.agentUnavailable()));
                }
            }
            default -> {
            }
        }
        return item;
    }

    private static void putIfPresent(Map<String, Object> item, String name, Object value) {
        if (value != null) {
            item.put(name, value);
        }
    }

    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private static String text(JsonNode input) {
        if (input == null || input.isNull()) {
            return "";
        }
        if (!input.isObject()) {
            throw new InvalidRequestException("input", "must be an object: {\"text\": \"...\"}");
        }
        JsonNode text = input.get("text");
        if (text == null || text.isNull()) {
            return "";
        }
        if (!text.isTextual()) {
            throw new InvalidRequestException("input.text", "must be a string");
        }
        return text.textValue();
    }

    private Map<String, Object> context(JsonNode context) {
        if (context == null || context.isNull()) {
            return new LinkedHashMap<>();
        }
        if (!context.isObject()) {
            throw new InvalidRequestException("context", "must be an object");
        }
        return objectMapper.convertValue(context, MAP_TYPE);
    }

    private <T> T read(Object value, Class<T> type, String field) {
        try {
            return objectMapper.convertValue(value, type);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, "is not a dialog state this service wrote");
        }
    }
}
