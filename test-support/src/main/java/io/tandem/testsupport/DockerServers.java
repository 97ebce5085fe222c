package io.tandem.testsupport;

import java.util.function.Function;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Kafka and PostgreSQL in containers, where a Docker engine answers. */
final class DockerServers {

    /** Set to false to use local servers even where Docker answers. */
    static final String TESTCONTAINERS_ENV = "TANDEM_TESTCONTAINERS";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    static final String POSTGRES_IMAGE = "postgres:15";

    private DockerServers() {
    }

    /** Whether a Docker engine answers; TANDEM_TESTCONTAINERS=false skips the probe. */
    static boolean dockerAnswers(Function<String, String> env) {
        if ("false".equalsIgnoreCase(env.apply(TESTCONTAINERS_ENV))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError noDocker) {
            return false;
        }
    }

    static RunningKafka kafka() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        kafka.start();
        return new RunningKafka(kafka.getBootstrapServers(), "Testcontainers " + KAFKA_IMAGE, kafka::stop);
    }

    static RunningPostgres postgres() {
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE)
                .withDatabaseName(LocalPostgres.DATABASE);
        postgres.start();
        return new RunningPostgres(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword(),
                "Testcontainers " + POSTGRES_IMAGE, postgres::stop);
    }
}
