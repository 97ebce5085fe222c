package io.tandem.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts signed Intercom webhooks at a fixed rate (open loop): webhook {@code i} is due at {@code start + i / rate}
 * whatever became of the ones before, and its answer time is measured from when it was due, so a stalled service
 * shows in the figures instead of slowing the sender down.
 */
final class IngestLoad implements AutoCloseable {

    /** More unanswered requests than this and the sender counts webhooks as not sent rather than pile up. */
    private static final int MAX_IN_FLIGHT = 1_000;
    /** Keep-alive connections to the service; more webhooks in flight than this wait for one. */
    static final int CONNECTIONS = 256;
    /** Conversations the webhooks are spread over (the Kafka key). */
    private static final int CONVERSATIONS = 50_000;
    /** An answer slower than the goal's p99, and the windows the slow ones are counted in. */
    private static final long SLOW_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long SLOW_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    // the current (2.15+) shape of conversation.user.replied: plain text body, one new part; about 2 KB like
    // Intercom's own deliveries
    private static final String TEMPLATE = """
            {"type":"notification_event","app_id":"%1$s","data":{"type":"notification_event_data","item":{\
            "type":"conversation","id":"%2$d","created_at":1772000000,"updated_at":1772003600,\
            "waiting_since":1772003600,"snoozed_until":null,"source":{"type":"conversation","id":"%3$d",\
            "delivered_as":"customer_initiated","subject":"","body":"Hi, my parcel has not arrived yet.",\
            "author":{"type":"user","id":"67a0c0ffee0000000000beef","name":"Bench Customer",\
            "email":"bench@example.test"},"attachments":[],"url":null,"redacted":false},\
            "contacts":{"type":"contact.list","contacts":[{"type":"contact","id":"67a0c0ffee0000000000beef",\
            "external_id":"bench-customer"}]},"admin_assignee_id":0,"team_assignee_id":5017691,"open":true,\
            "state":"open","read":false,"tags":{"type":"tag.list","tags":[]},"priority":"not_priority",\
            "sla_applied":null,"statistics":{"type":"conversation_statistics","time_to_assignment":null,\
            "time_to_admin_reply":null,"time_to_first_close":null,"time_to_last_close":null,\
            "median_time_to_reply":null,"first_contact_reply_at":"2026-02-25T06:13:20.000Z",\
            "first_assignment_at":null,"first_admin_reply_at":null,"first_close_at":null,\
            "last_assignment_at":null,"last_assignment_admin_reply_at":null,\
            "last_contact_reply_at":"2026-02-25T07:13:20.000Z","last_admin_reply_at":null,\
            "last_close_at":null,"last_closed_by_id":null,"count_reopens":0,"count_assignments":0,\
            "count_conversation_parts":2},"conversation_rating":null,"teammates":{"type":"admin.list",\
            "admins":[]},"title":null,"custom_attributes":{},"topics":{"type":"topic.list","topics":[],\
            "total_count":0},"ticket":null,"ai_agent":null,"ai_agent_participated":false,\
            "conversation_parts":{"type":"conversation_part.list","conversation_parts":[{\
            "type":"conversation_part","id":"%4$d","part_type":"comment",\
            "body":"It is order #%4$d, ordered two weeks ago. Could you check where it is & when it arrives?",\
            "created_at":1772003600,"updated_at":1772003600,"notified_at":1772003600,"assigned_to":null,\
            "author":{"id":"67a0c0ffee0000000000beef","type":"user","name":"Bench Customer",\
            "email":"bench@example.test","from_ai_agent":false,"is_ai_answer":false},"attachments":[],\
            "external_id":null,"redacted":false,"metadata":{},"email_message_metadata":null,"state":"open",\
            "tags":[],"event_details":{},"app_package_code":null}],"total_count":1}}},"links":{},\
            "id":"notif_bench-%5$s-%4$d","topic":"conversation.user.replied","delivery_status":"pending",\
            "delivery_attempts":1,"delivered_at":0,"first_sent_at":1772003601,"created_at":1772003600,"self":null}""";

    enum Delivery {
        /** Webhooks never sent before. */
        FIRST,
        /** The same bytes as the webhooks the last phase of first deliveries got a 200 for. */
        REDELIVERY
    }

    private final URI url;
    private final InetSocketAddress address;
    private final String appId;
    private final Mac mac;
    private final IngestConnections connections;
    // one run's ids never meet another's, so a kept database sees no false redeliveries
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private long nextIndex;
    /** The webhooks the last phase of first deliveries got a 200 for: what a redelivery phase sends again. */
    private long[] lastAccepted = new long[0];

    IngestLoad(URI url, String secret, String appId) throws IOException {
        this.url = url;
        this.address = new InetSocketAddress(url.getHost(), url.getPort());
        this.appId = appId;
        try {
            this.mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.connections = new IngestConnections(address, CONNECTIONS);
    }

    Result run(String name, int rate, int seconds, Delivery delivery, IngestProcesses processes)
            throws InterruptedException {
        int count = delivery == Delivery.FIRST ? rate * seconds : Math.min(rate * seconds, lastAccepted.length);
        long[] indices = new long[count];
        for (int i = 0; i < count; i++) {
            // a redelivery phase sends the newest: what a replica most likely still remembers, as after Intercom's
            // retry a minute later
            indices[i] = delivery == Delivery.FIRST ? nextIndex++ : lastAccepted[lastAccepted.length - count + i];
        }
        // signed and built before the clock starts: the sender only hands requests over, so it keeps to the
        // schedule and takes little of the CPU it shares with the service
        byte[][] requests = new byte[count][];
        for (int i = 0; i < count; i++) {
            byte[] body = body(indices[i]);
            requests[i] = IngestConnections.post(address, url.getPath(), body, "Content-Type", "application/json",
                    "User-Agent", "Intercom-Webhooks/bench", "X-Hub-Signature", sign(body));
        }
        AtomicLongArray accepted = new AtomicLongArray(count);
        AtomicLongArray latencies = new AtomicLongArray(count);
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger unavailable = new AtomicInteger();
        AtomicInteger otherStatus = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicLong lastAnswer = new AtomicLong();
        int notSent = 0;
        IngestProcesses.CpuTimes cpuBefore = processes.cpuTimes();
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        Instant startedAt = Instant.now();
        for (int i = 0; i < count; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (inFlight.get() >= MAX_IN_FLIGHT) {
                latencies.set(i, -1);
                notSent++;
                continue;
            }
            byte[] request = requests[i];
            requests[i] = null;
            int slot = i;
            inFlight.incrementAndGet();
            connections.send(request, answer -> {
                long now = System.nanoTime();
                latencies.set(slot, now - due);
                lastAnswer.accumulateAndGet(now, Math::max);
                if (answer.failure() != null) {
                    failed.incrementAndGet();
                } else if (answer.status() == 200) {
                    ok.incrementAndGet();
                    accepted.set(slot, 1);
                    if (answer.duplicate()) {
                        duplicates.incrementAndGet();
                    }
                } else if (answer.status() == 503) {
                    unavailable.incrementAndGet();
                } else {
                    otherStatus.incrementAndGet();
                }
                answered.incrementAndGet();
                inFlight.decrementAndGet();
            });
        }
        long sendingEnded = System.nanoTime();
        long deadline = sendingEnded + TimeUnit.SECONDS.toNanos(15);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        IngestProcesses.CpuTimes cpuAfter = processes.cpuTimes();
        long end = Math.max(sendingEnded, lastAnswer.get());
        long[] answeredLatencies = new long[count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            long latency = latencies.get(i);
            if (latency > 0) {
                answeredLatencies[n++] = latency;
            }
        }
        long[] sorted = Arrays.copyOf(answeredLatencies, n);
        Arrays.sort(sorted);
        int sent = count - notSent;
        if (delivery == Delivery.FIRST) {
            lastAccepted = IntStream.range(0, count).filter(i -> accepted.get(i) == 1)
                    .mapToLong(i -> indices[i]).toArray();
        }
        IngestProcesses.CpuTimes cpu = cpuAfter.minus(cpuBefore);
        Result result = new Result(name, rate, sent, ok.get(), duplicates.get(), unavailable.get(),
                otherStatus.get(), failed.get() + (sent - answered.get()), ok.get() / ((end - start) / 1e9),
                percentile(sorted, 0.50), percentile(sorted, 0.90), percentile(sorted, 0.99),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6,
                perWebhook(cpu.service(), sent), perWebhook(cpu.load(), sent), perWebhook(cpu.kafka(), sent),
                perWebhook(cpu.postgres(), sent), (end - start) / 1e9);
        System.out.println("  " + result.row());
        printSlowMoments(latencies, period, startedAt);
        return result;
    }

    /** Where the slow answers were: one stall or queueing all along (see {@link SlowMoments}). */
    private static void printSlowMoments(AtomicLongArray latencies, long period, Instant startedAt) {
        long[] each = new long[latencies.length()];
        for (int i = 0; i < each.length; i++) {
            each[i] = latencies.get(i);
        }
        List<SlowMoments.Window> slow = SlowMoments.of(each, period, startedAt, SLOW_WINDOW_NANOS, SLOW_NANOS);
        if (slow.isEmpty()) {
            return;
        }
        int slowAnswers = slow.stream().mapToInt(SlowMoments.Window::slowAnswers).sum();
        System.out.printf(Locale.ROOT, "    %d answers over %d ms, in %d of the %d windows of %d ms; the worst:%n",
                slowAnswers, SLOW_NANOS / 1_000_000, slow.size(),
                (each.length * period + SLOW_WINDOW_NANOS - 1) / SLOW_WINDOW_NANOS, SLOW_WINDOW_NANOS / 1_000_000);
        SlowMoments.worst(slow, 5).forEach(window -> System.out.println("      " + window.describe()));
    }

    private byte[] body(long index) {
        long conversation = 100_000_000L + index % CONVERSATIONS;
        return String.format(Locale.ROOT, TEMPLATE, appId, conversation, 200_000_000L + index % CONVERSATIONS,
                500_000_000L + index, runId).getBytes(StandardCharsets.UTF_8);
    }

    private String sign(byte[] body) {
        return "sha1=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    @Override
    public void close() throws IOException {
        connections.close();
    }

    private static double perWebhook(long cpuNanos, int webhooks) {
        return cpuNanos < 0 || webhooks == 0 ? -1 : cpuNanos / 1e3 / webhooks;
    }

    /**
     * @param acknowledgedRate    200 answers per second, from the first webhook due to the last answer
     * @param cpuMicrosPerWebhook the service JVM's CPU time per webhook sent (-1 when unknown)
     * @param loadCpuMicros       this process' (the load generator's) CPU time per webhook sent
     * @param kafkaCpuMicros      the Kafka broker's CPU time per webhook sent (-1 when unknown)
     * @param postgresCpuMicros   PostgreSQL's CPU time per webhook sent, all its processes (-1 when unknown)
     * @param elapsedSeconds      from the first webhook due to the last answer
     */
    record Result(String name, int offeredRate, int sent, int ok, int duplicates, int unavailable, int otherStatus,
            int failed, double acknowledgedRate, double p50Millis, double p90Millis, double p99Millis,
            double maxMillis, double cpuMicrosPerWebhook, double loadCpuMicros, double kafkaCpuMicros,
            double postgresCpuMicros, double elapsedSeconds) {

        static final String HEADER = String.format(Locale.ROOT,
                "%-17s %7s %7s %7s %6s %6s %6s %9s %7s %7s %7s %7s %9s %8s %8s %8s", "phase", "offered", "sent", "200",
                "dup", "503", "other", "ack/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "cpu us/wh", "load us",
                "kafka us", "pg us");

        String row() {
            return String.format(Locale.ROOT,
                    "%-17s %7d %7d %7d %6d %6d %6d %9.0f %7.2f %7.2f %7.2f %7.1f %9.0f %8.0f %8.0f %8.0f", name,
                    offeredRate, sent, ok, duplicates, unavailable, otherStatus + failed, acknowledgedRate, p50Millis,
                    p90Millis, p99Millis, maxMillis, cpuMicrosPerWebhook, loadCpuMicros, kafkaCpuMicros,
                    postgresCpuMicros);
        }
    }
}
