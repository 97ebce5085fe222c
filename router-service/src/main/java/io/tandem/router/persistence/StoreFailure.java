package io.tandem.router.persistence;

/**
 * Storing decisions failed and nothing of the transaction was stored. A failure of the connection, the server or a
 * conflict between transactions is worth another attempt ({@link #isTransient()}); bad data or a broken statement is
 * not.
 */
public class StoreFailure extends RuntimeException {

    private final String sqlState;

    public StoreFailure(String message, String sqlState, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    public String sqlState() {
        return sqlState;
    }

    /**
     * Whether trying again may succeed: anything but a data exception (class 22), an integrity constraint violation
     * (23) or a syntax or access rule violation (42).
     */
    public boolean isTransient() {
        return sqlState == null
                || !(sqlState.startsWith("22") || sqlState.startsWith("23") || sqlState.startsWith("42"));
    }
}
