package io.tandem.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Apache Kafka broker (KRaft, broker and controller in one) in a child JVM, on the broker jars
 * of the same version as the clients (the classpath comes from the local-kafka module).
 */
public final class LocalKafkaBroker {

    static final String CLASSPATH_RESOURCE = "tandem/kafka-broker.classpath";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** Adds JVM options to the broker's, for profiling it (e.g. {@code -Xlog:gc:file=/tmp/kafka-gc.log}). */
    static final String JAVA_OPTIONS_VARIABLE = "TANDEM_KAFKA_JAVA_OPTIONS";

    private LocalKafkaBroker() {
    }

    /** Whether the broker's jars are known to this build. */
    public static boolean available() {
        return LocalKafkaBroker.class.getClassLoader().getResource(CLASSPATH_RESOURCE) != null;
    }

    /**
     * @param dataDir where the broker keeps its log and metadata; deleted on close when {@code throwaway}
     */
    public static RunningKafka start(Path dataDir, boolean throwaway) {
        int port = FreePorts.next();
        int controllerPort = FreePorts.next();
        return start(dataDir, throwaway, port, controllerPort);
    }

    public static RunningKafka start(Path dataDir, boolean throwaway, int port, int controllerPort) {
        String classpath = brokerClasspath();
        Path config = dataDir.resolve("server.properties");
        Path log = dataDir.resolve("kafka.log");
        try {
            Files.createDirectories(dataDir);
            Files.writeString(config, serverProperties(dataDir.resolve("logs"), port, controllerPort));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> jvm = new ArrayList<>(List.of(java, "-Xms128m", "-Xmx768m", "-XX:+UseSerialGC"));
        jvm.addAll(extraJavaOptions(System.getenv(JAVA_OPTIONS_VARIABLE)));
        jvm.addAll(List.of("-Dlog4j2.configurationFile=" + writeLog4jConfig(dataDir), "-cp", classpath));
        if (!Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
            format(jvm, config, log);
        }
        List<String> command = new ArrayList<>(jvm);
        command.addAll(List.of("kafka.Kafka", config.toString()));
        ChildProcess broker = ChildProcess.start("kafka", command, Map.of(), log, "TERM", 10_000);
        String bootstrap = "127.0.0.1:" + port;
        if (!Waiting.until(READY_TIMEOUT, Duration.ofMillis(200), () -> broker.isAlive() && answers(port, bootstrap))) {
            String tail = broker.logTail(30);
            broker.close();
            throw new InfrastructureException("the local Kafka broker did not become ready within "
                    + READY_TIMEOUT.toSeconds() + " s; its log " + log + " ends with:\n" + tail);
        }
        return new RunningKafka(bootstrap, "local Kafka broker (KRaft) in " + dataDir, () -> {
            broker.close();
            if (throwaway) {
                TempDirectories.deleteQuietly(dataDir);
            }
        });
    }

    static List<String> extraJavaOptions(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.strip().split("\\s+"));
    }

    private static void format(List<String> jvm, Path config, Path log) {
        List<String> command = new ArrayList<>(jvm);
        command.addAll(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", config.toString()));
        try {
            Process format = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new InfrastructureException("formatting Kafka storage failed; see " + log + ":\n"
                        + Files.readString(log));
            }
        } catch (IOException e) {
            throw new InfrastructureException("could not run Kafka's StorageTool: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("interrupted while formatting Kafka storage", e);
        }
    }

    private static boolean answers(int port, String bootstrap) {
        // a plain connect first: an admin client polling a closed port floods the log with reconnects
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
        } catch (IOException notListening) {
            return false;
        }
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000);
        try (Admin admin = Admin.create(properties)) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception notYet) {
            return false;
        }
    }

    static String brokerClasspath() {
        try (InputStream in = LocalKafkaBroker.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new InfrastructureException("the Kafka broker classpath (" + CLASSPATH_RESOURCE
                        + ") is not on the classpath: build the local-kafka module (./mvnw install)");
            }
            String classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            for (String jar : classpath.split(java.io.File.pathSeparator)) {
                if (!Files.exists(Path.of(jar))) {
                    throw new InfrastructureException("a Kafka broker jar is missing: " + jar
                            + "; run ./mvnw install to download it");
                }
            }
            return classpath;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String serverProperties(Path logDir, int port, int controllerPort) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + logDir,
                "num.partitions=3",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "") ;
    }

    private static String writeLog4jConfig(Path dataDir) {
        Path file = dataDir.resolve("log4j2.properties");
        try {
            Files.writeString(file, String.join("\n",
                    "rootLogger.level=WARN",
                    "rootLogger.appenderRef.stdout.ref=STDOUT",
                    "appender.stdout.type=Console",
                    "appender.stdout.name=STDOUT",
                    "appender.stdout.layout.type=PatternLayout",
                    "appender.stdout.layout.pattern=[%d] %p %m (%c)%n",
                    "logger.kafka.name=kafka",
                    "logger.kafka.level=INFO",
                    "logger.server.name=org.apache.kafka.server",
                    "logger.server.level=INFO",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toString();
    }
}
