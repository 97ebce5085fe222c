package io.tandem.classifier.service.expression;

/**
 * An expression that parsed but cannot be evaluated with the values at hand (e.g. comparing text with a number).
 */
public class EvaluationException extends RuntimeException {

    public EvaluationException(String message) {
        super(message);
    }
}
