package io.tandem.classifier.service.expression;

/**
 * An expression that does not parse, or uses syntax this evaluator does not support.
 */
public class ExpressionSyntaxException extends RuntimeException {

    private final String reason;
    private final int position;

    public ExpressionSyntaxException(String reason, int position) {
        super(reason + " at position " + position);
        this.reason = reason;
        this.position = position;
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }

    /** Zero-based character offset in the expression. */
    public int position() {
        return position;
    }
}
