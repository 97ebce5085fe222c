package io.tandem.classifier.service.dialog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.tandem.classifier.service.expression.EvaluationScope;
import io.tandem.classifier.service.expression.Templates;
import io.tandem.classifier.service.expression.Templates.Template;

/**
 * Values a node assigns to context variables: JSON in which any string may embed expressions.
 */
public final class ContextValues {

    private ContextValues() {
    }

    /**
     * Compiles a JSON value: strings with expressions become templates, numbers become BigDecimal.
     *
     * @throws io.tandem.classifier.service.expression.ExpressionSyntaxException when an embedded expression does
     *                                                                           not parse
     */
    public static Object compile(JsonNode json) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            return null;
        }
        if (json.isTextual()) {
            Template template = Templates.compile(json.textValue());
            return template.isPlainText() ? json.textValue() : template;
        }
        if (json.isNumber()) {
            return json.decimalValue();
        }
        if (json.isBoolean()) {
            return json.booleanValue();
        }
        if (json.isArray()) {
            List<Object> list = new ArrayList<>();
            json.forEach(element -> list.add(compile(element)));
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        json.properties().forEach(field -> map.put(field.getKey(), compile(field.getValue())));
        return map;
    }

    /** The plain value of a compiled one, its templates evaluated now. */
    public static Object evaluate(Object compiled, EvaluationScope scope) {
        if (compiled instanceof Template template) {
            return template.evaluate(scope);
        }
        if (compiled instanceof List<?> list) {
            List<Object> values = new ArrayList<>();
            list.forEach(element -> values.add(evaluate(element, scope)));
            return values;
        }
        if (compiled instanceof Map<?, ?> map) {
            Map<String, Object> values = new LinkedHashMap<>();
            map.forEach((key, value) -> values.put((String) key, evaluate(value, scope)));
            return values;
        }
        return compiled instanceof BigDecimal || compiled instanceof Boolean || compiled instanceof String
                ? compiled
                : null;
    }
}
