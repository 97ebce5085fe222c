package io.tandem.classifier.service.expression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tandem.classifier.service.nlu.SystemEntities;
import io.tandem.contracts.MessageClassified.EntityMatch;

/**
 * The value of {@code @entity} in an expression: the entity's mentions in the message. Used as a plain value it
 * stands for the first mention's value, as in Watson Assistant.
 */
record EntityMention(String entity, List<EntityMatch> matches, String inputText) {

    private static final Set<String> NUMERIC_SYSTEM_ENTITIES = Set.of("sys-number", "sys-percentage",
            "sys-currency");

    /** The first mention's value; numeric system entities give a number, so {@code @sys-number:0} is false. */
    Object scalar() {
        return valueOf(matches.get(0));
    }

    List<Object> values() {
        List<Object> values = new ArrayList<>();
        for (EntityMatch match : matches) {
            values.add(valueOf(match));
        }
        return values;
    }

    Object property(String name) {
        EntityMatch first = matches.get(0);
        return switch (name) {
            case "value" -> scalar();
            case "literal" -> literal(first);
            case "location" -> List.of(BigDecimal.valueOf(first.start()), BigDecimal.valueOf(first.end()));
            case "confidence" -> BigDecimal.valueOf(first.confidence());
            case "entity" -> entity;
            case "values" -> values();
            case "numeric_value" -> NUMERIC_SYSTEM_ENTITIES.contains(entity) ? scalar() : null;
            case "unit" -> entity.equals("sys-currency") ? SystemEntities.currencyUnit(literal(first)) : null;
            case "length", "size" -> BigDecimal.valueOf(matches.size());
            default -> throw new EvaluationException("no property '" + name + "' on @" + entity);
        };
    }

    Map<String, Object> asMap(int index) {
        EntityMatch match = matches.get(index);
        return toMap(match, inputText);
    }

    static Map<String, Object> toMap(EntityMatch match, String inputText) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("entity", match.entity());
        map.put("value", valueOf(match));
        map.put("literal", inputText.substring(match.start(), match.end()));
        map.put("location", List.of(BigDecimal.valueOf(match.start()), BigDecimal.valueOf(match.end())));
        map.put("confidence", BigDecimal.valueOf(match.confidence()));
        return map;
    }

    private String literal(EntityMatch match) {
        return inputText.substring(match.start(), match.end());
    }

    private static Object valueOf(EntityMatch match) {
        if (NUMERIC_SYSTEM_ENTITIES.contains(match.entity())) {
            try {
                return new BigDecimal(match.value());
            } catch (NumberFormatException notANumber) {
                return match.value();
            }
        }
        return match.value();
    }
}
