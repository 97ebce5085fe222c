package io.tandem.bench;

import java.io.IOException;
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
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.sun.net.httpserver.HttpServer;

import io.tandem.contracts.ConversationEvent;
import io.tandem.contracts.ConversationEvent.Author;
import io.tandem.contracts.ConversationEvent.Kind;
import io.tandem.contracts.ConversationEvent.Owner;
import io.tandem.contracts.ConversationEvent.Part;
import io.tandem.contracts.MessageClassified;
import io.tandem.contracts.MessageClassified.Classification;
import io.tandem.contracts.MessageClassified.IntentScore;
import io.tandem.contracts.MessageClassified.NodeMatch;
import io.tandem.contracts.MessageClassified.NodeRef;
import io.tandem.contracts.Response;
import io.tandem.contracts.Topics;
import io.tandem.testsupport.ChildProcess;
import io.tandem.testsupport.FreePorts;
import io.tandem.testsupport.Infrastructure;

/**
 * {@code ./tandem bench router}: how long router-service takes to decide. Starts Kafka, PostgreSQL and the packaged
 * router-service ({@code router-service/target/quarkus-app}), with a small HTTP stand-in for classifier-service and
 * Intercom; configures a workspace through the admin API; then produces a realistic stream of MessageClassified
 * (answers, follow-ups, "did you mean", suggestions and note commands, escalations, assignments, Tandem's own
 * parts; each conversation opens with its {@code CONVERSATION_STARTED} event, as Intercom's do) on
 * {@code conversation.classified} at a steady rate, after a warm-up, in several runs, and prints per run:
 * <ul>
 * <li>deciding as the service measures it ({@code tandem_router_deciding_seconds}): from its consumer receiving the
 * record to the ActionDecided records handed to the Kafka producer (the decision is stored behind); p50/p99
 * from the differences of the timer's histogram buckets over the run (interpolated within a bucket);</li>
 * <li>storing, behind deciding ({@code tandem_router_deciding_store_seconds}): from a decision handed to the writer
 * to its commit in PostgreSQL, batched with others;</li>
 * <li>the CPU time of the same ({@code tandem_router_deciding_cpu_seconds}), which a busy machine hardly changes;</li>
 * <li>consumed-to-produced latency: the ActionDecided record's timestamp minus its MessageClassified's (both set by
 * producers on this machine, millisecond resolution; includes the broker hops and the consumer's fetch).</li>
 * </ul>
 * Options: {@code --conversations N} per run (default 400), {@code --rate EVENTS_PER_S} (default 50),
 * {@code --runs N} (default 3), {@code --warm-up CONVERSATIONS} before the runs (default as many as a run: the first
 * thousand decisions after start compile the hot path, which on two cores shows in the p99). Env
 * {@code ROUTER_BENCH_JAVA_OPTIONS} adds JVM options to the service (a profiler).
 */
public final class RouterBench {

    static final String APP = "bench";
    static final String ADMIN_KEY = "bench-admin-key";
    static final String ASSISTANT = "991";
    static final Owner UNASSIGNED = Owner.UNASSIGNED;
    static final Owner ASSISTANT_OWNS = new Owner(ASSISTANT, null);
    static final NodeRef ORDER = new NodeRef("node_order", "Order status", "Track an order");
    static final NodeRef RETURNS = new NodeRef("node_returns", "Returns", "Return an item");
    static final NodeRef HOURS = new NodeRef("node_hours", "Opening hours", "Opening hours");
    static final NodeRef HUMAN = new NodeRef("node_human", "Human", "Talk to a person");

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance));

    private RouterBench() {
    }

    static final String USAGE = "Usage: ./tandem bench router [--conversations N (400)] [--rate EVENTS_PER_S (50)] "
            + "[--runs N (3)] [--warm-up CONVERSATIONS (as many as a run)]";

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        String problem = usageProblem(args);
        if (problem != null) {
            System.err.println(problem + "\n" + USAGE);
            System.exit(2);
        }
        int conversations = option(args, "--conversations", 400);
        int rate = option(args, "--rate", 50);
        int runs = option(args, "--runs", 3);
        int warmUp = option(args, "--warm-up", conversations);
        Path root = Path.of(System.getProperty("tandem.root", ".")).toAbsolutePath().normalize();
        Path jar = root.resolve("router-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            System.err.println(jar + " is missing: build it with ./mvnw -o -q -pl router-service package -DskipTests");
            System.exit(1);
        }
        System.out.println("router bench: starting Kafka and PostgreSQL");
        try (Infrastructure infrastructure = Infrastructure.start(System::getenv, null);
                StandIn standIn = StandIn.start()) {
            int port = FreePorts.next();
            Map<String, String> env = new HashMap<>(infrastructure.environment());
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            env.put("TANDEM_ROUTER_ADMIN_API_KEYS", ADMIN_KEY);
            env.put("TANDEM_ROUTER_APPS_BENCH_ACCESS_TOKEN", "bench-intercom-token");
            env.put("TANDEM_ROUTER_CLASSIFIER_API_KEY", "bench-classifier-key");
            env.put("QUARKUS_REST_CLIENT_CLASSIFIER_URL", standIn.url());
            env.put("QUARKUS_REST_CLIENT_INTERCOM_URL", standIn.url());
            Path log = Files.createTempDirectory("router-bench").resolve("router-service.log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC"));
            // e.g. ROUTER_BENCH_JAVA_OPTIONS=-XX:StartFlightRecording=filename=router.jfr to profile the service
            String extra = System.getenv().getOrDefault("ROUTER_BENCH_JAVA_OPTIONS", "").strip();
            if (!extra.isEmpty()) {
                command.addAll(List.of(extra.split("\\s+")));
            }
            command.addAll(List.of("-jar", jar.toString()));
            System.out.println("router bench: starting the packaged router-service on port " + port + " (log " + log
                    + ")");
            try (ChildProcess router = ChildProcess.start("router-service", command, env, log, "TERM", 15_000)) {
                String base = "http://127.0.0.1:" + port;
                awaitReady(router, base);
                configure(base);
                run(infrastructure.kafka().bootstrapServers(), base, conversations, rate, runs, warmUp);
            }
        }
    }

    private static void run(String bootstrap, String base, int conversations, int rate, int runs, int warmUp)
            throws Exception {
        try (KafkaProducer<String, String> producer = producer(bootstrap);
                KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
            consumer.subscribe(List.of(Topics.CONVERSATION_ACTIONS));
            Map<String, Long> firstActionAt = new ConcurrentHashMap<>();
            Thread polling = new Thread(() -> poll(consumer, firstActionAt), "router-bench-actions");
            polling.setDaemon(true);
            polling.start();
            System.out.println("router bench: waiting for the router's consumer group (a first message)");
            List<Sent> probe = send(producer, script(1, 0), 50);
            await(probe, firstActionAt, Duration.ofSeconds(120));

            System.out.printf(Locale.ROOT, "router bench: warm-up, %d conversations%n", warmUp);
            await(send(producer, script(warmUp, 1), rate), firstActionAt, Duration.ofSeconds(120));

            java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            List<double[]> summary = new ArrayList<>();
            int next = 1 + warmUp;
            for (int run = 1; run <= runs; run++) {
                List<MessageClassified> stream = script(conversations, next);
                next += conversations;
                System.out.printf(Locale.ROOT, "%nrouter bench: run %d of %d, %d events of %d conversations at %d "
                        + "events/s%n", run, runs, stream.size(), conversations, rate);
                Histogram wallBefore = Histogram.read(base, "tandem_router_deciding_seconds");
                Histogram cpuBefore = Histogram.read(base, "tandem_router_deciding_cpu_seconds");
                Histogram storeBefore = Histogram.read(base, "tandem_router_deciding_store_seconds");
                long begin = System.nanoTime();
                List<Sent> sent = send(producer, stream, rate);
                int missing = await(sent, firstActionAt, Duration.ofSeconds(120));
                double seconds = (System.nanoTime() - begin) / 1e9;
                Histogram wall = Histogram.read(base, "tandem_router_deciding_seconds").minus(wallBefore);
                Histogram cpu = Histogram.read(base, "tandem_router_deciding_cpu_seconds").minus(cpuBefore);
                Histogram store = Histogram.read(base, "tandem_router_deciding_store_seconds").minus(storeBefore);

                List<Long> latencies = new ArrayList<>();
                for (Sent event : sent) {
                    Long actionAt = firstActionAt.get(event.eventId());
                    if (event.expectsAction() && actionAt != null) {
                        latencies.add(actionAt - event.producedAt());
                    }
                }
                latencies.sort(null);
                long withActions = sent.stream().filter(Sent::expectsAction).count();
                System.out.printf(Locale.ROOT, "  events: %d (%d deciding on actions, %d deciding on none), %.1f s, "
                        + "load average %.1f on %d cores%n", sent.size(), withActions, sent.size() - withActions,
                        seconds, os.getSystemLoadAverage(), os.getAvailableProcessors());
                System.out.printf(Locale.ROOT, "  deciding (record received -> actions handed to the producer): "
                        + "p50 %.2f ms, p99 %.2f ms over %d decisions%n",
                        wall.quantile(0.50) * 1000, wall.quantile(0.99) * 1000, wall.count());
                System.out.printf(Locale.ROOT, "  CPU time of deciding: p50 %.2f ms, p99 %.2f ms, mean %.2f ms; "
                        + "wall/CPU at p50 %.1f%n", cpu.quantile(0.50) * 1000, cpu.quantile(0.99) * 1000,
                        cpu.mean() * 1000, wall.quantile(0.50) / cpu.quantile(0.50));
                System.out.printf(Locale.ROOT, "  storing, behind deciding (handed to the writer -> committed in "
                        + "PostgreSQL, batched): p50 %.2f ms, p99 %.2f ms%n", store.quantile(0.50) * 1000,
                        store.quantile(0.99) * 1000);
                System.out.printf(Locale.ROOT, "  consumed MessageClassified -> produced ActionDecided (Kafka "
                        + "included): p50 %d ms, p99 %d ms, max %d ms%s%n", percentile(latencies, 0.50),
                        percentile(latencies, 0.99), latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1),
                        missing == 0 ? "" : " (" + missing + " expected action(s) never came)");
                summary.add(new double[] { wall.quantile(0.50) * 1000, wall.quantile(0.99) * 1000,
                        cpu.quantile(0.50) * 1000, cpu.quantile(0.99) * 1000, cpu.mean() * 1000 });
            }
            polling.interrupt();
            // the consumer is closed on this thread: the poller must be done with it first
            polling.join(5_000);
            System.out.println();
            System.out.println("router-service (packaged), deciding per run: wall p50 / p99, CPU p50 / p99 / mean (ms)");
            for (int run = 0; run < summary.size(); run++) {
                double[] figures = summary.get(run);
                System.out.printf(Locale.ROOT, "  run %d: %.2f / %.2f, CPU %.2f / %.2f / %.2f%n", run + 1,
                        figures[0], figures[1], figures[2], figures[3], figures[4]);
            }
            System.out.println("  goal: deciding under 5 ms at p99 (percentiles from the service's histogram "
                    + "buckets, interpolated; measured runs only)");
        }
    }

    /** A timer's cumulative Prometheus buckets (seconds), which subtract: figures for one period. */
    record Histogram(double[] bounds, double[] counts, double sum) {

        static Histogram read(String base, String timer) throws IOException, InterruptedException {
            Pattern line = Pattern.compile("^" + timer + "_(bucket|sum)(\\{[^}]*\\})?\\s+([0-9.eE+-]+)$");
            Pattern le = Pattern.compile("le=\"([^\"]+)\"");
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/q/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            java.util.TreeMap<Double, Double> buckets = new java.util.TreeMap<>();
            double sum = 0;
            for (String metricLine : metrics.split("\n")) {
                Matcher matcher = line.matcher(metricLine.strip());
                if (!matcher.matches()) {
                    continue;
                }
                double value = Double.parseDouble(matcher.group(3));
                if (matcher.group(1).equals("sum")) {
                    sum = value;
                } else if (matcher.group(2) != null) {
                    Matcher bound = le.matcher(matcher.group(2));
                    if (bound.find()) {
                        buckets.put(bound.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY
                                : Double.parseDouble(bound.group(1)), value);
                    }
                }
            }
            return new Histogram(buckets.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                    buckets.values().stream().mapToDouble(Double::doubleValue).toArray(), sum);
        }

        Histogram minus(Histogram before) {
            double[] counts = this.counts.clone();
            for (int i = 0; i < counts.length && i < before.counts.length; i++) {
                counts[i] -= before.counts[i];
            }
            return new Histogram(bounds, counts, sum - before.sum);
        }

        long count() {
            return counts.length == 0 ? 0 : Math.round(counts[counts.length - 1]);
        }

        double mean() {
            return count() == 0 ? Double.NaN : sum / count();
        }

        /** Linear interpolation within the bucket the quantile falls in; the last finite bound beyond them. */
        double quantile(double quantile) {
            long total = count();
            if (total == 0) {
                return Double.NaN;
            }
            double rank = quantile * total;
            double lowerBound = 0;
            double lowerCount = 0;
            for (int i = 0; i < bounds.length; i++) {
                if (counts[i] >= rank) {
                    if (Double.isInfinite(bounds[i])) {
                        return lowerBound;
                    }
                    double inBucket = counts[i] - lowerCount;
                    return lowerBound + (bounds[i] - lowerBound) * (inBucket == 0 ? 1 : (rank - lowerCount) / inBucket);
                }
                lowerBound = bounds[i];
                lowerCount = counts[i];
            }
            return lowerBound;
        }
    }

    /** A realistic mix of conversations, {@code count} of them, numbered from {@code first}. */
    static List<MessageClassified> script(int count, int first) {
        List<List<MessageClassified>> perConversation = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            String conversation = "bench-" + i + "-" + UUID.randomUUID();
            List<MessageClassified> events = new ArrayList<>();
            switch (i % 6) {
                case 0, 1 -> {
                    events.add(opening(conversation, classified("hi, when do you open?", HOURS, 0.95,
                            false, "We open at 9.", false, false)));
                    events.add(own(conversation, Kind.ADMIN_REPLIED, "We open at 9."));
                    events.add(customer(conversation, UNASSIGNED, classified("where is my order?", ORDER, 0.91, true,
                            "What is your order number?", false, true)));
                    events.add(own(conversation, Kind.ADMIN_REPLIED, "What is your order number?"));
                    events.add(customer(conversation, UNASSIGNED, classified("12345", ORDER, 0.2, true,
                            "Order 12345 ships tomorrow.", true, false)));
                }
                case 2 -> {
                    events.add(opening(conversation, ambiguous("my parcel")));
                    events.add(own(conversation, Kind.ADMIN_REPLIED, "Did you mean: 1. Track an order 2. Return"));
                    events.add(customer(conversation, UNASSIGNED, classified("1", null, 0.0, false, null, false,
                            false)));
                }
                case 3 -> {
                    events.add(opening(conversation, classified("how do I return this", RETURNS, 0.9,
                            false, "Send it back within 30 days.", false, false)));
                    events.add(own(conversation, Kind.ASSIGNED, ""));
                    events.add(customer(conversation, new Owner(null, "7"), classified("hello?", RETURNS, 0.9, false,
                            "Send it back within 30 days.", false, false)));
                    events.add(lifecycle(conversation, Kind.ADMIN_NOTED, "/tandem 1", new Owner(null, "7")));
                }
                case 4 -> {
                    Classification human = new Classification("1", "I want a person",
                            List.of(new IntentScore("human", 0.96)), List.of(),
                            List.of(new NodeMatch(HUMAN, 0.96, false, List.of())), List.of(), HUMAN, false, false,
                            List.of(Response.connectToAgent("Wants a person", "A colleague will be with you shortly.",
                                    "We are away; we will write back.")),
                            Response.connectToAgent("Wants a person", "A colleague will be with you shortly.",
                                    "We are away; we will write back."),
                            "Talk to a person", Map.of());
                    events.add(opening(conversation, human));
                    events.add(own(conversation, Kind.ASSIGNED, ""));
                }
                default -> {
                    events.add(opening(conversation, classified("can I pay with shells", HOURS, 0.4,
                            false, "We open at 9.", false, false)));
                    events.add(lifecycle(conversation, Kind.ASSIGNED, "", ASSISTANT_OWNS));
                    events.add(customer(conversation, ASSISTANT_OWNS, classified("when do you open", HOURS, 0.93,
                            false, "We open at 9.", false, false)));
                }
            }
            perConversation.add(events);
        }
        // interleave the conversations as they would arrive: round robin over their next event
        List<MessageClassified> stream = new ArrayList<>();
        for (int step = 0; !perConversation.isEmpty(); step++) {
            final int at = step;
            perConversation.removeIf(events -> events.size() <= at);
            for (List<MessageClassified> events : perConversation) {
                stream.add(events.get(at));
            }
        }
        return stream;
    }

    /** Whether the router is expected to act on the event (the script's events are decided in this way). */
    static boolean expectsAction(MessageClassified event) {
        if (event.event().authoredByTandem()) {
            return false;
        }
        if (event.event().kind() == Kind.ADMIN_NOTED) {
            return true;
        }
        if (event.event().kind() == Kind.ASSIGNED) {
            return false;
        }
        Classification c = event.classification();
        if (event.event().owner().teamId() != null) {
            return false; // handed over to a team after a suggestion: silent
        }
        return c != null && (c.topConfidence() >= 0.75 || c.continuedBranch() || c.branch() == null);
    }

    private static Classification classified(String text, NodeRef node, double confidence, boolean hasChildren,
            String answer, boolean continued, boolean awaiting) {
        if (node == null) {
            return new Classification("1", text, List.of(), List.of(), List.of(), List.of(), null, false, false,
                    List.of(), null, null, Map.of());
        }
        return new Classification("1", text, List.of(new IntentScore(node.nodeId(), confidence)), List.of(),
                List.of(new NodeMatch(node, confidence, hasChildren, List.of(Response.text(answer)))), List.of(),
                node, continued, awaiting, List.of(Response.text(answer)), null, null, Map.of("turn", 1));
    }

    private static Classification ambiguous(String text) {
        return new Classification("1", text,
                List.of(new IntentScore("order", 0.88), new IntentScore("returns", 0.82)), List.of(),
                List.of(new NodeMatch(ORDER, 0.88, true, List.of(Response.text("What is your order number?"))),
                        new NodeMatch(RETURNS, 0.82, false, List.of(Response.text("Send it back within 30 days.")))),
                List.of(), ORDER, false, false, List.of(Response.text("What is your order number?")), null, null,
                Map.of());
    }

    /** The customer's first message, which opens the conversation (Intercom's {@code conversation.user.created}). */
    private static MessageClassified opening(String conversation, Classification classification) {
        return customer(conversation, Kind.CONVERSATION_STARTED, UNASSIGNED, classification);
    }

    private static MessageClassified customer(String conversation, Owner owner, Classification classification) {
        return customer(conversation, Kind.CUSTOMER_REPLIED, owner, classification);
    }

    private static MessageClassified customer(String conversation, Kind kind, Owner owner,
            Classification classification) {
        return wrap(conversation, kind, new Author("user", "user-1", "Customer"), classification.text(), owner, false,
                classification);
    }

    private static MessageClassified own(String conversation, Kind kind, String text) {
        return wrap(conversation, kind, new Author("admin", ASSISTANT, "Tandem"), text, UNASSIGNED, true, null);
    }

    private static MessageClassified lifecycle(String conversation, Kind kind, String text, Owner owner) {
        return wrap(conversation, kind, new Author("admin", "100", "Alice"), text, owner, false, null);
    }

    private static MessageClassified wrap(String conversation, Kind kind, Author author, String text, Owner owner,
            boolean byTandem, Classification classification) {
        Part part = new Part("part-" + UUID.randomUUID(), "comment", author, text, List.of(), Instant.now());
        String eventId = ConversationEvent.idFor(APP, conversation, part.id());
        ConversationEvent event = new ConversationEvent(ConversationEvent.SCHEMA_VERSION, eventId, part.id(), APP,
                conversation, Instant.now(), part.id(), "bench", kind, part, owner, "open", byTandem, Instant.now());
        return new MessageClassified(MessageClassified.SCHEMA_VERSION, MessageClassified.idFor(eventId), eventId, APP,
                conversation, Instant.now(), event, classification);
    }

    private record Sent(String eventId, long producedAt, boolean expectsAction) {
    }

    private static List<Sent> send(KafkaProducer<String, String> producer, List<MessageClassified> events, int rate)
            throws Exception {
        List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        long interval = 1_000_000_000L / Math.max(1, rate);
        long next = System.nanoTime();
        for (MessageClassified event : events) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            next += interval;
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.CONVERSATION_CLASSIFIED, null,
                    event.conversationId(), JSON.writeValueAsString(event));
            record.headers().add("ce_specversion", bytes("1.0"));
            record.headers().add("ce_id", bytes(event.eventId()));
            record.headers().add("ce_type", bytes(event.cloudEventType()));
            record.headers().add("ce_source", bytes("tandem:router-bench"));
            boolean expects = expectsAction(event);
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    sent.add(new Sent(event.eventId(), metadata.timestamp(), expects));
                }
            });
        }
        producer.flush();
        return List.copyOf(sent);
    }

    /** @return how many expected actions did not come in time */
    private static int await(List<Sent> sent, Map<String, Long> firstActionAt, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int missing = (int) sent.stream()
                    .filter(event -> event.expectsAction() && !firstActionAt.containsKey(event.eventId()))
                    .count();
            if (missing == 0 || System.nanoTime() > deadline) {
                return missing;
            }
            Thread.sleep(50);
        }
    }

    private static void poll(KafkaConsumer<String, String> consumer, Map<String, Long> firstActionAt) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    Header cause = record.headers().lastHeader("ce_causationid");
                    if (cause != null) {
                        firstActionAt.putIfAbsent(new String(cause.value(), StandardCharsets.UTF_8),
                                record.timestamp());
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.InterruptException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private static void configure(String base) throws IOException, InterruptedException {
        put(base + "/api/workspaces/" + APP + "/integration",
                "{\"assistantAdminId\":\"" + ASSISTANT + "\",\"dialogReady\":true,\"monitoring\":true}");
        put(base + "/api/workspaces/" + APP + "/rules/actions/Returns", "{\"action\":\"SUGGEST\"}");
        put(base + "/api/workspaces/" + APP + "/rules/backup/Returns", "{\"type\":\"team\",\"id\":\"7\"}");
        put(base + "/api/workspaces/" + APP + "/rules/backup/Human", "{\"type\":\"team\",\"id\":\"7\"}");
    }

    private static void put(String url, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("PUT " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    private static void awaitReady(ChildProcess router, String base) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!router.isAlive()) {
                throw new IllegalStateException("router-service exited; its log ends with:\n" + router.logTail(40));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("router-service was not ready in 180 s; its log ends with:\n"
                + router.logTail(40));
    }

    static long percentile(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "router-bench-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** @return what is wrong with the arguments, or null when they are fine */
    static String usageProblem(String[] args) {
        for (int i = 0; i < args.length; i += 2) {
            if (!List.of("--conversations", "--rate", "--runs", "--warm-up").contains(args[i])) {
                return "unknown option '" + args[i] + "'";
            }
            if (i + 1 >= args.length || !args[i + 1].matches("[1-9][0-9]{0,6}")) {
                return args[i] + " needs a positive whole number";
            }
        }
        return null;
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    /** classifier-service's node list and Intercom's admins and teams, as the bench's workspace has them. */
    private static final class StandIn implements AutoCloseable {

        private final HttpServer server;

        private StandIn(HttpServer server) {
            this.server = server;
        }

        static StandIn start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            Map<String, String> answers = Map.of(
                    "/api/workspaces/" + APP + "/skill/nodes", """
                            [{"id":"node_order","title":"Order status","user_label":"Track an order","has_children":true,"connect_to_agent":false},
                             {"id":"node_returns","title":"Returns","user_label":"Return an item","has_children":false,"connect_to_agent":false},
                             {"id":"node_hours","title":"Opening hours","user_label":"Opening hours","has_children":false,"connect_to_agent":false},
                             {"id":"node_human","title":"Human","user_label":"Talk to a person","has_children":false,"connect_to_agent":true}]
                            """,
                    "/admins", """
                            {"type":"admin.list","admins":[{"type":"admin","id":"991","name":"Tandem","away_mode_enabled":false},
                             {"type":"admin","id":"100","name":"Alice","away_mode_enabled":false}]}
                            """,
                    "/teams", """
                            {"type":"team.list","teams":[{"type":"team","id":"7","name":"Support","admin_ids":[100]}]}
                            """);
            Set<String> paths = answers.keySet();
            server.createContext("/", exchange -> {
                String answer = paths.contains(exchange.getRequestURI().getPath())
                        ? answers.get(exchange.getRequestURI().getPath()) : null;
                byte[] body = (answer == null ? "{}" : answer).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer == null ? 404 : 200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return new StandIn(server);
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
