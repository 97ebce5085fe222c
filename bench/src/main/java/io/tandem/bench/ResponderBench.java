package io.tandem.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.Response;
import io.tandem.contracts.Topics;
import io.tandem.testsupport.ChildProcess;
import io.tandem.testsupport.FreePorts;
import io.tandem.testsupport.Infrastructure;

/**
 * {@code ./tandem bench responder}: how fast responder-service performs decided actions on Intercom. Starts Kafka,
 * PostgreSQL and the packaged responder-service ({@code responder-service/target/quarkus-app}) pointed at a stand-in
 * Intercom served from this process, produces {@code ActionDecided} records (replies, notes, assignments) on
 * {@code conversation.actions} and times when each action's call reaches the stand-in. Prints:
 * <ul>
 * <li>throughput: a burst of actions over many conversations, actions/s from the first record produced to the last
 * call received;</li>
 * <li>latency added by the responder at a steady rate: call received minus record produced (both on this
 * machine's monotonic clock; includes the Kafka hop, the ledger's transactions and the rate-limit budget), p50, p99
 * and max;</li>
 * <li>the service's own handling time per action ({@code tandem_responder_action_handling_seconds}, Kafka and
 * queueing excluded);</li>
 * <li>a burst with the stand-in answering in 100 ms: actions/s as a multiple of what performing one conversation at
 * a time would allow (10/s), which shows conversations not waiting for each other;</li>
 * <li>calls per action (1.00 means nothing was sent twice).</li>
 * </ul>
 * Options: {@code --actions N} (default 3000), {@code --conversations N} (default 300), {@code --rate PER_S} (default
 * 200), {@code --intercom-ms MS} (the stand-in's own answer time, default 0).
 */
public final class ResponderBench {

    static final String APP = "bench";
    static final String TOKEN = "bench-token";
    static final String BOT = "991267";
    private static final Pattern MARKER = Pattern.compile("bench-([0-9a-f-]{36})");
    private static final Pattern CONVERSATION = Pattern.compile("/conversations/([^/]+)");
    private static final Pattern HANDLING = Pattern.compile(
            "(?m)^tandem_responder_action_handling_seconds\\{[^}]*quantile=\"([0-9.]+)\"[^}]*} ([0-9.eE+-]+)$");
    /** The answer time of the stand-in in the run that shows conversations being performed at the same time. */
    static final int SLOW_INTERCOM_MS = 100;
    /** Actions sent before measuring, so that the JIT has compiled the hot paths. */
    static final int WARM_UP_ACTIONS = 1000;

    private ResponderBench() {
    }

    public static void main(String[] args) throws Exception {
        ResponderBenchOptions options = ResponderBenchOptions.parse(args);
        if (options == null) {
            return;
        }
        Path root = Path.of("").toAbsolutePath();
        Path jar = root.resolve("responder-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw -pl responder-service package");
        }
        StandIn intercom = StandIn.start(options.intercomMs());
        try (Infrastructure infrastructure = Infrastructure.start(System::getenv, null)) {
            int port = FreePorts.next();
            Map<String, String> env = new HashMap<>(infrastructure.environment());
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            env.put("QUARKUS_REST_CLIENT_INTERCOM_URL", "http://127.0.0.1:" + intercom.port());
            env.put("TANDEM_RESPONDER_APPS_" + APP.toUpperCase(Locale.ROOT) + "_ACCESS_TOKEN", TOKEN);
            Path log = Files.createTempDirectory("tandem-bench-").resolve("responder-service.log");
            System.out.println("starting responder-service (log: " + log + ")");
            try (ChildProcess responder = ChildProcess.start("responder-service", List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms64m", "-Xmx384m",
                    "-XX:+UseSerialGC", "-jar", jar.toString()), env, log, "TERM", 15_000);
                    KafkaProducer<String, String> producer = producer(infrastructure.kafka().bootstrapServers())) {
                awaitReady(responder, port);
                Load load = new Load(producer, intercom);
                System.out.println("warming up");
                load.run(WARM_UP_ACTIONS, 100, 0);
                System.out.printf(Locale.ROOT, "burst: %d actions over %d conversations%n", options.actions(),
                        options.conversations());
                Result burst = load.run(options.actions(), options.conversations(), 0);
                System.out.printf(Locale.ROOT, "steady: %d actions at %d/s%n", options.actions(), options.rate());
                Result steady = load.run(options.actions(), options.conversations(), options.rate());
                Map<String, Double> handling = handlingQuantiles(port);
                intercom.answerMs(SLOW_INTERCOM_MS);
                int slowActions = Math.max(100, options.actions() / 3);
                System.out.printf(Locale.ROOT, "burst with Intercom answering in %d ms: %d actions%n",
                        SLOW_INTERCOM_MS, slowActions);
                Result slow = load.run(slowActions, options.conversations(), 0);
                System.out.println();
                System.out.printf(Locale.ROOT, "responder-service, stand-in Intercom answering in %d ms%n",
                        options.intercomMs());
                System.out.printf(Locale.ROOT, "  throughput (burst):        %.0f actions/s (%d actions in %.2f s)%n",
                        burst.actionsPerSecond(), burst.actions(), burst.seconds());
                System.out.printf(Locale.ROOT, "  latency at %d/s: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                        options.rate(), steady.percentileMs(50), steady.percentileMs(99), steady.percentileMs(100));
                System.out.printf(Locale.ROOT, "  latency in the burst:      p50 %.1f ms, p99 %.1f ms%n",
                        burst.percentileMs(50), burst.percentileMs(99));
                System.out.printf(Locale.ROOT, "  inside the service (lane turn to outcome, Kafka and queueing excluded): p50 %.1f ms,"
                        + " p99 %.1f ms%n", handling.getOrDefault("0.5", Double.NaN) * 1000,
                        handling.getOrDefault("0.99", Double.NaN) * 1000);
                System.out.printf(Locale.ROOT, "  with Intercom answering in %d ms: %.0f actions/s, %.1f times what one"
                        + " conversation at a time allows (%.0f/s)%n", SLOW_INTERCOM_MS, slow.actionsPerSecond(),
                        slow.actionsPerSecond() / (1000.0 / SLOW_INTERCOM_MS), 1000.0 / SLOW_INTERCOM_MS);
                System.out.printf(Locale.ROOT, "  calls per action:          %.2f (burst), %.2f (steady), %.2f (slow)%n",
                        burst.callsPerAction(), steady.callsPerAction(), slow.callsPerAction());
            }
        } finally {
            intercom.stop();
        }
    }

    /** The service's own {@code tandem_responder_action_handling_seconds} quantiles, from {@code /q/metrics}. */
    private static Map<String, Double> handlingQuantiles(int port) throws IOException, InterruptedException {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> quantiles = new HashMap<>();
        Matcher line = HANDLING.matcher(metrics);
        while (line.find()) {
            quantiles.put(line.group(1), Double.parseDouble(line.group(2)));
        }
        return quantiles;
    }

    private static KafkaProducer<String, String> producer(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(config);
    }

    private static void awaitReady(ChildProcess responder, int port) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!responder.isAlive()) {
                throw new IllegalStateException("responder-service exited; its log ends with:\n"
                        + responder.logTail(40));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("responder-service was not ready in 3 minutes:\n" + responder.logTail(40));
    }

    /** Produces actions and waits until the stand-in has received a call for each. */
    private static final class Load {

        private final KafkaProducer<String, String> producer;
        private final StandIn intercom;
        // Instant as ISO-8601 text, as the services write it (no JSR-310 module on the bench's classpath)
        private final ObjectMapper json = new ObjectMapper()
                .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance));
        private final AtomicLong conversations = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 1000);

        Load(KafkaProducer<String, String> producer, StandIn intercom) {
            this.producer = producer;
            this.intercom = intercom;
        }

        /** @param rate actions per second, 0 for all at once */
        Result run(int actions, int conversationCount, int rate) throws Exception {
            List<String> conversationIds = new ArrayList<>();
            for (int i = 0; i < conversationCount; i++) {
                conversationIds.add(Long.toString(conversations.incrementAndGet()));
            }
            Map<String, Long> produced = new ConcurrentHashMap<>();
            long begin = System.nanoTime();
            for (int i = 0; i < actions; i++) {
                if (rate > 0) {
                    long due = begin + i * 1_000_000_000L / rate;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                boolean assignment = i % 10 == 9;
                // an assignment's body has no text to mark: it goes to a conversation of its own, its id the marker
                String conversationId = assignment ? Long.toString(conversations.incrementAndGet())
                        : conversationIds.get(i % conversationCount);
                String marker = assignment ? StandIn.ASSIGNED + conversationId : UUID.randomUUID().toString();
                ActionDecided action = action(conversationId, i, marker);
                produced.put(marker, System.nanoTime());
                producer.send(new ProducerRecord<>(Topics.CONVERSATION_ACTIONS, action.conversationId(),
                        json.writeValueAsString(action)));
            }
            producer.flush();
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (!intercom.received().keySet().containsAll(produced.keySet())) {
                if (System.nanoTime() > deadline) {
                    long missing = produced.keySet().stream().filter(m -> !intercom.received().containsKey(m)).count();
                    throw new IllegalStateException(missing + " actions never reached the stand-in Intercom");
                }
                Thread.sleep(20);
            }
            long last = produced.keySet().stream().mapToLong(m -> intercom.received().get(m)).max().orElse(begin);
            long[] latencies = produced.entrySet().stream()
                    .mapToLong(e -> intercom.received().get(e.getKey()) - e.getValue()).sorted().toArray();
            long calls = produced.keySet().stream().mapToLong(m -> intercom.calls().get(m).get()).sum();
            return new Result(actions, (last - begin) / 1e9, latencies, calls);
        }

        private static ActionDecided action(String conversationId, int i, String marker) {
            String cause = UUID.randomUUID().toString();
            String text = "Your order ships today. bench-" + marker;
            return switch (i % 10) {
                case 8 -> new ActionDecided(ActionDecided.SCHEMA_VERSION, ActionDecided.idFor(cause, 0), cause, APP,
                        conversationId, Instant.now(), 0, 1, ActionDecided.Type.NOTE, BOT, List.of(),
                        "Suggested answer: " + text, null, "bench");
                case 9 -> new ActionDecided(ActionDecided.SCHEMA_VERSION, ActionDecided.idFor(cause, 0), cause, APP,
                        conversationId, Instant.now(), 0, 1, ActionDecided.Type.ASSIGN, BOT, List.of(), null,
                        ActionDecided.Assignee.team("5017691"), "bench");
                default -> new ActionDecided(ActionDecided.SCHEMA_VERSION, ActionDecided.idFor(cause, 0), cause, APP,
                        conversationId, Instant.now(), 0, 1, ActionDecided.Type.REPLY, BOT,
                        List.of(Response.text(text)), null, null, "bench");
            };
        }
    }

    record Result(int actions, double seconds, long[] latenciesNanos, long calls) {

        double actionsPerSecond() {
            return actions / seconds;
        }

        double percentileMs(double percentile) {
            int index = (int) Math.ceil(percentile / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, Math.min(index, latenciesNanos.length - 1))] / 1e6;
        }

        double callsPerAction() {
            return (double) calls / actions;
        }
    }

    /**
     * Intercom as the responder sees it: {@code GET /me}, {@code GET /conversations/{id}}, and replies and
     * assignments answered with a new part. Notes when each action's first call arrived, found by the marker in the
     * body, or for an assignment (which carries none) by its conversation.
     */
    static final class StandIn {

        static final String ASSIGNED = "assigned-";

        private final HttpServer server;
        private volatile long answerMs;
        private final Map<String, Long> received = new ConcurrentHashMap<>();
        private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
        private final AtomicLong parts = new AtomicLong(1000);

        private StandIn(HttpServer server, long answerMs) {
            this.server = server;
            this.answerMs = answerMs;
        }

        static StandIn start(long answerMs) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
            StandIn standIn = new StandIn(server, answerMs);
            server.createContext("/", standIn::handle);
            server.setExecutor(Executors.newFixedThreadPool(64));
            server.start();
            return standIn;
        }

        int port() {
            return server.getAddress().getPort();
        }

        void answerMs(long ms) {
            answerMs = ms;
        }

        Map<String, Long> received() {
            return received;
        }

        Map<String, AtomicLong> calls() {
            return calls;
        }

        void stop() {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }

        private void handle(HttpExchange exchange) throws IOException {
            long arrived = System.nanoTime();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String path = exchange.getRequestURI().getPath();
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, "{\"type\":\"error.list\",\"errors\":[{\"code\":\"unauthorized\"}]}");
                return;
            }
            if (path.equals("/me")) {
                answer(exchange, 200, "{\"type\":\"admin\",\"id\":\"" + BOT + "\"}");
                return;
            }
            Matcher conversation = CONVERSATION.matcher(path);
            String conversationId = conversation.find() ? conversation.group(1) : "0";
            if ("POST".equals(exchange.getRequestMethod())) {
                Matcher marker = MARKER.matcher(body);
                String key = path.endsWith("/parts") ? ASSIGNED + conversationId : marker.find() ? marker.group(1) : null;
                if (key != null) {
                    received.putIfAbsent(key, arrived);
                    calls.computeIfAbsent(key, m -> new AtomicLong()).incrementAndGet();
                }
                if (answerMs > 0) {
                    try {
                        Thread.sleep(answerMs);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            answer(exchange, 200, """
                    {"type":"conversation","id":"%s","source":{"type":"conversation"},
                     "conversation_parts":{"type":"conversation_part.list","conversation_parts":[
                       {"type":"conversation_part","id":"%d","part_type":"comment","created_at":%d,
                        "author":{"type":"admin","id":"%s"}}]}}
                    """.formatted(conversationId, parts.incrementAndGet(), Instant.now().getEpochSecond(), BOT));
        }

        private static void answer(HttpExchange exchange, int status, String json) throws IOException {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }
    }
}
