package io.tandem.router.client;

/** classifier-service answered 400: {@code problem} is its problem JSON, e.g. every reason a skill cannot be trained. */
public class ClassifierRefusedException extends RuntimeException {

    private final String problem;

    public ClassifierRefusedException(String problem) {
        super("classifier-service refused the request", null, false, false);
        this.problem = problem;
    }

    public String problem() {
        return problem;
    }
}
