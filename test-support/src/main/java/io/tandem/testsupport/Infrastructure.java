package io.tandem.testsupport;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Kafka and PostgreSQL for tests and the local run, found in this order: explicit configuration (environment
 * variables), Testcontainers when a Docker engine answers, otherwise real servers started here (a KRaft broker from
 * the Maven Central jars, a PostgreSQL cluster from the installed binaries). Every Tandem topic exists once this
 * returns. Closing stops what was started here and leaves no process.
 */
public final class Infrastructure implements AutoCloseable {

    /** Bootstrap servers of a Kafka to use instead of starting one. */
    public static final String KAFKA_ENV = "TANDEM_KAFKA_BOOTSTRAP_SERVERS";
    /** JDBC URL of a PostgreSQL database to use instead of starting one. */
    public static final String JDBC_URL_ENV = "TANDEM_JDBC_URL";
    public static final String JDBC_USERNAME_ENV = "TANDEM_JDBC_USERNAME";
    public static final String JDBC_PASSWORD_ENV = "TANDEM_JDBC_PASSWORD";

    private final RunningKafka kafka;
    private final RunningPostgres postgres;

    private Infrastructure(RunningKafka kafka, RunningPostgres postgres) {
        this.kafka = kafka;
        this.postgres = postgres;
    }

    /** Throwaway servers for tests. */
    public static Infrastructure startThrowaway() {
        return start(System::getenv, null);
    }

    /**
     * @param env     where configuration comes from (the process environment, or a map in tests)
     * @param dataDir where servers started here keep their data across runs; null for throwaway temp directories
     */
    public static Infrastructure start(Function<String, String> env, Path dataDir) {
        Optional<String> configuredKafka = Optional.ofNullable(env.apply(KAFKA_ENV)).filter(s -> !s.isBlank());
        Optional<String> configuredJdbc = Optional.ofNullable(env.apply(JDBC_URL_ENV)).filter(s -> !s.isBlank());
        boolean docker = (configuredKafka.isEmpty() || configuredJdbc.isEmpty()) && DockerServers.dockerAnswers(env);

        RunningKafka kafka = configuredKafka
                .map(servers -> new RunningKafka(servers, "configured by " + KAFKA_ENV, () -> { }))
                .orElseGet(() -> docker ? DockerServers.kafka() : localKafka(dataDir));
        RunningPostgres postgres;
        try {
            postgres = configuredJdbc
                    .map(url -> new RunningPostgres(url, env.apply(JDBC_USERNAME_ENV), env.apply(JDBC_PASSWORD_ENV),
                            "configured by " + JDBC_URL_ENV, () -> { }))
                    .orElseGet(() -> docker ? DockerServers.postgres() : localPostgres(dataDir));
            TopicCreator.createAll(kafka.bootstrapServers());
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        return new Infrastructure(kafka, postgres);
    }

    private static RunningKafka localKafka(Path dataDir) {
        if (!LocalKafkaBroker.available()) {
            throw new InfrastructureException("no Kafka: set " + KAFKA_ENV + ", start a Docker engine, or build"
                    + " the local-kafka module (./mvnw install) so a local broker can start");
        }
        return dataDir == null
                ? LocalKafkaBroker.start(TempDirectories.create("tandem-kafka-"), true)
                : LocalKafkaBroker.start(dataDir.resolve("kafka"), false);
    }

    private static RunningPostgres localPostgres(Path dataDir) {
        if (LocalPostgres.binaries().isEmpty()) {
            throw new InfrastructureException("no PostgreSQL: set " + JDBC_URL_ENV + ", start a Docker engine, or"
                    + " install the PostgreSQL server (Debian: apt-get install postgresql)");
        }
        return dataDir == null
                ? LocalPostgres.start(TempDirectories.create("tandem-postgres-"), true)
                : LocalPostgres.start(dataDir.resolve("postgres"), false);
    }

    public RunningKafka kafka() {
        return kafka;
    }

    public RunningPostgres postgres() {
        return postgres;
    }

    /** Quarkus configuration that points a service at these servers. */
    public Map<String, String> quarkusConfig() {
        return Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password());
    }

    /** The same as environment variables, for services started as processes. */
    public Map<String, String> environment() {
        return Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", postgres.username(),
                "QUARKUS_DATASOURCE_PASSWORD", postgres.password());
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } finally {
            kafka.close();
        }
    }
}
