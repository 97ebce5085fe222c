package io.tandem.classifier.service.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a Watson Assistant expression into tokens, reading the shorthands {@code #intent}, {@code @entity},
 * {@code @entity:value}, {@code @entity:(value with spaces)} and {@code $variable} as single tokens.
 */
final class ExpressionLexer {

    enum Kind {
        INTENT, ENTITY, CONTEXT, IDENTIFIER, STRING, NUMBER,
        AND, OR, NOT, EQ, NE, LT, LE, GT, GE, PLUS, MINUS, TIMES, DIVIDE, MODULO, QUESTION, ELVIS, COLON,
        LEFT_PAREN, RIGHT_PAREN, LEFT_BRACKET, RIGHT_BRACKET, DOT, COMMA, END
    }

    /**
     * @param text  the name (shorthands, identifiers), the decoded string, or the number as written
     * @param value the entity value of {@code @entity:value}, else null
     */
    record Token(Kind kind, String text, String value, int position) {

        String describe() {
            return kind == Kind.END ? "end of expression" : "'" + text + "'";
        }
    }

    private final String source;
    private int position;

    private ExpressionLexer(String source) {
        this.source = source;
    }

    static List<Token> tokenize(String source) {
        return new ExpressionLexer(source).tokens();
    }

    private List<Token> tokens() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (position >= source.length()) {
                tokens.add(new Token(Kind.END, "", null, position));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        int start = position;
        char c = source.charAt(position);
        switch (c) {
            case '#':
                return shorthand(Kind.INTENT, start, true, true);
            case '$':
                return shorthand(Kind.CONTEXT, start, false, false);
            case '@':
                return entity(start);
            case '\'':
            case '"':
                return string(c, start);
            case '(':
                return single(Kind.LEFT_PAREN, start);
            case ')':
                return single(Kind.RIGHT_PAREN, start);
            case '[':
                return single(Kind.LEFT_BRACKET, start);
            case ']':
                return single(Kind.RIGHT_BRACKET, start);
            case ',':
                return single(Kind.COMMA, start);
            case '.':
                return single(Kind.DOT, start);
            case '+':
                return single(Kind.PLUS, start);
            case '-':
                return single(Kind.MINUS, start);
            case '*':
                return single(Kind.TIMES, start);
            case '/':
                return single(Kind.DIVIDE, start);
            case '%':
                return single(Kind.MODULO, start);
            case '&':
                return pair('&', Kind.AND, start, "'&' (use '&&')");
            case '|':
                return pair('|', Kind.OR, start, "'|' (use '||')");
            case '=':
                return pair('=', Kind.EQ, start, "'=' (assignment is not supported, use '==')");
            case '!':
                return optionalEquals(Kind.NOT, Kind.NE, start);
            case '<':
                return optionalEquals(Kind.LT, Kind.LE, start);
            case '>':
                return optionalEquals(Kind.GT, Kind.GE, start);
            case '?':
                // safe navigation reads like plain navigation: every property of null is null here
                if (peek(1) == '.') {
                    position += 2;
                    return new Token(Kind.DOT, "?.", null, start);
                }
                if (peek(1) == ':') {
                    position += 2;
                    return new Token(Kind.ELVIS, "?:", null, start);
                }
                return single(Kind.QUESTION, start);
            case ':':
                return single(Kind.COLON, start);
            default:
                if (Character.isDigit(c)) {
                    return number(start);
                }
                if (Character.isLetter(c) || c == '_') {
                    return word(start);
                }
                throw new ExpressionSyntaxException("unexpected character '" + c + "'", start);
        }
    }

    private Token shorthand(Kind kind, int start, boolean dotsAllowed, boolean hyphensAllowed) {
        position++;
        String name = name(dotsAllowed, hyphensAllowed);
        if (name.isEmpty()) {
            throw new ExpressionSyntaxException("a name must follow '" + source.charAt(start) + "'", start);
        }
        return new Token(kind, name, null, start);
    }

    private Token entity(int start) {
        position++;
        String name = name(false, true);
        if (name.isEmpty()) {
            throw new ExpressionSyntaxException("an entity name must follow '@'", start);
        }
        if (peek(0) != ':') {
            return new Token(Kind.ENTITY, name, null, start);
        }
        position++;
        String value;
        if (peek(0) == '(') {
            int close = source.indexOf(')', position);
            if (close < 0) {
                throw new ExpressionSyntaxException("unclosed '(' in entity value", position);
            }
            value = source.substring(position + 1, close).trim();
            position = close + 1;
        } else {
            int valueStart = position;
            while (position < source.length() && isValueChar(source.charAt(position))) {
                position++;
            }
            value = source.substring(valueStart, position);
        }
        if (value.isEmpty()) {
            throw new ExpressionSyntaxException("an entity value must follow '@" + name + ":'", start);
        }
        return new Token(Kind.ENTITY, name, value, start);
    }

    private static boolean isValueChar(char c) {
        return !Character.isWhitespace(c) && "()&|!=<>,[]".indexOf(c) < 0;
    }

    private String name(boolean dotsAllowed, boolean hyphensAllowed) {
        int start = position;
        while (position < source.length()) {
            char c = source.charAt(position);
            boolean nameChar = Character.isLetterOrDigit(c) || c == '_' || (hyphensAllowed && c == '-');
            boolean innerDot = dotsAllowed && c == '.' && isNameChar(peek(1));
            if (!nameChar && !innerDot) {
                break;
            }
            position++;
        }
        return source.substring(start, position);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    private Token string(char quote, int start) {
        position++;
        StringBuilder text = new StringBuilder();
        while (position < source.length()) {
            char c = source.charAt(position++);
            if (c != quote) {
                text.append(c);
            } else if (peek(0) == quote) {
                // a doubled quote stands for one quote, as in SpEL
                text.append(quote);
                position++;
            } else {
                return new Token(Kind.STRING, text.toString(), null, start);
            }
        }
        throw new ExpressionSyntaxException("unclosed string literal", start);
    }

    private Token number(int start) {
        while (Character.isDigit(peek(0))) {
            position++;
        }
        if (peek(0) == '.' && Character.isDigit(peek(1))) {
            position++;
            while (Character.isDigit(peek(0))) {
                position++;
            }
        }
        return new Token(Kind.NUMBER, source.substring(start, position), null, start);
    }

    private Token word(int start) {
        while (position < source.length()
                && (Character.isLetterOrDigit(source.charAt(position)) || source.charAt(position) == '_')) {
            position++;
        }
        String word = source.substring(start, position);
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "and" -> new Token(Kind.AND, word, null, start);
            case "or" -> new Token(Kind.OR, word, null, start);
            case "not" -> new Token(Kind.NOT, word, null, start);
            default -> new Token(Kind.IDENTIFIER, word, null, start);
        };
    }

    private Token single(Kind kind, int start) {
        position++;
        return new Token(kind, source.substring(start, position), null, start);
    }

    private Token pair(char second, Kind kind, int start, String unsupported) {
        if (peek(1) != second) {
            throw new ExpressionSyntaxException("unsupported operator " + unsupported, start);
        }
        position += 2;
        return new Token(kind, source.substring(start, position), null, start);
    }

    private Token optionalEquals(Kind alone, Kind withEquals, int start) {
        if (peek(1) == '=') {
            position += 2;
            return new Token(withEquals, source.substring(start, position), null, start);
        }
        return single(alone, start);
    }

    private char peek(int ahead) {
        int index = position + ahead;
        return index < source.length() ? source.charAt(index) : '\0';
    }

    private void skipWhitespace() {
        while (position < source.length() && Character.isWhitespace(source.charAt(position))) {
            position++;
        }
    }
}
