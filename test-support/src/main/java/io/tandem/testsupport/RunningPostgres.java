package io.tandem.testsupport;

/**
 * A PostgreSQL database Tandem can use.
 *
 * @param origin where it comes from, for people reading the output (configured, Testcontainers, local cluster)
 */
public record RunningPostgres(String jdbcUrl, String username, String password, String origin, AutoCloseable stopper)
        implements AutoCloseable {

    @Override
    public void close() {
        try {
            stopper.close();
        } catch (Exception e) {
            throw new InfrastructureException("could not stop PostgreSQL (" + origin + "): " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "RunningPostgres[" + jdbcUrl + ", user " + username + ", " + origin + "]";
    }
}
