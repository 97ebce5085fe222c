package io.tandem.classifier.service.expression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.tandem.classifier.service.expression.Expression.ArithmeticOperator;
import io.tandem.classifier.service.expression.Expression.ComparisonOperator;
import io.tandem.classifier.service.expression.Expression.LogicalOperator;
import io.tandem.classifier.service.expression.ExpressionLexer.Kind;
import io.tandem.classifier.service.expression.ExpressionLexer.Token;

/**
 * Recursive-descent parser for the subset of Watson Assistant's expression language (SpEL with shorthands) that
 * {@link ExpressionEvaluator} can evaluate. Anything outside that subset is a syntax error, never a silent false.
 *
 * <pre>
 * expression     := or ('?' expression ':' expression | '?:' expression)?
 * or             := and (('||' | 'or') and)*
 * and            := comparison (('&amp;&amp;' | 'and') comparison)*
 * comparison     := additive (('==' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=') additive)?
 * additive       := multiplicative (('+' | '-') multiplicative)*
 * multiplicative := unary (('*' | '/' | '%') unary)*
 * unary          := ('!' | 'not' | '-') unary | postfix
 * postfix        := primary ('.' name ('(' arguments ')')? | '[' expression ']')*
 * primary        := #intent | @entity | @entity:value | $variable | string | number
 *                 | name ('(' arguments ')')? | '(' expression ')'
 * </pre>
 */
public final class ExpressionParser {

    /** Methods the evaluator implements; any other is rejected at training time. */
    public static final Set<String> METHODS = Set.of(
            "size", "length", "isEmpty", "contains", "find", "startsWith", "endsWith", "toLowerCase",
            "toUpperCase", "trim", "equals", "equalsIgnoreCase", "substring", "indexOf", "get", "append", "join",
            "before", "after", "sameOrBefore", "sameOrAfter", "reformatDateTime", "plusSeconds", "plusMinutes",
            "plusHours", "plusDays", "plusWeeks", "plusMonths", "plusYears", "minusSeconds", "minusMinutes",
            "minusHours", "minusDays", "minusWeeks", "minusMonths", "minusYears", "toString", "toInt", "toDouble",
            "matches", "extract", "isNumber", "toLong", "lastIndexOf");

    /** Global functions the evaluator implements. */
    public static final Set<String> FUNCTIONS = Set.of("now", "today");

    private final List<Token> tokens;
    private int index;

    private ExpressionParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /**
     * @throws ExpressionSyntaxException when the text is not a complete expression this evaluator supports
     */
    public static Expression parse(String source) {
        ExpressionParser parser = new ExpressionParser(ExpressionLexer.tokenize(source));
        if (parser.peek().kind() == Kind.END) {
            throw new ExpressionSyntaxException("empty expression", 0);
        }
        Expression expression = parser.expression();
        Token rest = parser.peek();
        if (rest.kind() != Kind.END) {
            throw new ExpressionSyntaxException("unexpected " + rest.describe(), rest.position());
        }
        return expression;
    }

    private Expression expression() {
        Expression condition = or();
        if (accept(Kind.QUESTION)) {
            Expression then = expression();
            expect(Kind.COLON, "':' of the conditional");
            return new Expression.Conditional(condition, then, expression());
        }
        if (accept(Kind.ELVIS)) {
            return new Expression.Elvis(condition, expression());
        }
        return condition;
    }

    private Expression or() {
        Expression left = and();
        while (accept(Kind.OR)) {
            left = new Expression.Logical(LogicalOperator.OR, left, and());
        }
        return left;
    }

    private Expression and() {
        Expression left = comparison();
        while (accept(Kind.AND)) {
            left = new Expression.Logical(LogicalOperator.AND, left, comparison());
        }
        return left;
    }

    private Expression comparison() {
        Expression left = additive();
        ComparisonOperator operator = switch (peek().kind()) {
            case EQ -> ComparisonOperator.EQ;
            case NE -> ComparisonOperator.NE;
            case LT -> ComparisonOperator.LT;
            case LE -> ComparisonOperator.LE;
            case GT -> ComparisonOperator.GT;
            case GE -> ComparisonOperator.GE;
            default -> null;
        };
        if (operator == null) {
            return left;
        }
        index++;
        return new Expression.Comparison(operator, left, additive());
    }

    private Expression additive() {
        Expression left = multiplicative();
        while (true) {
            if (accept(Kind.PLUS)) {
                left = new Expression.Arithmetic(ArithmeticOperator.PLUS, left, multiplicative());
            } else if (accept(Kind.MINUS)) {
                left = new Expression.Arithmetic(ArithmeticOperator.MINUS, left, multiplicative());
            } else {
                return left;
            }
        }
    }

    private Expression multiplicative() {
        Expression left = unary();
        while (true) {
            if (accept(Kind.TIMES)) {
                left = new Expression.Arithmetic(ArithmeticOperator.TIMES, left, unary());
            } else if (accept(Kind.DIVIDE)) {
                left = new Expression.Arithmetic(ArithmeticOperator.DIVIDE, left, unary());
            } else if (accept(Kind.MODULO)) {
                left = new Expression.Arithmetic(ArithmeticOperator.MODULO, left, unary());
            } else {
                return left;
            }
        }
    }

    private Expression unary() {
        if (accept(Kind.NOT)) {
            return new Expression.Not(unary());
        }
        if (accept(Kind.MINUS)) {
            return new Expression.Negate(unary());
        }
        return postfix();
    }

    private Expression postfix() {
        Expression target = primary();
        while (true) {
            if (accept(Kind.DOT)) {
                Token name = expect(Kind.IDENTIFIER, "a property or method name after '.'");
                if (accept(Kind.LEFT_PAREN)) {
                    if (!METHODS.contains(name.text())) {
                        throw new ExpressionSyntaxException("unsupported method '" + name.text() + "'",
                                name.position());
                    }
                    target = new Expression.MethodCall(target, name.text(), arguments());
                } else {
                    target = new Expression.PropertyAccess(target, name.text());
                }
            } else if (accept(Kind.LEFT_BRACKET)) {
                Expression key = expression();
                expect(Kind.RIGHT_BRACKET, "']'");
                target = new Expression.IndexAccess(target, key);
            } else {
                return target;
            }
        }
    }

    private Expression primary() {
        Token token = peek();
        index++;
        switch (token.kind()) {
            case INTENT:
                return new Expression.IntentReference(token.text());
            case ENTITY:
                return new Expression.EntityReference(token.text(), token.value());
            case CONTEXT:
                return new Expression.ContextReference(token.text());
            case STRING:
                return new Expression.Literal(token.text());
            case NUMBER:
                return new Expression.Literal(new BigDecimal(token.text()));
            case LEFT_PAREN:
                Expression inner = expression();
                expect(Kind.RIGHT_PAREN, "')'");
                return inner;
            case IDENTIFIER:
                return identifier(token);
            default:
                throw new ExpressionSyntaxException("unexpected " + token.describe(), token.position());
        }
    }

    private Expression identifier(Token token) {
        String name = token.text();
        switch (name.toLowerCase(Locale.ROOT)) {
            case "true":
                return new Expression.Literal(Boolean.TRUE);
            case "false":
                return new Expression.Literal(Boolean.FALSE);
            case "null":
                return new Expression.Literal(null);
            default:
                break;
        }
        if (accept(Kind.LEFT_PAREN)) {
            if (!FUNCTIONS.contains(name)) {
                throw new ExpressionSyntaxException("unsupported function '" + name + "'", token.position());
            }
            return new Expression.FunctionCall(name, arguments());
        }
        return new Expression.Identifier(name);
    }

    /** Reads the arguments after an opening parenthesis, through the closing one. */
    private List<Expression> arguments() {
        List<Expression> arguments = new ArrayList<>();
        if (accept(Kind.RIGHT_PAREN)) {
            return arguments;
        }
        do {
            arguments.add(expression());
        } while (accept(Kind.COMMA));
        expect(Kind.RIGHT_PAREN, "')'");
        return arguments;
    }

    private Token peek() {
        return tokens.get(index);
    }

    private boolean accept(Kind kind) {
        if (peek().kind() == kind) {
            index++;
            return true;
        }
        return false;
    }

    private Token expect(Kind kind, String what) {
        Token token = peek();
        if (token.kind() != kind) {
            throw new ExpressionSyntaxException("expected " + what + " but found " + token.describe(),
                    token.position());
        }
        index++;
        return token;
    }
}
