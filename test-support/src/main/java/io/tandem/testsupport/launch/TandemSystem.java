package io.tandem.testsupport.launch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.GroupState;

import io.tandem.contracts.Topics;
import io.tandem.testsupport.ChildProcess;
import io.tandem.testsupport.Infrastructure;
import io.tandem.testsupport.InfrastructureException;

/**
 * The whole of Tandem on one machine: Kafka, PostgreSQL, the four services and the Intercom sandbox, each service
 * a child process running its packaged application. Used by {@code ./tandem up} and by the end-to-end tests.
 */
public final class TandemSystem implements AutoCloseable {

    public static final String INGEST = "ingest-service";
    public static final String CLASSIFIER = "classifier-service";
    public static final String ROUTER = "router-service";
    public static final String RESPONDER = "responder-service";
    public static final String SANDBOX = "intercom-sandbox";
    /** Start order: downstream first, so that nothing waits on a service that is not there yet. */
    public static final List<String> MODULES = List.of(SANDBOX, RESPONDER, ROUTER, CLASSIFIER, INGEST);

    /** The Kafka consumer group of each consuming service, with the topic it reads. */
    static final Map<String, String> CONSUMER_GROUPS = Map.of(
            CLASSIFIER, Topics.CONVERSATION_EVENTS,
            ROUTER, Topics.CONVERSATION_CLASSIFIED,
            RESPONDER, Topics.CONVERSATION_ACTIONS);

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final Infrastructure infrastructure;
    private final Map<String, ChildProcess> services;
    private final Map<String, Integer> ports;

    private TandemSystem(Infrastructure infrastructure, Map<String, ChildProcess> services, Map<String, Integer> ports) {
        this.infrastructure = infrastructure;
        this.services = services;
        this.ports = ports;
    }

    /**
     * @param root     the repository root (where each module's target/quarkus-app lives)
     * @param dataDir  where local Kafka and PostgreSQL keep data; null for throwaway servers
     * @param logDir   where each service writes its log
     * @param progress receives one line per step, for people watching
     */
    public static TandemSystem start(Path root, Ports ports, LocalSettings settings, Map<String, String> env,
            Path dataDir, Path logDir, Consumer<String> progress) {
        List<ServiceSpec> specs = specs(ports, settings);
        for (ServiceSpec spec : specs) {
            Path jar = runnableJar(root, spec.module());
            if (!Files.isRegularFile(jar)) {
                throw new InfrastructureException(jar + " is missing: build first with ./mvnw install -DskipTests");
            }
        }
        progress.accept("starting Kafka and PostgreSQL");
        Infrastructure infrastructure = Infrastructure.start(env::get, dataDir);
        progress.accept("Kafka: " + infrastructure.kafka().bootstrapServers() + " (" + infrastructure.kafka().origin()
                + ")");
        progress.accept("PostgreSQL: " + infrastructure.postgres().jdbcUrl() + " (" + infrastructure.postgres().origin()
                + ")");
        Map<String, ChildProcess> started = new LinkedHashMap<>();
        Map<String, Integer> portsByModule = new LinkedHashMap<>();
        TandemSystem system = new TandemSystem(infrastructure, started, portsByModule);
        try {
            for (ServiceSpec spec : specs) {
                Map<String, String> environment = new HashMap<>(infrastructure.environment());
                environment.putAll(spec.environment());
                started.put(spec.module(), ChildProcess.start(spec.module(), command(root, spec.module(), env),
                        environment, logDir.resolve(spec.module() + ".log"), "TERM", 15_000));
                portsByModule.put(spec.module(), spec.port());
                progress.accept("starting " + spec.module() + " on port " + spec.port());
            }
            List<CompletableFuture<Void>> readiness = new ArrayList<>();
            for (ServiceSpec spec : specs) {
                readiness.add(CompletableFuture.runAsync(() -> {
                    long begin = System.nanoTime();
                    awaitReady(started.get(spec.module()), spec.port());
                    progress.accept(String.format("%s is ready (%.1f s)", spec.module(),
                            (System.nanoTime() - begin) / 1e9));
                }));
            }
            CompletableFuture.allOf(readiness.toArray(CompletableFuture[]::new)).join();
            // a service is ready before its consumer owns partitions; the first message would wait for that
            awaitConsumersAssigned(infrastructure.kafka().bootstrapServers());
            progress.accept("every consumer group owns its partitions");
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e.getCause() instanceof InfrastructureException cause ? cause : e;
        }
    }

    static List<ServiceSpec> specs(Ports ports, LocalSettings settings) {
        String app = settings.appIdForEnvironment();
        String sandboxUrl = "http://127.0.0.1:" + ports.sandbox();
        return List.of(
                new ServiceSpec(SANDBOX, ports.sandbox(), Map.of(
                        "QUARKUS_HTTP_PORT", Integer.toString(ports.sandbox()),
                        "TANDEM_SANDBOX_APP_ID", settings.appId(),
                        "TANDEM_SANDBOX_ACCESS_TOKEN", settings.accessToken(),
                        "TANDEM_SANDBOX_WEBHOOK_SECRET", settings.webhookSecret(),
                        "TANDEM_SANDBOX_BOT_ADMIN_ID", settings.botAdminId(),
                        "TANDEM_SANDBOX_WEBHOOK_URL", "http://127.0.0.1:" + ports.ingest() + "/webhooks/intercom")),
                new ServiceSpec(RESPONDER, ports.responder(), Map.of(
                        "QUARKUS_HTTP_PORT", Integer.toString(ports.responder()),
                        "QUARKUS_REST_CLIENT_INTERCOM_URL", sandboxUrl,
                        "TANDEM_RESPONDER_APPS_" + app + "_ACCESS_TOKEN", settings.accessToken())),
                new ServiceSpec(ROUTER, ports.router(), Map.of(
                        "QUARKUS_HTTP_PORT", Integer.toString(ports.router()),
                        "TANDEM_ROUTER_ADMIN_API_KEYS", settings.adminApiKey(),
                        "QUARKUS_REST_CLIENT_CLASSIFIER_URL", "http://127.0.0.1:" + ports.classifier(),
                        "TANDEM_ROUTER_CLASSIFIER_API_KEY", settings.adminApiKey(),
                        "QUARKUS_REST_CLIENT_INTERCOM_URL", sandboxUrl,
                        "TANDEM_ROUTER_APPS_" + app + "_ACCESS_TOKEN", settings.accessToken())),
                new ServiceSpec(CLASSIFIER, ports.classifier(), Map.of(
                        "QUARKUS_HTTP_PORT", Integer.toString(ports.classifier()),
                        "TANDEM_CLASSIFIER_ADMIN_API_KEYS", settings.adminApiKey(),
                        "TANDEM_CLASSIFIER_SEED_APP_ID", settings.appId())),
                new ServiceSpec(INGEST, ports.ingest(), Map.of(
                        "QUARKUS_HTTP_PORT", Integer.toString(ports.ingest()),
                        "TANDEM_INGEST_APPS_" + app + "_CLIENT_SECRET", settings.webhookSecret(),
                        "TANDEM_INGEST_APPS_" + app + "_BOT_ADMIN_ID", settings.botAdminId())));
    }

    static Path runnableJar(Path root, String module) {
        return root.resolve(module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    /**
     * The service's JVM command; env {@code TANDEM_<MODULE>_JAVA_OPTIONS} (e.g. {@code TANDEM_CLASSIFIER_SERVICE_JAVA_OPTIONS}
     * with {@code -XX:StartFlightRecording=filename=classifier.jfr}) adds options, for profiling one service.
     */
    static List<String> command(Path root, String module, Map<String, String> env) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"));
        String extra = env.getOrDefault(javaOptionsVariable(module), "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-jar", runnableJar(root, module).toString()));
        return command;
    }

    /** {@code TANDEM_<MODULE>_JAVA_OPTIONS}, the module's name in upper case with underscores. */
    static String javaOptionsVariable(String module) {
        return "TANDEM_" + module.toUpperCase(Locale.ROOT).replace('-', '_') + "_JAVA_OPTIONS";
    }

    private static void awaitReady(ChildProcess service, int port) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new InfrastructureException(service.name() + " exited during start; its log "
                        + service.log() + " ends with:\n" + service.logTail(40));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InfrastructureException("interrupted while waiting for " + service.name(), e);
            }
            sleep(250);
        }
        throw new InfrastructureException(service.name() + " was not ready within " + READY_TIMEOUT.toSeconds()
                + " s; its log " + service.log() + " ends with:\n" + service.logTail(40));
    }

    private static void awaitConsumersAssigned(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (everyPartitionAssigned(admin)) {
                    return;
                }
                sleep(250);
            }
        }
        throw new InfrastructureException("the services' consumer groups " + CONSUMER_GROUPS.keySet()
                + " did not get their partitions within " + READY_TIMEOUT.toSeconds() + " s");
    }

    private static boolean everyPartitionAssigned(Admin admin) {
        try {
            Map<String, TopicDescription> topics = admin.describeTopics(CONSUMER_GROUPS.values()).allTopicNames()
                    .get(5, TimeUnit.SECONDS);
            Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(CONSUMER_GROUPS.keySet())
                    .all().get(5, TimeUnit.SECONDS);
            return CONSUMER_GROUPS.entrySet().stream().allMatch(group -> {
                ConsumerGroupDescription description = groups.get(group.getKey());
                long assigned = description.members().stream()
                        .flatMap(member -> member.assignment().topicPartitions().stream())
                        .filter(partition -> partition.topic().equals(group.getValue()))
                        .count();
                return description.groupState() == GroupState.STABLE
                        && assigned == topics.get(group.getValue()).partitions().size();
            });
        } catch (ExecutionException | TimeoutException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("interrupted while waiting for the consumer groups", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Infrastructure infrastructure() {
        return infrastructure;
    }

    public String url(String module) {
        Integer port = ports.get(module);
        if (port == null) {
            throw new IllegalArgumentException("no such service: " + module);
        }
        return "http://127.0.0.1:" + port;
    }

    public Map<String, Integer> ports() {
        return Map.copyOf(ports);
    }

    public Path log(String module) {
        return services.get(module).log();
    }

    /** Stops the services, all at once, then Kafka and PostgreSQL. */
    @Override
    public void close() {
        services.values().stream()
                .map(service -> CompletableFuture.runAsync(service::close))
                .toList()
                .forEach(CompletableFuture::join);
        infrastructure.close();
    }
}
