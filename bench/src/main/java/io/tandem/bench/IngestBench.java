package io.tandem.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tandem.testsupport.ChildProcess;
import io.tandem.testsupport.FreePorts;
import io.tandem.testsupport.Infrastructure;
import io.tandem.testsupport.TempDirectories;

/**
 * {@code ./tandem bench ingest}: starts Kafka, PostgreSQL and the packaged ingest-service, posts signed webhooks
 * at a fixed rate from this process (open loop: a slow answer does not slow the sender), and prints the
 * acknowledged rate, the answer times (p50/p90/p99/max, measured from when each webhook was due) and what a
 * redelivery costs compared with a first delivery.
 *
 * <pre>
 * ./tandem bench ingest [--rate 2000] [--seconds 20] [--warmup 15] [--service-jvm "-Xmx384m -XX:+UseSerialGC"]
 * </pre>
 */
public final class IngestBench {

    static final String APP_ID = "bench";
    static final String SECRET = "bench-webhook-secret";
    static final String BOT_ADMIN_ID = "991267";
    private static final Path JAR = Path.of("ingest-service", "target", "quarkus-app", "quarkus-run.jar");

    private IngestBench() {
    }

    public static void main(String[] args) throws Exception {
        IngestBenchOptions options = IngestBenchOptions.parse(args);
        if (options == null) {
            System.out.println(IngestBenchOptions.USAGE);
            return;
        }
        if (!Files.isRegularFile(JAR)) {
            System.err.println(JAR.toAbsolutePath() + " is missing: build it with"
                    + " ./mvnw -o -q -pl ingest-service package -DskipTests");
            System.exit(1);
        }
        Path workDir = TempDirectories.create("tandem-bench-ingest-");
        // PostgreSQL runs as its own user when this runs as root: it must be able to reach its data directory
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path logDir = workDir.resolve("logs");
        System.out.println("ingest bench: starting Kafka and PostgreSQL");
        // kept data directories, as ./tandem up has them: PostgreSQL then runs with fsync and synchronous commits
        // (throwaway test clusters do without), so the figures include what a durable claim costs
        try (Infrastructure infrastructure = Infrastructure.start(System::getenv, workDir.resolve("data"))) {
            int port = FreePorts.next();
            Map<String, String> environment = new HashMap<>(infrastructure.environment());
            environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            environment.put("TANDEM_INGEST_APPS_" + APP_ID.toUpperCase(Locale.ROOT) + "_CLIENT_SECRET", SECRET);
            environment.put("TANDEM_INGEST_APPS_" + APP_ID.toUpperCase(Locale.ROOT) + "_BOT_ADMIN_ID", BOT_ADMIN_ID);
            environment.put("QUARKUS_LOG_LEVEL", "WARN");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(List.of(options.serviceJvm().trim().split("\\s+")));
            command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
            Path log = logDir.resolve("ingest-service.log");
            System.out.println("ingest bench: starting " + String.join(" ", command.subList(1, command.size()))
                    + " (log " + log + ")");
            try (ChildProcess service = ChildProcess.start("ingest-service", command, environment, log, "TERM",
                    15_000)) {
                URI base = URI.create("http://127.0.0.1:" + port);
                awaitReady(service, base);
                run(options, base, IngestProcesses.find(JAR));
            }
        } finally {
            TempDirectories.deleteQuietly(workDir.resolve("data"));
        }
    }

    private static void run(IngestBenchOptions options, URI base, IngestProcesses processes)
            throws InterruptedException, java.io.IOException {
        try (IngestLoad load = new IngestLoad(base.resolve("/webhooks/intercom"), SECRET, APP_ID)) {
            run(options, load, processes);
        }
    }

    /** A sixth of the warm-up, at least a second; none without a warm-up. */
    static int redeliveryWarmupSeconds(IngestBenchOptions options) {
        return options.warmupSeconds() == 0 ? 0 : Math.max(1, options.warmupSeconds() / 6);
    }

    private static void run(IngestBenchOptions options, IngestLoad load, IngestProcesses processes)
            throws InterruptedException {
        System.out.printf(Locale.ROOT, "ingest bench: %d webhooks/s offered, open loop, from this process over %d keep-alive connections;"
                + " warm-up %d s (then %d s of redeliveries of its newest), then %d s of first deliveries and up to %d s of"
                + " redeliveries of those answered 200%n",
                options.rate(), IngestLoad.CONNECTIONS, options.warmupSeconds(), redeliveryWarmupSeconds(options),
                options.seconds(), options.seconds());

        load.run("warm-up", options.rate(), options.warmupSeconds(), IngestLoad.Delivery.FIRST, processes);
        // the redelivery path is compiled before it is measured, as the first delivery's is
        load.run("warm-up (redeliv)", options.rate(), redeliveryWarmupSeconds(options),
                IngestLoad.Delivery.REDELIVERY, processes);
        IngestLoad.Result first = load.run("first deliveries", options.rate(), options.seconds(),
                IngestLoad.Delivery.FIRST, processes);
        IngestLoad.Result redelivered = load.run("redeliveries", options.rate(), options.seconds(),
                IngestLoad.Delivery.REDELIVERY, processes);

        System.out.println();
        System.out.println(IngestLoad.Result.HEADER);
        System.out.println(first.row());
        System.out.println(redelivered.row());
        System.out.println();
        for (IngestLoad.Result result : List.of(first, redelivered)) {
            System.out.println(cpuSummary(result));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "redelivery / first delivery: answer time p50 %.2f, p99 %.2f; service CPU per"
                + " webhook %s%n", ratio(redelivered.p50Millis(), first.p50Millis()),
                ratio(redelivered.p99Millis(), first.p99Millis()),
                first.cpuMicrosPerWebhook() > 0 && redelivered.cpuMicrosPerWebhook() > 0
                        ? String.format(Locale.ROOT, "%.2f", ratio(redelivered.cpuMicrosPerWebhook(),
                                first.cpuMicrosPerWebhook()))
                        : "n/a");
        boolean goal = first.acknowledgedRate() >= 0.98 * options.rate() && first.p99Millis() < 50;
        System.out.printf(Locale.ROOT, "goal (%d/s acknowledged, p99 < 50 ms): %s%n", options.rate(),
                goal ? "met" : "NOT met");
    }

    /** Where the CPU went per webhook, and the rate the box's cores would allow at that cost. */
    private static String cpuSummary(IngestLoad.Result result) {
        double all = Math.max(0, result.cpuMicrosPerWebhook()) + Math.max(0, result.kafkaCpuMicros())
                + Math.max(0, result.postgresCpuMicros()) + Math.max(0, result.loadCpuMicros());
        int cores = Runtime.getRuntime().availableProcessors();
        return String.format(Locale.ROOT, "%s: CPU per webhook: service %.0f us, Kafka %.0f us, PostgreSQL %.0f us,"
                + " load generator %.0f us; all %.0f us, so %d cores take at most %.0f webhooks/s", result.name(),
                result.cpuMicrosPerWebhook(), result.kafkaCpuMicros(), result.postgresCpuMicros(),
                result.loadCpuMicros(), all, cores, all == 0 ? Double.NaN : cores * 1e6 / all);
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }

    private static void awaitReady(ChildProcess service, URI base) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(base.resolve("/q/health/ready")).timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("ingest-service exited; its log ends with:\n" + service.logTail(40));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("ingest-service was not ready in time; its log ends with:\n"
                + service.logTail(40));
    }
}
