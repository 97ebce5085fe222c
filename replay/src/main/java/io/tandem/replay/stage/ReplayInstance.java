package io.tandem.replay.stage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tandem.replay.ReplayException;
import io.tandem.testsupport.ChildProcess;
import io.tandem.testsupport.FreePorts;

/**
 * One stage started from its packaged application ({@code <module>/target/quarkus-app/quarkus-run.jar}) for a
 * replay: configured by environment to consume the replay input topic with a group of its own, to produce to the
 * replay output topic, to use the replay database, and (responder) to run dry.
 */
public final class ReplayInstance implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final Stage stage;
    private final ChildProcess process;
    private final int port;
    private final String group;
    private final String adminKey;

    private ReplayInstance(Stage stage, ChildProcess process, int port, String group, String adminKey) {
        this.stage = stage;
        this.process = process;
        this.port = port;
        this.group = group;
        this.adminKey = adminKey;
    }

    /**
     * @param extraEnv what this stage needs besides topics, group and database (URLs of the services it calls,
     *                 tokens); secrets included, never printed
     */
    public static ReplayInstance start(Path root, Stage stage, String runId, String bootstrapServers,
            ReplayDatabase database, Map<String, String> extraEnv, Path logDir) {
        Path jar = root.resolve(stage.module()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new ReplayException(jar + " is missing: build first with ./mvnw install -DskipTests");
        }
        ReplayTopics topics = new ReplayTopics(runId);
        int port = FreePorts.next();
        String group = "tandem-replay-" + runId + "-" + stage.cliName();
        String adminKey = "replay-" + java.util.UUID.randomUUID();
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", database.server().username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", database.server().password());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put(Stage.channelEnv("incoming", stage.inputChannel(), "topic"), topics.of(stage.inputTopic()));
        env.put(Stage.channelEnv("incoming", stage.inputChannel(), "group.id"), group);
        env.put(Stage.channelEnv("incoming", stage.inputChannel(), "dead-letter-queue.topic"),
                topics.of(stage.deadLetterTopic()));
        env.put(Stage.channelEnv("outgoing", stage.outputChannel(), "topic"), topics.of(stage.outputTopic()));
        if (stage.deadLetterChannel() != null) {
            env.put(Stage.channelEnv("outgoing", stage.deadLetterChannel(), "topic"),
                    topics.of(stage.deadLetterTopic()));
        }
        String service = stage.cliName().toUpperCase(java.util.Locale.ROOT);
        env.put("TANDEM_" + service + "_ADMIN_API_KEYS", adminKey);
        if (stage == Stage.RESPONDER) {
            env.put("TANDEM_RESPONDER_DRY_RUN", "true");
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString());
        Path log = logDir.resolve("replay-" + stage.module() + ".log");
        ChildProcess process = ChildProcess.start("replay " + stage.module(), command, env, log, "TERM", 15_000);
        ReplayInstance instance = new ReplayInstance(stage, process, port, group, adminKey);
        try {
            instance.awaitReady();
        } catch (RuntimeException e) {
            instance.close();
            throw e;
        }
        return instance;
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new ReplayException("the replay " + stage.module() + " exited during start; its log "
                        + process.log() + " ends with:\n" + process.logTail(30));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReplayException("interrupted while waiting for the replay " + stage.module(), e);
            }
            Waits.sleep(250);
        }
        throw new ReplayException("the replay " + stage.module() + " was not ready within "
                + READY_TIMEOUT.toSeconds() + " s; its log " + process.log() + " ends with:\n" + process.logTail(30));
    }

    public Stage stage() {
        return stage;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Its own consumer group on the replay input topic. */
    public String group() {
        return group;
    }

    /** The operator key of its admin API, made up for this run. */
    public String adminKey() {
        return adminKey;
    }

    public Path log() {
        return process.log();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String logTail(int lines) {
        return process.logTail(lines);
    }

    @Override
    public void close() {
        process.close();
    }
}
