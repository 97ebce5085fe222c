package io.tandem.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.tandem.contracts.Topics;

class InfrastructureTest {

    @Test
    void startsRealKafkaAndPostgresWithEveryTopicAndLeavesNoProcessBehind() throws Exception {
        Set<Long> before = descendantPids();
        Path kafkaDir;
        Path postgresDir;
        try (Infrastructure infrastructure = Infrastructure.start(noConfiguration(), null)) {
            assertThat(topics(infrastructure.kafka().bootstrapServers())).containsAll(Topics.ALL);
            produceWithAcksAll(infrastructure.kafka().bootstrapServers());

            try (Connection connection = DriverManager.getConnection(infrastructure.postgres().jdbcUrl(),
                    infrastructure.postgres().username(), infrastructure.postgres().password());
                    ResultSet result = connection.createStatement().executeQuery("SELECT current_database()")) {
                result.next();
                assertThat(result.getString(1)).isEqualTo(LocalPostgres.DATABASE);
            }
            assertThat(descendantPids()).hasSizeGreaterThan(before.size());
            kafkaDir = dataDir(infrastructure.kafka().origin());
            postgresDir = dataDir(infrastructure.postgres().origin());
        }
        assertThat(descendantPids()).isEqualTo(before);
        assertThat(kafkaDir).doesNotExist();
        assertThat(postgresDir).doesNotExist();
    }

    @Test
    void keepsDataAcrossRestartsWhenGivenADataDirectory() throws Exception {
        // not @TempDir: JUnit makes it private to root, and as root the cluster runs as the postgres user
        Path dataDir = Files.createTempDirectory("tandem-data-test-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        try (Infrastructure first = Infrastructure.start(noConfiguration(), dataDir)) {
            execute(first, "CREATE TABLE survivor (id int)");
        }
        try (Infrastructure second = Infrastructure.start(noConfiguration(), dataDir)) {
            execute(second, "INSERT INTO survivor VALUES (1)");
            assertThat(topics(second.kafka().bootstrapServers())).containsAll(Topics.ALL);
        }
        assertThat(Files.exists(dataDir.resolve("postgres"))).isTrue();
        TempDirectories.deleteQuietly(dataDir);
    }

    @Test
    void usesConfiguredServersAsTheyAreAndStartsNothing() {
        try (Infrastructure local = Infrastructure.start(noConfiguration(), null)) {
            Map<String, String> env = new HashMap<>();
            env.put(Infrastructure.KAFKA_ENV, local.kafka().bootstrapServers());
            env.put(Infrastructure.JDBC_URL_ENV, local.postgres().jdbcUrl());
            env.put(Infrastructure.JDBC_USERNAME_ENV, local.postgres().username());
            env.put(Infrastructure.JDBC_PASSWORD_ENV, local.postgres().password());
            Set<Long> before = descendantPids();
            try (Infrastructure configured = Infrastructure.start(env::get, null)) {
                assertThat(configured.kafka().origin()).contains(Infrastructure.KAFKA_ENV);
                assertThat(configured.postgres().origin()).contains(Infrastructure.JDBC_URL_ENV);
                assertThat(configured.environment()).containsEntry("KAFKA_BOOTSTRAP_SERVERS",
                        local.kafka().bootstrapServers());
                assertThat(descendantPids()).isEqualTo(before);
            }
        }
    }

    @Test
    void failsWithOneClearMessageWhenConfiguredKafkaIsUnreachable() {
        Map<String, String> env = Map.of(Infrastructure.KAFKA_ENV, "127.0.0.1:" + FreePorts.next(),
                Infrastructure.JDBC_URL_ENV, "jdbc:postgresql://127.0.0.1:1/none");
        assertThatThrownBy(() -> Infrastructure.start(env::get, null))
                .isInstanceOf(InfrastructureException.class)
                .hasMessageContaining("does not answer");
    }

    private static java.util.function.Function<String, String> noConfiguration() {
        return name -> "TANDEM_TESTCONTAINERS".equals(name) ? "false" : null;
    }

    private static Set<String> topics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.listTopics().names().get(10, TimeUnit.SECONDS);
        }
    }

    private static void produceWithAcksAll(String bootstrap) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new StringSerializer())) {
            assertThat(producer.send(new ProducerRecord<>(Topics.CONVERSATION_EVENTS, "c-1", "{}"))
                    .get(10, TimeUnit.SECONDS).offset()).isGreaterThanOrEqualTo(0);
        }
    }

    private static void execute(Infrastructure infrastructure, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(infrastructure.postgres().jdbcUrl(),
                infrastructure.postgres().username(), infrastructure.postgres().password())) {
            connection.createStatement().execute(sql);
        }
    }

    private static Path dataDir(String origin) {
        return Path.of(origin.substring(origin.indexOf(" in ") + 4));
    }

    private static Set<Long> descendantPids() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(java.util.stream.Collectors.toSet());
    }

}
