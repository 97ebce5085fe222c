package io.tandem.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tandem.contracts.Topics;
import io.tandem.testsupport.launch.LocalSettings;
import io.tandem.testsupport.launch.LocalWorkspace;
import io.tandem.testsupport.launch.Ports;
import io.tandem.testsupport.launch.TandemSystem;

/**
 * {@code ./tandem bench e2e}: the whole system as {@code ./tandem up} runs it (Kafka, PostgreSQL, the four packaged
 * services and the Intercom sandbox) driven at a fixed rate of customer messages. Each message opens a sandbox
 * conversation ("Where is my order?"); the sandbox sends the signed webhook, Tandem classifies, decides and replies
 * through the sandbox's Intercom API. Nothing inside the services is instrumented for this: the stages' times are
 * the Kafka records' timestamps (CreateTime, set by each producing service) on every topic the message crosses, read
 * by a consumer of this process, so the figures hold for the packaged system as it is.
 *
 * <p>Prints: messages sent, answered and lost; the answered rate during the run; p50/p99/max of customer message to
 * Intercom call, of webhook (ingest's receipt) to Intercom call, and of each stage; the CPU all processes of the
 * system spent per message (Kafka and PostgreSQL included), and the load average, because the box is shared.
 */
public final class E2eBench {

    static final String APP = "benche2e";
    static final String MESSAGE = "Where is my order? It still hasn't arrived.";
    /** How long answers may trail the last message sent before a missing one counts as lost. */
    static final Duration DRAIN = Duration.ofSeconds(60);
    private static final List<String> TOPICS = List.of(Topics.CONVERSATION_EVENTS, Topics.CONVERSATION_CLASSIFIED,
            Topics.CONVERSATION_ACTIONS, Topics.CONVERSATION_ACTION_RESULTS);

    private E2eBench() {
    }

    public static void main(String[] args) throws Exception {
        E2eBenchOptions options;
        try {
            options = E2eBenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options == null) {
            return;
        }
        Path root = Path.of("").toAbsolutePath();
        Path logDir = Files.createTempDirectory("tandem-bench-e2e-");
        LocalSettings settings = new LocalSettings(APP, "bench-webhook-secret-" + UUID.randomUUID(),
                "bench-token-" + UUID.randomUUID(), "bench-admin-key", "991267");
        System.out.printf(Locale.ROOT, "load average before start: %s%n", loadAverage());
        try (TandemSystem system = TandemSystem.start(root, Ports.free(), settings, System.getenv(), null, logDir,
                line -> System.out.println("  " + line))) {
            LocalWorkspace.configure(system.url(TandemSystem.ROUTER), settings, LocalWorkspace.LOCAL_THRESHOLD);
            System.out.println("logs: " + logDir);
            try (Timelines timelines = Timelines.follow(system.infrastructure().kafka().bootstrapServers())) {
                Driver driver = new Driver(system.url(TandemSystem.SANDBOX));
                if (options.warmUpSeconds() > 0) {
                    System.out.printf(Locale.ROOT, "warming up: %d s at %d messages/s%n", options.warmUpSeconds(),
                            options.warmUpRate());
                    Run warmUp = driver.run(options.warmUpRate(), options.warmUpSeconds());
                    timelines.awaitAnswers(warmUp.conversations().keySet(), DRAIN);
                }
                System.out.printf(Locale.ROOT, "measuring: %d s at %d messages/s (load average %s)%n",
                        options.seconds(), options.rate(), loadAverage());
                Map<String, Long> cpuBefore = cpuByProcess();
                Map<String, Long> jitBefore = JitCpu.snapshot(ProcessHandle.current().descendants());
                Run run = driver.run(options.rate(), options.seconds());
                timelines.awaitAnswers(run.conversations().keySet(), DRAIN);
                Map<String, Long> cpuAfter = cpuByProcess();
                long jitNanos = JitCpu.since(jitBefore, JitCpu.snapshot(ProcessHandle.current().descendants()));
                Map<String, Long> cpu = new TreeMap<>();
                cpuAfter.forEach((name, nanos) -> cpu.put(name, nanos - cpuBefore.getOrDefault(name, 0L)));
                String loadAfter = loadAverage();
                report(options, run, timelines, cpu, jitNanos, loadAfter);
            }
        }
    }

    private static void report(E2eBenchOptions options, Run run, Timelines timelines, Map<String, Long> cpu,
            long jitNanos, String loadAfter) {
        long cpuNanos = cpu.values().stream().mapToLong(Long::longValue).sum();
        Samples customerToCall = new Samples();
        Samples webhookToCall = new Samples();
        Samples sandbox = new Samples();
        Samples ingest = new Samples();
        Samples classifier = new Samples();
        Samples router = new Samples();
        Samples responder = new Samples();
        int answered = 0;
        int failed = 0;
        long firstSent = Long.MAX_VALUE;
        long lastSent = 0;
        long lastAnswer = 0;
        int answeredInWindow = 0;
        for (Map.Entry<String, Long> sent : run.conversations().entrySet()) {
            firstSent = Math.min(firstSent, sent.getValue());
            lastSent = Math.max(lastSent, sent.getValue());
        }
        long windowEnd = firstSent + options.seconds() * 1000L;
        for (Map.Entry<String, Long> sent : run.conversations().entrySet()) {
            Timeline line = timelines.of(sent.getKey());
            if (line == null || line.performed == 0) {
                continue;
            }
            if (!line.succeeded) {
                failed++;
            }
            answered++;
            lastAnswer = Math.max(lastAnswer, line.performed);
            if (line.performed <= windowEnd) {
                answeredInWindow++;
            }
            customerToCall.add(line.performed - sent.getValue());
            if (line.webhookReceived > 0) {
                webhookToCall.add(line.performed - line.webhookReceived);
                sandbox.add(line.webhookReceived - sent.getValue());
                ingest.add(line.event - line.webhookReceived);
            }
            classifier.add(line.classified - line.event);
            router.add(line.decided - line.classified);
            responder.add(line.performed - line.decided);
        }
        int sent = run.sent();
        int opened = run.conversations().size();
        double seconds = options.seconds();
        System.out.println();
        System.out.printf(Locale.ROOT, "e2e: %d customer messages offered at %d/s for %d s (the whole system on this"
                + " box)%n", sent, options.rate(), options.seconds());
        System.out.printf(Locale.ROOT, "  sandbox opened %d conversations (%d refused or failed)%n", opened,
                sent - opened);
        System.out.printf(Locale.ROOT, "  answered: %d (%d with a failed Intercom call); lost (no answer %d s after"
                + " the last message): %d%n", answered, failed, DRAIN.toSeconds(), opened - answered);
        System.out.printf(Locale.ROOT, "  throughput: %.1f answered/s within the %d s of sending; all answered"
                + " %.1f s after the first message (%.1f s after the last)%n", answeredInWindow / seconds,
                options.seconds(), (lastAnswer - firstSent) / 1e3, Math.max(0, lastAnswer - lastSent) / 1e3);
        System.out.println("  latency (ms)                         p50     p99     max");
        print("customer message -> Intercom call", customerToCall);
        print("webhook received -> Intercom call", webhookToCall);
        print("  sandbox: message -> webhook", sandbox);
        print("  ingest: webhook -> conversation.events", ingest);
        print("  classifier: -> conversation.classified", classifier);
        print("  router: -> conversation.actions", router);
        print("  responder: -> Intercom call done", responder);
        System.out.printf(Locale.ROOT, "  CPU of all the system's processes (services, Kafka, PostgreSQL): %.1f ms"
                + " per answered message (%.2f cores busy)%n", answered == 0 ? Double.NaN
                        : cpuNanos / 1e6 / answered,
                cpuNanos / 1e9 / ((Math.max(lastAnswer, windowEnd) - firstSent) / 1e3));
        if (answered > 0) {
            StringBuilder perProcess = new StringBuilder("    per answered message:");
            double messages = answered;
            cpu.forEach((name, nanos) -> perProcess.append(String.format(Locale.ROOT, " %s %.1f ms,", name,
                    nanos / 1e6 / messages)));
            System.out.println(perProcess.substring(0, perProcess.length() - 1));
            System.out.printf(Locale.ROOT, "    of which JIT compilation (the JVMs' C1/C2 compiler threads): %.1f ms"
                    + " (%.0f %% of it; a JVM still compiling much is still warming up, see bench/README.md)%n",
                    jitNanos / 1e6 / messages, cpuNanos == 0 ? 0.0 : 100.0 * jitNanos / cpuNanos);
        }
        System.out.printf(Locale.ROOT, "  load average after: %s (%d cores)%n", loadAfter,
                Runtime.getRuntime().availableProcessors());
    }

    private static void print(String label, Samples samples) {
        System.out.printf(Locale.ROOT, "  %-40s %7.0f %7.0f %7.0f%n", label, samples.percentile(50),
                samples.percentile(99), samples.percentile(100));
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return String.join(" ", Arrays.copyOf(fields, 3));
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }

    /**
     * CPU time of every process this one started, as far as the OS tells, by what it is: each service (by its
     * module), kafka, postgresql (the server and its backends), other.
     */
    static Map<String, Long> cpuByProcess() {
        Map<String, Long> cpu = new TreeMap<>();
        ProcessHandle.current().descendants().forEach(process -> cpu.merge(processName(process),
                process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L), Long::sum));
        return cpu;
    }

    static String processName(ProcessHandle process) {
        return processName(process.info().command().orElse(""), CommandLines.of(process));
    }

    static String processName(String command, List<String> arguments) {
        for (String argument : arguments) {
            int jar = argument.indexOf("/target/quarkus-app/quarkus-run.jar");
            if (jar > 0) {
                return argument.substring(argument.lastIndexOf('/', jar - 1) + 1, jar);
            }
            if (argument.equals("kafka.Kafka")) {
                return "kafka";
            }
        }
        return command.contains("postgres") ? "postgresql" : "other";
    }

    /** Opens sandbox conversations at a fixed rate. */
    private static final class Driver {

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private final ObjectMapper json = new ObjectMapper();
        private final URI conversations;
        private final String body;

        Driver(String sandboxUrl) {
            this.conversations = URI.create(sandboxUrl + "/sandbox/conversations");
            this.body = json.createObjectNode().put("body", MESSAGE).toString();
        }

        Run run(int rate, int seconds) throws InterruptedException {
            Map<String, Long> opened = new ConcurrentHashMap<>();
            AtomicInteger inFlight = new AtomicInteger();
            int total = rate * seconds;
            long begin = System.nanoTime();
            long intervalNanos = 1_000_000_000L / rate;
            for (int i = 0; i < total; i++) {
                long due = begin + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                long sentAt = System.currentTimeMillis();
                inFlight.incrementAndGet();
                http.sendAsync(HttpRequest.newBuilder(conversations).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString())
                        .whenComplete((response, failure) -> {
                            inFlight.decrementAndGet();
                            if (failure == null && response.statusCode() == 201) {
                                opened.put(id(response.body()), sentAt);
                            }
                        });
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            return new Run(total, opened);
        }

        private String id(String conversation) {
            try {
                return json.readTree(conversation).path("id").asText();
            } catch (IOException e) {
                return "unreadable-" + UUID.randomUUID();
            }
        }
    }

    /** Messages sent, and the conversations the sandbox opened for them with the time each was sent (epoch ms). */
    private record Run(int sent, Map<String, Long> conversations) {
    }

    /** When one conversation's first message reached each stage (epoch ms; 0: not yet). */
    static final class Timeline {
        volatile long webhookReceived;
        volatile long event;
        volatile long classified;
        volatile long decided;
        volatile long performed;
        volatile boolean succeeded;
    }

    /** Follows the topics from their current end and keeps, per conversation, the first record on each. */
    private static final class Timelines implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final Map<String, Timeline> byConversation = new ConcurrentHashMap<>();
        private final ObjectMapper json = new ObjectMapper();
        private final Thread poller;
        private final AtomicLong records = new AtomicLong();
        private volatile boolean stopped;

        private Timelines(KafkaConsumer<String, String> consumer) {
            this.consumer = consumer;
            this.poller = new Thread(this::poll, "e2e-bench-timelines");
            this.poller.setDaemon(true);
        }

        static Timelines follow(String bootstrapServers) {
            Properties config = new Properties();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
            KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                    new StringDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            Timelines timelines = new Timelines(consumer);
            timelines.poller.start();
            return timelines;
        }

        private void poll() {
            try {
                while (!stopped) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        records.incrementAndGet();
                        if (record.key() != null) {
                            take(record);
                        }
                    }
                }
            } catch (WakeupException stopping) {
                // closing
            }
        }

        private void take(ConsumerRecord<String, String> record) {
            Timeline line = byConversation.computeIfAbsent(record.key(), key -> new Timeline());
            long at = record.timestamp();
            switch (record.topic()) {
                case Topics.CONVERSATION_EVENTS -> {
                    if (line.event == 0) {
                        line.webhookReceived = receivedAt(record.value());
                        line.event = at;
                    }
                }
                case Topics.CONVERSATION_CLASSIFIED -> line.classified = line.classified == 0 ? at : line.classified;
                case Topics.CONVERSATION_ACTIONS -> line.decided = line.decided == 0 ? at : line.decided;
                case Topics.CONVERSATION_ACTION_RESULTS -> {
                    if (line.performed == 0) {
                        line.succeeded = record.value() != null && record.value().contains("\"SUCCEEDED\"");
                        line.performed = at;
                    }
                }
                default -> {
                    // not followed
                }
            }
        }

        private long receivedAt(String event) {
            try {
                JsonNode receivedAt = json.readTree(event).path("receivedAt");
                return receivedAt.isTextual() ? Instant.parse(receivedAt.asText()).toEpochMilli()
                        : receivedAt.isNumber() ? Math.round(receivedAt.asDouble() * 1000) : 0;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        Timeline of(String conversationId) {
            return byConversation.get(conversationId);
        }

        void awaitAnswers(java.util.Set<String> conversations, Duration atMost) throws InterruptedException {
            long deadline = System.nanoTime() + atMost.toNanos();
            while (System.nanoTime() < deadline) {
                long missing = conversations.stream().filter(id -> {
                    Timeline line = byConversation.get(id);
                    return line == null || line.performed == 0;
                }).count();
                if (missing == 0) {
                    return;
                }
                Thread.sleep(200);
            }
        }

        @Override
        public void close() throws InterruptedException {
            stopped = true;
            consumer.wakeup();
            poller.join(5_000);
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Latencies in milliseconds. */
    private static final class Samples {

        private final List<Long> values = new ArrayList<>();

        void add(long millis) {
            values.add(millis);
        }

        double percentile(int p) {
            if (values.isEmpty()) {
                return Double.NaN;
            }
            List<Long> sorted = values.stream().sorted().toList();
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }
    }
}
