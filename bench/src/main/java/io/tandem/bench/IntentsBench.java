package io.tandem.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tandem.bench.IntentDatasets.Dataset;
import io.tandem.bench.IntentDatasets.Probe;
import io.tandem.testsupport.ChildProcess;
import io.tandem.testsupport.FreePorts;
import io.tandem.testsupport.Infrastructure;

/**
 * {@code ./tandem bench intents}: how well classifier-service recognizes intents. Starts Kafka, PostgreSQL and the
 * packaged classifier-service ({@code classifier-service/target/quarkus-app}); for each public data set in
 * {@code --datasets} (HWU64 with 10 and 30 examples per intent, CLINC150 full with its out-of-scope messages,
 * Banking77) imports it as a Watson Assistant workspace through {@code PUT /api/workspaces/{app}/skill}, exactly as a
 * team would, then sends every test message to {@code POST /api/workspaces/{app}/message} (with
 * {@code alternate_intents}) and prints: top-1 accuracy on the in-scope test messages, out-of-scope recall at the
 * threshold (share of out-of-scope messages whose top confidence stays below it), share of in-scope messages answered
 * (top confidence at or above the threshold) and right, training time (the PUT, wall clock and the service's CPU),
 * p50/p99 round trip per message and the service's CPU per message, heap used after a full GC; then the hosted
 * services' published figures. Accuracy is deterministic; times depend on how busy the machine is.
 */
public final class IntentsBench {

    static final String APP = "bench";
    static final String ADMIN_KEY = "bench-admin-key";
    static final String USAGE = """
            Usage: ./tandem bench intents [--datasets DIR] [--sets NAME,...] [--threshold X]
              --datasets DIR   the public data sets (default ../shared/datasets beside the repository)
              --sets NAMES     which to run, comma separated (default all): %s
              --threshold X    confidence at which Tandem answers (default 0.75, the workspace default)"""
            .formatted(String.join(",", IntentDatasets.NAMES));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WARM_UP = 100;

    private IntentsBench() {
    }

    record Options(Path datasets, List<String> sets, double threshold) {
    }

    record Figures(Dataset dataset, double accuracy, Double outOfScopeRecall, double answeredRight,
            double trainingSeconds, double trainingCpuSeconds, double p50Millis, double p99Millis,
            double cpuMillisPerMessage, double heapMegabytes) {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        Path root = Path.of(System.getProperty("tandem.root", ".")).toAbsolutePath().normalize();
        Options options;
        try {
            options = parse(args, root);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        if (!Files.isRegularFile(options.datasets().resolve("SOURCES.md"))) {
            System.err.println(options.datasets() + " holds no data sets (SOURCES.md missing)");
            System.exit(1);
        }
        Path jar = root.resolve("classifier-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            System.err.println(jar + " is missing: build it with ./mvnw -o -q -pl classifier-service package "
                    + "-DskipTests");
            System.exit(1);
        }
        System.out.println("intents bench: starting Kafka and PostgreSQL");
        List<Figures> figures = new ArrayList<>();
        try (Infrastructure infrastructure = Infrastructure.start(System::getenv, null)) {
            int port = FreePorts.next();
            Map<String, String> env = new HashMap<>(infrastructure.environment());
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            env.put("TANDEM_CLASSIFIER_ADMIN_API_KEYS", ADMIN_KEY);
            Path log = Files.createTempDirectory("intents-bench").resolve("classifier-service.log");
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms64m", "-Xmx1g", "-jar", jar.toString());
            System.out.println("intents bench: starting the packaged classifier-service on port " + port + " (log "
                    + log + ")");
            try (ChildProcess classifier = ChildProcess.start("classifier-service", command, env, log, "TERM",
                    15_000)) {
                String base = "http://127.0.0.1:" + port;
                awaitReady(classifier, base);
                ProcessHandle service = serviceProcess(jar);
                for (String set : options.sets()) {
                    Dataset dataset = IntentDatasets.load(options.datasets(), set);
                    figures.add(measure(base, service, dataset, options.threshold()));
                    print(figures, options.threshold());
                }
            }
        }
        System.out.println();
        System.out.println("Published figures of hosted services and models (../shared/datasets/SOURCES.md):");
        for (Figures row : figures) {
            System.out.println("  " + row.dataset().name() + ": " + String.join("; ", row.dataset().published()));
        }
    }

    static Options parse(String[] args, Path root) {
        Path datasets = root.resolve("../shared/datasets").normalize();
        List<String> sets = IntentDatasets.NAMES;
        double threshold = 0.75;
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (!List.of("--datasets", "--sets", "--threshold").contains(name)) {
                throw new IllegalArgumentException("unknown option '" + name + "'");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[i + 1];
            switch (name) {
                case "--datasets" -> datasets = Path.of(value).toAbsolutePath().normalize();
                case "--sets" -> {
                    sets = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
                    for (String set : sets) {
                        if (!IntentDatasets.NAMES.contains(set)) {
                            throw new IllegalArgumentException("--sets: unknown data set '" + set + "' (known: "
                                    + String.join(",", IntentDatasets.NAMES) + ")");
                        }
                    }
                    if (sets.isEmpty()) {
                        throw new IllegalArgumentException("--sets needs at least one data set");
                    }
                }
                default -> {
                    try {
                        threshold = Double.parseDouble(value);
                    } catch (NumberFormatException e) {
                        threshold = -1;
                    }
                    if (!(threshold > 0 && threshold <= 1)) {
                        throw new IllegalArgumentException("--threshold needs a number in (0, 1]");
                    }
                }
            }
        }
        return new Options(datasets, sets, threshold);
    }

    private static Figures measure(String base, ProcessHandle service, Dataset dataset, double threshold)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        byte[] workspace = JSON.writeValueAsBytes(dataset.workspace());
        System.out.printf(Locale.ROOT, "intents bench: %s: importing %d intents, %d examples, %d counterexamples%n",
                dataset.name(), dataset.examples().size(),
                dataset.examples().values().stream().mapToInt(List::size).sum(), dataset.counterexamples().size());
        long cpuBefore = cpuNanos(service);
        long started = System.nanoTime();
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(
                URI.create(base + "/api/workspaces/" + APP + "/skill"))
                .timeout(Duration.ofMinutes(20))
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(workspace)).build(), HttpResponse.BodyHandlers.ofString());
        double trainingSeconds = (System.nanoTime() - started) / 1e9;
        double trainingCpuSeconds = (cpuNanos(service) - cpuBefore) / 1e9;
        if (imported.statusCode() != 201) {
            throw new IllegalStateException("importing " + dataset.name() + " answered " + imported.statusCode() + ": "
                    + imported.body());
        }
        System.out.printf(Locale.ROOT, "intents bench: %s: trained in %.1f s (service CPU %.1f s); classifying %d "
                + "test messages%n", dataset.name(), trainingSeconds, trainingCpuSeconds, dataset.tests().size());

        List<Probe> tests = dataset.tests();
        int inScope = 0;
        int right = 0;
        int answeredRight = 0;
        int outOfScope = 0;
        int outOfScopeBelow = 0;
        long[] latencies = new long[Math.max(0, tests.size() - WARM_UP)];
        long cpuMeasured = 0;
        for (int i = 0; i < tests.size(); i++) {
            Probe probe = tests.get(i);
            ObjectNode request = JSON.createObjectNode();
            request.putObject("input").put("text", probe.text());
            request.put("alternate_intents", true);
            long cpuStart = i >= WARM_UP ? cpuNanos(service) : 0;
            long start = System.nanoTime();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                    URI.create(base + "/api/workspaces/" + APP + "/message"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + ADMIN_KEY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(),
                    HttpResponse.BodyHandlers.ofString());
            long elapsed = System.nanoTime() - start;
            if (i >= WARM_UP) {
                latencies[i - WARM_UP] = elapsed;
                cpuMeasured += cpuNanos(service) - cpuStart;
            }
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("message answered " + answer.statusCode() + ": " + answer.body());
            }
            JsonNode intents = JSON.readTree(answer.body()).path("intents");
            String top = intents.isEmpty() ? null : intents.get(0).path("intent").asText();
            double confidence = intents.isEmpty() ? 0 : intents.get(0).path("confidence").asDouble();
            if (probe.intent() == null) {
                outOfScope++;
                if (confidence < threshold) {
                    outOfScopeBelow++;
                }
            } else {
                inScope++;
                if (probe.intent().equals(top)) {
                    right++;
                    if (confidence >= threshold) {
                        answeredRight++;
                    }
                }
            }
        }
        Arrays.sort(latencies);
        return new Figures(dataset, (double) right / inScope,
                outOfScope == 0 ? null : (double) outOfScopeBelow / outOfScope, (double) answeredRight / inScope,
                trainingSeconds, trainingCpuSeconds, percentile(latencies, 0.50), percentile(latencies, 0.99),
                latencies.length == 0 ? 0 : cpuMeasured / 1e6 / latencies.length, heapMegabytes(base, service));
    }

    private static void print(List<Figures> figures, double threshold) {
        System.out.println();
        System.out.printf(Locale.ROOT, "| data set | top-1 accuracy (in-scope) | out-of-scope recall at %.2f | "
                + "in-scope answered and right at %.2f | training s (service CPU s) | p50 / p99 ms per message | "
                + "service CPU ms per message | heap MB |%n", threshold, threshold);
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Figures row : figures) {
            System.out.printf(Locale.ROOT, "| %s | %.1f%% | %s | %.1f%% | %.1f (%.1f) | %.1f / %.1f | %.1f | %.0f |%n",
                    row.dataset().name(), 100 * row.accuracy(),
                    row.outOfScopeRecall() == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%",
                            100 * row.outOfScopeRecall()),
                    100 * row.answeredRight(), row.trainingSeconds(), row.trainingCpuSeconds(), row.p50Millis(),
                    row.p99Millis(), row.cpuMillisPerMessage(), row.heapMegabytes());
        }
        System.out.println();
    }

    private static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    /** The packaged service's JVM among this process's descendants (the launcher wraps it in a shell). */
    private static ProcessHandle serviceProcess(Path jar) {
        return ProcessHandle.current().descendants()
                .filter(process -> process.info().commandLine().map(line -> line.contains(jar.toString())
                        && line.contains("java")).orElse(false))
                .reduce((first, second) -> second.pid() > first.pid() ? second : first)
                .orElseThrow(() -> new IllegalStateException("cannot find the classifier-service process"));
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static final Pattern HEAP = Pattern.compile(
            "^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\}\\s+([0-9.Ee+-]+)", Pattern.MULTILINE);

    /** Heap in use after a full GC (asked for with jcmd), from the service's Micrometer metrics. */
    private static double heapMegabytes(String base, ProcessHandle service) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (Files.isExecutable(jcmd)) {
            new ProcessBuilder(jcmd.toString(), Long.toString(service.pid()), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/q/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = HEAP.matcher(metrics);
        double bytes = 0;
        while (matcher.find()) {
            bytes += Double.parseDouble(matcher.group(1));
        }
        return bytes / (1024 * 1024);
    }

    private static void awaitReady(ChildProcess classifier, String base) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!classifier.isAlive()) {
                throw new IllegalStateException("classifier-service exited; its log ends with:\n"
                        + classifier.logTail(40));
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
        throw new IllegalStateException("classifier-service was not ready in 180 s; its log ends with:\n"
                + classifier.logTail(40));
    }
}
