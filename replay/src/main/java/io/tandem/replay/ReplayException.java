package io.tandem.replay;

/** Something the replay tool cannot do, said so that an operator knows what to change. Exit status 1. */
public class ReplayException extends RuntimeException {

    public ReplayException(String message) {
        super(message);
    }

    public ReplayException(String message, Throwable cause) {
        super(message, cause);
    }
}
