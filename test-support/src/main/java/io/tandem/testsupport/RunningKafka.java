package io.tandem.testsupport;

/**
 * A Kafka cluster Tandem can use.
 *
 * @param origin where it comes from, for people reading the output (configured, Testcontainers, local broker)
 */
public record RunningKafka(String bootstrapServers, String origin, AutoCloseable stopper) implements AutoCloseable {

    @Override
    public void close() {
        try {
            stopper.close();
        } catch (Exception e) {
            throw new InfrastructureException("could not stop Kafka (" + origin + "): " + e.getMessage(), e);
        }
    }
}
