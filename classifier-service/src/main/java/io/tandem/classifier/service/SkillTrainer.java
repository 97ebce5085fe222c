package io.tandem.classifier.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.tandem.classifier.InvalidSkillException;
import io.tandem.classifier.SkillProblem;
import io.tandem.classifier.service.dialog.ContextValues;
import io.tandem.classifier.service.dialog.DialogNode;
import io.tandem.classifier.service.dialog.DialogTree;
import io.tandem.classifier.service.dialog.NextStep;
import io.tandem.classifier.service.dialog.NodeOutput;
import io.tandem.classifier.service.dialog.NodeOutput.Choice;
import io.tandem.classifier.service.dialog.NodeOutput.ConnectToAgent;
import io.tandem.classifier.service.dialog.NodeOutput.Image;
import io.tandem.classifier.service.dialog.NodeOutput.Option;
import io.tandem.classifier.service.dialog.NodeOutput.Pause;
import io.tandem.classifier.service.dialog.NodeOutput.ResponseTemplate;
import io.tandem.classifier.service.dialog.NodeOutput.Text;
import io.tandem.classifier.service.expression.Expression;
import io.tandem.classifier.service.expression.ExpressionParser;
import io.tandem.classifier.service.expression.ExpressionSyntaxException;
import io.tandem.classifier.service.expression.Templates;
import io.tandem.classifier.service.expression.Templates.Template;
import io.tandem.classifier.service.nlu.EntityExtractor;
import io.tandem.classifier.service.nlu.IntentClassifier;

/**
 * Trains a Watson Assistant v1 workspace: checks it completely, then builds the classifier, the entity extractor
 * and the dialog. Fails with every problem found, each naming its field, so one upload shows all that needs fixing.
 */
public final class SkillTrainer {

    /** Conditions that always hold. */
    private static final Set<String> ANYTHING_ELSE = Set.of("anything_else", "true");

    private static final Set<String> NODE_TYPES = Set.of("standard", "folder", "frame", "slot",
            "response_condition", "event_handler");

    private final List<SkillProblem> problems = new ArrayList<>();

    private SkillTrainer() {
    }

    /**
     * @param intentThreshold confidence below which the trained skill recognizes no intent
     * @throws InvalidSkillException listing every problem when the workspace cannot be trained
     */
    public static TrainedSkill train(JsonNode workspace, double intentThreshold) {
        return new SkillTrainer().trainWorkspace(workspace, intentThreshold);
    }

    /** The workspace's {@code name}, or an empty string. */
    private static String nameOf(JsonNode workspace) {
        JsonNode name = workspace == null ? null : workspace.get("name");
        return name != null && name.isTextual() ? name.textValue() : "";
    }

    private TrainedSkill trainWorkspace(JsonNode workspace, double intentThreshold) {
        if (workspace == null || !workspace.isObject()) {
            throw new InvalidSkillException(List.of(new SkillProblem("workspace",
                    "must be a JSON object (a Watson Assistant v1 workspace)")));
        }
        Map<String, List<String>> examples = intents(workspace);
        List<String> counterexamples = counterexamples(workspace);
        EntityExtractor entities = entities(workspace);
        DialogTree dialog = dialog(workspace);
        if (!problems.isEmpty()) {
            throw new InvalidSkillException(problems);
        }
        return new TrainedSkill(nameOf(workspace), IntentClassifier.train(examples, counterexamples), entities, dialog,
                intentThreshold);
    }

    private Map<String, List<String>> intents(JsonNode workspace) {
        Map<String, List<String>> examplesByIntent = new LinkedHashMap<>();
        JsonNode intents = array(workspace, "intents", "intents");
        for (int i = 0; i < intents.size(); i++) {
            String field = "intents[" + i + "]";
            JsonNode intent = intents.get(i);
            String name = uniqueName(intent, "intent", field, examplesByIntent.keySet());
            if (name == null) {
                continue;
            }
            List<String> texts = new ArrayList<>();
            JsonNode examples = array(intent, "examples", field + ".examples");
            for (int e = 0; e < examples.size(); e++) {
                String text = requiredText(examples.get(e), "text", field + ".examples[" + e + "]");
                if (text != null) {
                    texts.add(text);
                }
            }
            if (examples.isEmpty()) {
                problem(field + ".examples", "intent '" + name + "' has no examples to learn from");
            }
            examplesByIntent.put(name, texts);
        }
        return examplesByIntent;
    }

    private List<String> counterexamples(JsonNode workspace) {
        List<String> texts = new ArrayList<>();
        JsonNode counterexamples = array(workspace, "counterexamples", "counterexamples");
        for (int i = 0; i < counterexamples.size(); i++) {
            String text = requiredText(counterexamples.get(i), "text", "counterexamples[" + i + "]");
            if (text != null) {
                texts.add(text);
            }
        }
        return texts;
    }

    private EntityExtractor entities(JsonNode workspace) {
        EntityExtractor.Builder builder = EntityExtractor.builder();
        Set<String> names = new HashSet<>();
        JsonNode entities = array(workspace, "entities", "entities");
        for (int i = 0; i < entities.size(); i++) {
            String field = "entities[" + i + "]";
            String name = uniqueName(entities.get(i), "entity", field, names);
            if (name == null) {
                continue;
            }
            names.add(name);
            if (name.startsWith("sys-")) {
                builder.systemEntity(name);
                continue;
            }
            builder.entity(name);
            JsonNode values = array(entities.get(i), "values", field + ".values");
            for (int v = 0; v < values.size(); v++) {
                entityValue(builder, name, values.get(v), field + ".values[" + v + "]");
            }
        }
        return builder.build();
    }

    private void entityValue(EntityExtractor.Builder builder, String entity, JsonNode value, String field) {
        String name = requiredText(value, "value", field);
        if (name == null) {
            return;
        }
        String type = optionalText(value, "type", field, "synonyms");
        if ("patterns".equals(type)) {
            JsonNode patterns = array(value, "patterns", field + ".patterns");
            if (patterns.isEmpty()) {
                problem(field + ".patterns", "pattern value '" + name + "' has no patterns");
            }
            for (int p = 0; p < patterns.size(); p++) {
                String regex = patterns.get(p).isTextual() ? patterns.get(p).textValue() : null;
                if (regex == null || regex.isEmpty()) {
                    problem(field + ".patterns[" + p + "]", "must be a non-empty regular expression");
                    continue;
                }
                try {
                    builder.pattern(entity, name, Pattern.compile(regex));
                } catch (PatternSyntaxException e) {
                    problem(field + ".patterns[" + p + "]", "invalid regular expression: " + e.getDescription());
                }
            }
        } else if ("synonyms".equals(type)) {
            List<String> synonyms = new ArrayList<>();
            JsonNode list = array(value, "synonyms", field + ".synonyms");
            for (int s = 0; s < list.size(); s++) {
                if (list.get(s).isTextual()) {
                    synonyms.add(list.get(s).textValue());
                } else {
                    problem(field + ".synonyms[" + s + "]", "must be a string");
                }
            }
            builder.synonyms(entity, name, synonyms);
        } else if (type != null) {
            problem(field + ".type", "unknown value type '" + type + "' (expected synonyms or patterns)");
        }
    }

    private DialogTree dialog(JsonNode workspace) {
        List<DialogNode> nodes = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode dialogNodes = array(workspace, "dialog_nodes", "dialog_nodes");
        for (int i = 0; i < dialogNodes.size(); i++) {
            String field = "dialog_nodes[" + i + "]";
            JsonNode json = dialogNodes.get(i);
            String id = uniqueName(json, "dialog_node", field, ids);
            if (id == null) {
                continue;
            }
            ids.add(id);
            nodes.add(node(id, json, field));
            positions.add(i);
        }
        return DialogTree.build(nodes, positions, problems);
    }

    private DialogNode node(String id, JsonNode json, String field) {
        String type = optionalText(json, "type", field, "standard");
        if (type != null && !NODE_TYPES.contains(type)) {
            problem(field + ".type", "unknown node type '" + type + "'");
        }
        String conditions = optionalText(json, "conditions", field, null);
        String variable = optionalText(json, "variable", field, null);
        if (variable != null && variable.startsWith("$")) {
            variable = variable.substring(1);
        }
        return new DialogNode(
                id,
                type,
                optionalText(json, "title", field, null),
                optionalText(json, "user_label", field, null),
                optionalText(json, "parent", field, null),
                optionalText(json, "previous_sibling", field, null),
                condition(id, conditions, field),
                conditions != null && ANYTHING_ELSE.contains(conditions.strip()),
                output(json.get("output"), field + ".output"),
                context(json.get("context"), field + ".context"),
                nextStep(json.get("next_step"), field + ".next_step"),
                json.path("disabled").asBoolean(false),
                variable,
                optionalText(json, "event_name", field, null),
                optionalText(json, "digress_in", field, null),
                optionalText(json, "digress_out", field, null),
                optionalText(json, "digress_out_slots", field, null));
    }

    private Expression condition(String nodeId, String conditions, String field) {
        if (conditions == null || conditions.isBlank()) {
            return null;
        }
        try {
            return ExpressionParser.parse(conditions);
        } catch (ExpressionSyntaxException e) {
            problem(field + ".conditions", "node '" + nodeId + "': cannot parse '" + conditions + "' at position "
                    + e.position() + ": " + e.reason());
            return null;
        }
    }

    private NodeOutput output(JsonNode output, String field) {
        if (output == null || output.isNull()) {
            return NodeOutput.NONE;
        }
        if (!output.isObject()) {
            problem(field, "must be an object");
            return NodeOutput.NONE;
        }
        List<ResponseTemplate> responses = new ArrayList<>();
        JsonNode generic = array(output, "generic", field + ".generic");
        for (int g = 0; g < generic.size(); g++) {
            ResponseTemplate response = response(generic.get(g), field + ".generic[" + g + "]");
            if (response != null) {
                responses.add(response);
            }
        }
        JsonNode legacy = output.get("text");
        if (generic.isEmpty() && legacy != null && !legacy.isNull()) {
            responses.add(legacyText(legacy, field + ".text"));
        }
        return new NodeOutput(List.copyOf(responses));
    }

    /** One {@code output.generic} item; types this service does not render (search_skill, ...) are left out. */
    private ResponseTemplate response(JsonNode response, String field) {
        String type = requiredText(response, "response_type", field);
        if (type == null) {
            return null;
        }
        switch (type) {
            case "text": {
                List<Template> values = new ArrayList<>();
                JsonNode list = array(response, "values", field + ".values");
                for (int v = 0; v < list.size(); v++) {
                    String text = requiredText(list.get(v), "text", field + ".values[" + v + "]");
                    addTemplate(values, text, field + ".values[" + v + "].text");
                }
                return new Text(values, optionalText(response, "selection_policy", field, null));
            }
            case "option": {
                List<Choice> choices = new ArrayList<>();
                JsonNode options = array(response, "options", field + ".options");
                for (int o = 0; o < options.size(); o++) {
                    String optionField = field + ".options[" + o + "]";
                    Template label = template(requiredText(options.get(o), "label", optionField),
                            optionField + ".label");
                    JsonNode input = options.get(o).path("value").path("input").path("text");
                    Template value = input.isTextual() ? template(input.textValue(), optionField
                            + ".value.input.text") : label;
                    choices.add(new Choice(label, value));
                }
                return new Option(template(optionalText(response, "title", field, null), field + ".title"),
                        template(optionalText(response, "description", field, null), field + ".description"),
                        optionalText(response, "preference", field, null), choices);
            }
            case "image":
                return new Image(template(optionalText(response, "source", field, null), field + ".source"),
                        template(optionalText(response, "title", field, null), field + ".title"),
                        template(optionalText(response, "description", field, null), field + ".description"));
            case "pause":
                return new Pause(response.path("time").asLong(0), response.path("typing").asBoolean(false));
            case "connect_to_agent":
                return new ConnectToAgent(
                        template(optionalText(response, "message_to_human_agent", field, null),
                                field + ".message_to_human_agent"),
                        template(messageOf(response.get("agent_available"), field + ".agent_available"),
                                field + ".agent_available.message"),
                        template(messageOf(response.get("agent_unavailable"), field + ".agent_unavailable"),
                                field + ".agent_unavailable.message"));
            default:
                return null;
        }
    }

    /** {@code agent_available} and {@code agent_unavailable} are {@code {"message": "..."}} (or a plain string). */
    private String messageOf(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        return value.isObject() ? optionalText(value, "message", field, null) : null;
    }

    private Template template(String text, String field) {
        if (text == null) {
            return null;
        }
        List<Template> compiled = new ArrayList<>();
        addTemplate(compiled, text, field);
        return compiled.isEmpty() ? null : compiled.get(0);
    }

    /** {@code output.text} of older exports: a string, a list of strings, or {@code {values, selection_policy}}. */
    private Text legacyText(JsonNode text, String field) {
        List<Template> values = new ArrayList<>();
        if (text.isTextual()) {
            addTemplate(values, text.textValue(), field);
            return new Text(values, null);
        }
        JsonNode list = text.isArray() ? text : array(text, "values", field + ".values");
        String listField = text.isArray() ? field : field + ".values";
        for (int v = 0; v < list.size(); v++) {
            if (list.get(v).isTextual()) {
                addTemplate(values, list.get(v).textValue(), listField + "[" + v + "]");
            } else {
                problem(listField + "[" + v + "]", "must be a string");
            }
        }
        String policy = text.isObject() ? optionalText(text, "selection_policy", field, null) : null;
        return new Text(values, policy);
    }

    private void addTemplate(List<Template> values, String text, String field) {
        if (text == null) {
            return;
        }
        try {
            values.add(Templates.compile(text));
        } catch (ExpressionSyntaxException e) {
            problem(field, "cannot parse expression at position " + e.position() + ": " + e.reason());
        }
    }

    private Map<String, Object> context(JsonNode context, String field) {
        if (context == null || context.isNull()) {
            return Map.of();
        }
        if (!context.isObject()) {
            problem(field, "must be an object");
            return Map.of();
        }
        Map<String, Object> compiled = new LinkedHashMap<>();
        context.properties().forEach(variable -> {
            try {
                compiled.put(variable.getKey(), ContextValues.compile(variable.getValue()));
            } catch (ExpressionSyntaxException e) {
                problem(field + "." + variable.getKey(), "cannot parse expression: " + e.getMessage());
            }
        });
        return compiled;
    }

    private NextStep nextStep(JsonNode nextStep, String field) {
        if (nextStep == null || nextStep.isNull()) {
            return null;
        }
        String behavior = requiredText(nextStep, "behavior", field);
        if ("jump_to".equals(behavior)) {
            String target = requiredText(nextStep, "dialog_node", field);
            String selector = optionalText(nextStep, "selector", field, "user_input");
            return target == null ? null : new NextStep(behavior, selector, target);
        }
        return behavior == null ? null : new NextStep(behavior, null, null);
    }

    /** The element's name, or null after reporting it missing or already in {@code seen}. */
    private String uniqueName(JsonNode element, String property, String field, Set<String> seen) {
        String name = requiredText(element, property, field);
        if (name != null && seen.contains(name)) {
            problem(field + "." + property, "'" + name + "' is defined twice");
            return null;
        }
        return name;
    }

    /** The array at {@code name}, or an empty one when absent; anything else there is a problem. */
    private JsonNode array(JsonNode parent, String name, String field) {
        JsonNode value = parent == null ? null : parent.get(name);
        if (value == null || value.isNull()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!value.isArray()) {
            problem(field, "must be an array");
            return JsonNodeFactory.instance.arrayNode();
        }
        return value;
    }

    private String requiredText(JsonNode parent, String name, String field) {
        if (parent == null || !parent.isObject()) {
            problem(field, "must be an object");
            return null;
        }
        JsonNode value = parent.get(name);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            problem(field + "." + name, "is required and must be a non-empty string");
            return null;
        }
        return value.textValue();
    }

    private String optionalText(JsonNode parent, String name, String field, String fallback) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            problem(field + "." + name, "must be a string");
            return fallback;
        }
        return value.textValue();
    }

    private void problem(String field, String detail) {
        problems.add(new SkillProblem(field, detail));
    }
}
