package io.tandem.classifier.service.expression;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.tandem.classifier.service.expression.Expression.ArithmeticOperator;
import io.tandem.classifier.service.expression.Expression.ComparisonOperator;
import io.tandem.contracts.MessageClassified.EntityMatch;
import io.tandem.contracts.MessageClassified.IntentScore;

/**
 * Evaluates parsed expressions against one dialog turn. Values are plain Java: null, Boolean, BigDecimal (every
 * number), String, List and Map, plus {@link EntityMention} for {@code @entity}. Like SpEL over JSON, a missing
 * property or variable is null; a value of the wrong kind is an {@link EvaluationException}.
 */
public final class ExpressionEvaluator {

    private ExpressionEvaluator() {
    }

    /** Evaluates a condition: null, false, 0, empty text and empty collections are false. */
    public static boolean test(Expression expression, EvaluationScope scope) {
        return truthy(evaluate(expression, scope));
    }

    public static Object evaluate(Expression expression, EvaluationScope scope) {
        if (expression instanceof Expression.Literal literal) {
            return literal.value();
        }
        if (expression instanceof Expression.IntentReference intent) {
            return !scope.intents().isEmpty() && scope.intents().get(0).intent().equals(intent.intent());
        }
        if (expression instanceof Expression.EntityReference entity) {
            return entity(entity, scope);
        }
        if (expression instanceof Expression.ContextReference variable) {
            return scope.context().get(variable.variable());
        }
        if (expression instanceof Expression.Identifier identifier) {
            return identifier(identifier.name(), scope);
        }
        if (expression instanceof Expression.PropertyAccess access) {
            return property(evaluate(access.target(), scope), access.property());
        }
        if (expression instanceof Expression.IndexAccess access) {
            return index(evaluate(access.target(), scope), evaluate(access.index(), scope));
        }
        if (expression instanceof Expression.MethodCall call) {
            List<Object> arguments = new ArrayList<>();
            for (Expression argument : call.arguments()) {
                arguments.add(scalar(evaluate(argument, scope)));
            }
            return MethodCalls.invoke(evaluate(call.target(), scope), call.method(), arguments);
        }
        if (expression instanceof Expression.FunctionCall call) {
            return function(call, scope);
        }
        if (expression instanceof Expression.Conditional conditional) {
            return evaluate(test(conditional.condition(), scope) ? conditional.then() : conditional.otherwise(),
                    scope);
        }
        if (expression instanceof Expression.Elvis elvis) {
            Object value = evaluate(elvis.value(), scope);
            boolean missing = value == null || "".equals(scalar(value));
            return missing ? evaluate(elvis.fallback(), scope) : value;
        }
        if (expression instanceof Expression.Not not) {
            return !test(not.operand(), scope);
        }
        if (expression instanceof Expression.Negate negate) {
            return number(evaluate(negate.operand(), scope)).negate();
        }
        if (expression instanceof Expression.Logical logical) {
            boolean left = test(logical.left(), scope);
            return switch (logical.operator()) {
                case AND -> left && test(logical.right(), scope);
                case OR -> left || test(logical.right(), scope);
            };
        }
        if (expression instanceof Expression.Comparison comparison) {
            return compare(comparison.operator(), evaluate(comparison.left(), scope),
                    evaluate(comparison.right(), scope));
        }
        Expression.Arithmetic arithmetic = (Expression.Arithmetic) expression;
        return arithmetic(arithmetic.operator(), evaluate(arithmetic.left(), scope),
                evaluate(arithmetic.right(), scope));
    }

    static boolean truthy(Object value) {
        Object plain = scalar(value);
        if (plain == null) {
            return false;
        }
        if (plain instanceof Boolean bool) {
            return bool;
        }
        if (plain instanceof Number) {
            return number(plain).signum() != 0;
        }
        if (plain instanceof String text) {
            return !text.isEmpty();
        }
        if (plain instanceof Collection<?> collection) {
            return !collection.isEmpty();
        }
        if (plain instanceof Map<?, ?> map) {
            return !map.isEmpty();
        }
        return true;
    }

    /** An {@code @entity} used as a plain value is its first mention's value. */
    static Object scalar(Object value) {
        return value instanceof EntityMention mention ? mention.scalar() : value;
    }

    static BigDecimal number(Object value) {
        Object plain = scalar(value);
        if (plain instanceof BigDecimal decimal) {
            return decimal;
        }
        if (plain instanceof Integer || plain instanceof Long || plain instanceof Short) {
            return BigDecimal.valueOf(((Number) plain).longValue());
        }
        if (plain instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        if (plain instanceof String text) {
            try {
                return new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                throw new EvaluationException("'" + text + "' is not a number");
            }
        }
        throw new EvaluationException(describe(plain) + " is not a number");
    }

    static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }

    private static Object entity(Expression.EntityReference reference, EvaluationScope scope) {
        List<EntityMatch> matches = new ArrayList<>();
        for (EntityMatch match : scope.entities()) {
            if (match.entity().equals(reference.entity())) {
                matches.add(match);
            }
        }
        if (reference.value() != null) {
            return matches.stream().anyMatch(match -> match.value().equalsIgnoreCase(reference.value()));
        }
        return matches.isEmpty() ? null : new EntityMention(reference.entity(), matches, scope.inputText());
    }

    private static Object identifier(String name, EvaluationScope scope) {
        switch (name) {
            case "anything_else":
                return true;
            case "conversation_start":
                return scope.firstTurn();
            case "returning_from_digression":
                return scope.returningFromDigression();
            case "event":
                return scope.event();
            case "welcome":
                // Watson: true on the first turn only when the conversation was started without a message
                return scope.firstTurn() && scope.inputText().isBlank();
            case "input":
                Map<String, Object> input = new LinkedHashMap<>();
                input.put("text", scope.inputText());
                return input;
            case "context":
                return scope.context();
            case "intents":
                List<Object> intents = new ArrayList<>();
                for (IntentScore intent : scope.intents()) {
                    Map<String, Object> map = new LinkedHashMap<>();
                    map.put("intent", intent.intent());
                    map.put("confidence", BigDecimal.valueOf(intent.confidence()));
                    intents.add(map);
                }
                return intents;
            case "entities":
                List<Object> entities = new ArrayList<>();
                for (EntityMatch match : scope.entities()) {
                    entities.add(EntityMention.toMap(match, scope.inputText()));
                }
                return entities;
            default:
                // as SpEL over a JSON root: an unknown name is a missing property
                return null;
        }
    }

    private static Object property(Object target, String name) {
        if (target == null) {
            return null;
        }
        if (target instanceof EntityMention mention) {
            return mention.property(name);
        }
        if (target instanceof Map<?, ?> map) {
            return map.get(name);
        }
        if ((target instanceof List<?> || target instanceof String) && (name.equals("length")
                || name.equals("size"))) {
            return BigDecimal.valueOf(target instanceof List<?> list ? list.size() : ((String) target).length());
        }
        throw new EvaluationException("no property '" + name + "' on " + describe(target));
    }

    private static Object index(Object target, Object key) {
        Object plainKey = scalar(key);
        if (target == null) {
            return null;
        }
        if (target instanceof Map<?, ?> map) {
            return map.get(String.valueOf(plainKey));
        }
        if (target instanceof EntityMention mention && plainKey instanceof BigDecimal position) {
            int i = position.intValue();
            return i >= 0 && i < mention.matches().size() ? mention.asMap(i) : null;
        }
        if (target instanceof List<?> list) {
            if (plainKey instanceof String entityName) {
                // entities['name'] selects the mentions of one entity
                List<Object> selected = new ArrayList<>();
                for (Object element : list) {
                    if (element instanceof Map<?, ?> map && entityName.equals(map.get("entity"))) {
                        selected.add(element);
                    }
                }
                return selected;
            }
            int i = number(plainKey).intValue();
            return i >= 0 && i < list.size() ? list.get(i) : null;
        }
        throw new EvaluationException("cannot index " + describe(target));
    }

    private static Object function(Expression.FunctionCall call, EvaluationScope scope) {
        return switch (call.function()) {
            case "now" -> TemporalValues.DATE_TIME.format(scope.now());
            case "today" -> TemporalValues.DATE.format(scope.now());
            default -> throw new EvaluationException("unknown function " + call.function());
        };
    }

    private static boolean compare(ComparisonOperator operator, Object leftValue, Object rightValue) {
        Object left = scalar(leftValue);
        Object right = scalar(rightValue);
        if (operator == ComparisonOperator.EQ) {
            return looselyEqual(left, right);
        }
        if (operator == ComparisonOperator.NE) {
            return !looselyEqual(left, right);
        }
        int order;
        if (left instanceof String a && right instanceof String b && !isNumeric(a) && !isNumeric(b)) {
            order = a.compareTo(b);
        } else {
            order = number(left).compareTo(number(right));
        }
        return switch (operator) {
            case LT -> order < 0;
            case LE -> order <= 0;
            case GT -> order > 0;
            case GE -> order >= 0;
            default -> throw new IllegalStateException("handled above: " + operator);
        };
    }

    static boolean looselyEqual(Object left, Object right) {
        if (left == null || right == null) {
            return left == right;
        }
        boolean numbers = left instanceof Number && (right instanceof Number || isNumeric(right))
                || right instanceof Number && isNumeric(left);
        if (numbers) {
            return number(left).compareTo(number(right)) == 0;
        }
        return Objects.equals(left, right);
    }

    private static boolean isNumeric(Object value) {
        if (!(value instanceof String text) || text.isBlank()) {
            return false;
        }
        try {
            new BigDecimal(text.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Object arithmetic(ArithmeticOperator operator, Object leftValue, Object rightValue) {
        Object left = scalar(leftValue);
        Object right = scalar(rightValue);
        if (operator == ArithmeticOperator.PLUS && (left instanceof String || right instanceof String)) {
            return Templates.text(left) + Templates.text(right);
        }
        BigDecimal a = number(left);
        BigDecimal b = number(right);
        return switch (operator) {
            case PLUS -> a.add(b);
            case MINUS -> a.subtract(b);
            case TIMES -> a.multiply(b);
            case DIVIDE -> divide(a, b);
            case MODULO -> a.remainder(nonZero(b));
        };
    }

    private static BigDecimal divide(BigDecimal a, BigDecimal b) {
        BigDecimal quotient = a.divide(nonZero(b), MathContext.DECIMAL64);
        // integers divide as integers, as in SpEL
        boolean integers = a.stripTrailingZeros().scale() <= 0 && b.stripTrailingZeros().scale() <= 0;
        return integers ? new BigDecimal(quotient.toBigInteger()) : quotient.stripTrailingZeros();
    }

    private static BigDecimal nonZero(BigDecimal divisor) {
        if (divisor.signum() == 0) {
            throw new EvaluationException("division by zero");
        }
        return divisor;
    }

    /** Methods callable on values, by the name they have in Watson Assistant expressions. */
    static final class MethodCalls {

        private MethodCalls() {
        }

        static Object invoke(Object target, String method, List<Object> arguments) {
            if (target instanceof EntityMention mention) {
                if (method.equals("size") || method.equals("length")) {
                    return BigDecimal.valueOf(mention.matches().size());
                }
                return invoke(mention.scalar(), method, arguments);
            }
            switch (method) {
                case "append":
                    List<Object> appended = target == null ? new ArrayList<>() : new ArrayList<>(list(target, method));
                    appended.add(argument(arguments, 0, method));
                    return appended;
                case "size":
                case "length":
                    return size(target, method);
                case "isEmpty":
                    return size(target, method).signum() == 0;
                case "toString":
                    return Templates.text(target);
                default:
                    break;
            }
            if (target == null) {
                throw new EvaluationException("cannot call " + method + "() on null");
            }
            if (target instanceof List<?> list) {
                return onList(list, method, arguments);
            }
            if (target instanceof Map<?, ?> map) {
                return onMap(map, method, arguments);
            }
            if (target instanceof String text) {
                return onText(text, method, arguments);
            }
            if (target instanceof BigDecimal number) {
                return onNumber(number, method);
            }
            throw new EvaluationException("cannot call " + method + "() on " + describe(target));
        }

        private static BigDecimal size(Object target, String method) {
            if (target instanceof String text) {
                return BigDecimal.valueOf(text.length());
            }
            if (target instanceof Collection<?> collection) {
                return BigDecimal.valueOf(collection.size());
            }
            if (target instanceof Map<?, ?> map) {
                return BigDecimal.valueOf(map.size());
            }
            throw new EvaluationException("cannot call " + method + "() on " + describe(target));
        }

        private static Object onList(List<?> list, String method, List<Object> arguments) {
            switch (method) {
                case "contains":
                    Object wanted = argument(arguments, 0, method);
                    return list.stream().anyMatch(element -> looselyEqual(scalar(element), wanted));
                case "get":
                    int i = number(argument(arguments, 0, method)).intValue();
                    return i >= 0 && i < list.size() ? list.get(i) : null;
                case "join":
                    String separator = Templates.text(argument(arguments, 0, method));
                    List<String> parts = new ArrayList<>();
                    list.forEach(element -> parts.add(Templates.text(element)));
                    return String.join(separator, parts);
                default:
                    throw new EvaluationException("cannot call " + method + "() on a list");
            }
        }

        private static Object onMap(Map<?, ?> map, String method, List<Object> arguments) {
            return switch (method) {
                case "contains" -> map.containsKey(Templates.text(argument(arguments, 0, method)));
                case "get" -> map.get(Templates.text(argument(arguments, 0, method)));
                default -> throw new EvaluationException("cannot call " + method + "() on an object");
            };
        }

        private static Object onNumber(BigDecimal number, String method) {
            return switch (method) {
                case "toInt", "toLong" -> new BigDecimal(number.toBigInteger());
                case "toDouble" -> number;
                default -> throw new EvaluationException("cannot call " + method + "() on a number");
            };
        }

        private static Object onText(String text, String method, List<Object> arguments) {
            switch (method) {
                case "contains":
                    return text.contains(Templates.text(argument(arguments, 0, method)));
                case "find":
                    return regex(argument(arguments, 0, method)).matcher(text).find();
                case "matches":
                    return regex(argument(arguments, 0, method)).matcher(text).matches();
                case "extract":
                    return extract(text, arguments);
                case "isNumber":
                    return isNumeric(text);
                case "toLong":
                    return new BigDecimal(number(text).toBigInteger());
                case "lastIndexOf":
                    return BigDecimal.valueOf(text.lastIndexOf(Templates.text(argument(arguments, 0, method))));
                case "startsWith":
                    return text.startsWith(Templates.text(argument(arguments, 0, method)));
                case "endsWith":
                    return text.endsWith(Templates.text(argument(arguments, 0, method)));
                case "toLowerCase":
                    return text.toLowerCase(Locale.ROOT);
                case "toUpperCase":
                    return text.toUpperCase(Locale.ROOT);
                case "trim":
                    return text.trim();
                case "equals":
                    return text.equals(Templates.text(argument(arguments, 0, method)));
                case "equalsIgnoreCase":
                    return text.equalsIgnoreCase(Templates.text(argument(arguments, 0, method)));
                case "indexOf":
                    return BigDecimal.valueOf(text.indexOf(Templates.text(argument(arguments, 0, method))));
                case "substring":
                    return substring(text, arguments);
                case "toInt":
                    return new BigDecimal(number(text).toBigInteger());
                case "toDouble":
                    return number(text);
                case "before":
                    return TemporalValues.compare(text, argument(arguments, 0, method)) < 0;
                case "after":
                    return TemporalValues.compare(text, argument(arguments, 0, method)) > 0;
                case "sameOrBefore":
                    return TemporalValues.compare(text, argument(arguments, 0, method)) <= 0;
                case "sameOrAfter":
                    return TemporalValues.compare(text, argument(arguments, 0, method)) >= 0;
                case "reformatDateTime":
                    return TemporalValues.reformat(text, Templates.text(argument(arguments, 0, method)));
                default:
                    return shift(text, method, arguments);
            }
        }

        private static Object shift(String text, String method, List<Object> arguments) {
            boolean plus = method.startsWith("plus");
            boolean minus = method.startsWith("minus");
            if (!plus && !minus) {
                throw new EvaluationException("cannot call " + method + "() on text");
            }
            String unitName = method.substring(plus ? 4 : 5).toUpperCase(Locale.ROOT);
            ChronoUnit unit = ChronoUnit.valueOf(unitName);
            long amount = number(argument(arguments, 0, method)).longValueExact();
            return TemporalValues.plus(text, plus ? amount : -amount, unit);
        }

        /** {@code extract(regex, group)}: the group of the first match, or empty text when none. */
        private static String extract(String text, List<Object> arguments) {
            Matcher matcher = regex(argument(arguments, 0, "extract")).matcher(text);
            int group = number(argument(arguments, 1, "extract")).intValue();
            if (!matcher.find() || group < 0 || group > matcher.groupCount()) {
                return "";
            }
            String value = matcher.group(group);
            return value == null ? "" : value;
        }

        private static String substring(String text, List<Object> arguments) {
            int begin = number(argument(arguments, 0, "substring")).intValue();
            int end = arguments.size() > 1 ? number(arguments.get(1)).intValue() : text.length();
            if (begin < 0 || end > text.length() || begin > end) {
                throw new EvaluationException("substring(" + begin + ", " + end + ") out of range");
            }
            return text.substring(begin, end);
        }

        private static Pattern regex(Object pattern) {
            try {
                return Pattern.compile(Templates.text(pattern));
            } catch (PatternSyntaxException e) {
                throw new EvaluationException("invalid regular expression " + pattern);
            }
        }

        private static List<?> list(Object target, String method) {
            if (target instanceof List<?> list) {
                return list;
            }
            throw new EvaluationException("cannot call " + method + "() on " + describe(target));
        }

        private static Object argument(List<Object> arguments, int position, String method) {
            if (arguments.size() <= position) {
                throw new EvaluationException(method + "() needs " + (position + 1) + " argument(s)");
            }
            return arguments.get(position);
        }
    }
}
