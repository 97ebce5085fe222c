package io.tandem.classifier.service.expression;

import java.util.List;

/**
 * A parsed Watson Assistant expression: a node condition or the inside of a {@code <? ... ?>} template.
 */
public sealed interface Expression {

    /** A string, number, boolean or null written in the expression. */
    record Literal(Object value) implements Expression {
    }

    /** {@code #intent}: true when it is the recognized top intent. */
    record IntentReference(String intent) implements Expression {
    }

    /** {@code @entity} (the first mention's value) or {@code @entity:value} (true when that value was found). */
    record EntityReference(String entity, String value) implements Expression {
    }

    /** {@code $variable}: a context variable. */
    record ContextReference(String variable) implements Expression {
    }

    /** A bare name: {@code input}, {@code intents}, {@code entities}, {@code context}, {@code anything_else}, ... */
    record Identifier(String name) implements Expression {
    }

    record PropertyAccess(Expression target, String property) implements Expression {
    }

    record IndexAccess(Expression target, Expression index) implements Expression {
    }

    record MethodCall(Expression target, String method, List<Expression> arguments) implements Expression {
    }

    record FunctionCall(String function, List<Expression> arguments) implements Expression {
    }

    /** {@code condition ? then : otherwise} */
    record Conditional(Expression condition, Expression then, Expression otherwise) implements Expression {
    }

    /** {@code value ?: fallback}: the fallback when the value is null or empty text. */
    record Elvis(Expression value, Expression fallback) implements Expression {
    }

    record Not(Expression operand) implements Expression {
    }

    record Negate(Expression operand) implements Expression {
    }

    record Logical(LogicalOperator operator, Expression left, Expression right) implements Expression {
    }

    record Comparison(ComparisonOperator operator, Expression left, Expression right) implements Expression {
    }

    record Arithmetic(ArithmeticOperator operator, Expression left, Expression right) implements Expression {
    }

    enum LogicalOperator {
        AND,
        OR
    }

    enum ComparisonOperator {
        EQ,
        NE,
        LT,
        LE,
        GT,
        GE
    }

    enum ArithmeticOperator {
        PLUS,
        MINUS,
        TIMES,
        DIVIDE,
        MODULO
    }
}
