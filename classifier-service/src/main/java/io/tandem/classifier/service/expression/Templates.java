package io.tandem.classifier.service.expression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Text with embedded expressions, as in Watson Assistant responses and context values: {@code <? expression ?>}
 * and the shorthand {@code $variable}.
 */
public final class Templates {

    /** {@code $variable} or {@code @entity} with optional properties ({@code @airport.literal}). */
    private static final Pattern SHORTHAND = Pattern.compile(
            "\\$([A-Za-z_][A-Za-z0-9_]*)|(?<![\\w.@])@([A-Za-z][A-Za-z0-9_-]*)((?:\\.[A-Za-z_][A-Za-z0-9_]*)*)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Templates() {
    }

    /** A compiled template: literal text and expressions, in order. */
    public record Template(List<Object> parts) {

        /** The text with every expression replaced by its value. */
        public String render(EvaluationScope scope) {
            StringBuilder text = new StringBuilder();
            for (Object part : parts) {
                text.append(part instanceof Expression expression ? text(valueOf(expression, scope)) : part);
            }
            return text.toString();
        }

        /** A template that is one expression yields that expression's value (a list stays a list). */
        public Object evaluate(EvaluationScope scope) {
            if (parts.size() == 1 && parts.get(0) instanceof Expression expression) {
                return valueOf(expression, scope);
            }
            return render(scope);
        }

        /** An expression that cannot be evaluated with this turn's values stands for nothing, not an error. */
        private static Object valueOf(Expression expression, EvaluationScope scope) {
            try {
                return ExpressionEvaluator.scalar(ExpressionEvaluator.evaluate(expression, scope));
            } catch (EvaluationException e) {
                return null;
            }
        }

        public boolean isPlainText() {
            return parts.stream().noneMatch(Expression.class::isInstance);
        }
    }

    /**
     * @throws ExpressionSyntaxException when an embedded expression does not parse or {@code <?} is not closed
     */
    public static Template compile(String source) {
        List<Object> parts = new ArrayList<>();
        int position = 0;
        while (position < source.length()) {
            int open = source.indexOf("<?", position);
            if (open < 0) {
                addText(parts, source.substring(position));
                break;
            }
            addText(parts, source.substring(position, open));
            int close = source.indexOf("?>", open + 2);
            if (close < 0) {
                throw new ExpressionSyntaxException("'<?' without '?>'", open);
            }
            String inside = source.substring(open + 2, close);
            try {
                parts.add(ExpressionParser.parse(inside));
            } catch (ExpressionSyntaxException e) {
                throw new ExpressionSyntaxException("in '<?" + inside + "?>': " + e.reason(),
                        open + 2 + e.position());
            }
            position = close + 2;
        }
        return new Template(List.copyOf(parts));
    }

    private static void addText(List<Object> parts, String text) {
        Matcher matcher = SHORTHAND.matcher(text);
        int position = 0;
        while (matcher.find()) {
            if (matcher.start() > position) {
                parts.add(text.substring(position, matcher.start()));
            }
            parts.add(shorthand(matcher));
            position = matcher.end();
        }
        if (position < text.length()) {
            parts.add(text.substring(position));
        }
    }

    private static Expression shorthand(Matcher matcher) {
        if (matcher.group(1) != null) {
            return new Expression.ContextReference(matcher.group(1));
        }
        Expression entity = new Expression.EntityReference(matcher.group(2), null);
        for (String property : matcher.group(3).split("\\.")) {
            if (!property.isEmpty()) {
                entity = new Expression.PropertyAccess(entity, property);
            }
        }
        return entity;
    }

    /** A value as Watson Assistant prints it: numbers without trailing zeros, lists and objects as JSON. */
    public static String text(Object value) {
        Object plain = ExpressionEvaluator.scalar(value);
        if (plain == null) {
            return "";
        }
        if (plain instanceof BigDecimal || plain instanceof Double || plain instanceof Float) {
            return ExpressionEvaluator.number(plain).stripTrailingZeros().toPlainString();
        }
        if (plain instanceof Map || plain instanceof Collection) {
            try {
                return JSON.writeValueAsString(plain);
            } catch (JsonProcessingException e) {
                throw new EvaluationException("cannot print " + plain.getClass().getSimpleName());
            }
        }
        return String.valueOf(plain);
    }
}
