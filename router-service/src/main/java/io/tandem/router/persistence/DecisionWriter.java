package io.tandem.router.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tandem.router.persistence.DecisionLog.Written;
import io.tandem.router.service.DecidingBuckets;

/**
 * Stores decisions behind the consumer's back (write-behind), in group-committed batches: deciding hands a decision
 * over together with the sending of its actions and goes on with the next event; one thread stores, in the order they
 * were handed over, every decision whose actions Kafka took, in one transaction per batch, with {@code emitted_at} set.
 * The returned future completes once the decision is committed, and only then is the event's record acknowledged, so
 * a crash before that redelivers it (see {@code DecisionService} for how a redelivery is recognised).
 *
 * <p>A failure worth another attempt (the connection, the server) is tried again, with a growing pause, until it
 * succeeds: meanwhile the batches wait and, once {@value #CAPACITY} decisions wait, so does deciding. A batch that fails
 * for good (bad data) is stored one decision at a time, so that only the failing decision fails. While the service
 * stops, decisions handed over are stored for at most {@link #STOP_TIMEOUT}; what is left fails with
 * {@link NotStored} and its records are redelivered to the next owner.
 */
@ApplicationScoped
public class DecisionWriter {

    /** The time from a decision handed over to its commit. */
    public static final String STORING_TIMER = "tandem.router.deciding.store";
    /** Decisions handed over and not yet stored. */
    public static final String UNSTORED_GAUGE = "tandem.router.decisions.unstored";

    static final int MAX_BATCH = 500;
    static final int CAPACITY = 5_000;
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /** The longest flush waits: a partition handed over, a possible copy looked up. */
    static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(30);
    /** The longest the writer waits for Kafka's report on a decision's actions (beyond its delivery timeout). */
    static final Duration SENT_TIMEOUT = Duration.ofMinutes(3);
    private static final long FIRST_PAUSE_MILLIS = 50;
    private static final long LAST_PAUSE_MILLIS = 5_000;

    private static final Logger LOG = Logger.getLogger(DecisionWriter.class);

    /** A decision handed over: stored once its actions were sent. */
    private record Entry(DecisionRow decision, ConversationRow next, CompletableFuture<Instant> sent,
            CompletableFuture<Written> stored, long handedOverAt) {
    }

    /** Completes once everything handed over before it is stored or failed. */
    private record FlushMark(CompletableFuture<Void> done) {
    }

    private final DecisionLog log;
    private final Timer storing;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final Thread thread;
    private final Duration stopTimeout;
    private final Duration flushTimeout;
    private volatile boolean stopping;
    private volatile long stopDeadline;

    @Inject
    public DecisionWriter(DecisionLog log, MeterRegistry registry) {
        this(log, registry, STOP_TIMEOUT);
    }

    DecisionWriter(DecisionLog log, MeterRegistry registry, Duration stopTimeout) {
        this(log, registry, stopTimeout, FLUSH_TIMEOUT);
    }

    DecisionWriter(DecisionLog log, MeterRegistry registry, Duration stopTimeout, Duration flushTimeout) {
        this.log = log;
        this.stopTimeout = stopTimeout;
        this.flushTimeout = flushTimeout;
        this.storing = DecidingBuckets.timer(STORING_TIMER, "time from a decision handed to the writer (its actions "
                + "sent) to its commit in PostgreSQL, batched with others", registry);
        Gauge.builder(UNSTORED_GAUGE, queue, BlockingQueue::size)
                .description("decisions handed to the writer and not yet stored").register(registry);
        this.thread = new Thread(this::run, "router-decision-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Hands a decision over; waits while {@value #CAPACITY} decisions wait to be stored.
     *
     * @param decision its row; {@code emitted_at} is set to the time {@code sent} completed with when none is set
     * @param sent     completes once Kafka took the decision's actions: the decision is stored only then, and not
     *                 at all when it fails
     * @return the outcome of storing; fails with {@link NotStored} when the service stops first, with the sending's
     *         failure, or with a {@link StoreFailure} that is not transient
     */
    public CompletableFuture<Written> store(DecisionRow decision, ConversationRow next,
            CompletableFuture<Instant> sent) {
        CompletableFuture<Written> stored = new CompletableFuture<>();
        if (stopping) {
            stored.completeExceptionally(new NotStored("router-service is stopping: the decision on "
                    + decision.classifiedEventId() + " is left to the next owner of its partition"));
            return stored;
        }
        put(new Entry(decision, next, sent, stored, System.nanoTime()));
        return stored;
    }

    /**
     * Waits until every decision handed over so far is stored (or failed), at most {@link #FLUSH_TIMEOUT}
     * in all: a rebalance waits for it on the consumer's thread, so a full queue (PostgreSQL away) must not hold
     * it for longer.
     */
    public void flush() {
        if (!thread.isAlive()) {
            return;
        }
        long deadline = System.nanoTime() + flushTimeout.toNanos();
        FlushMark mark = new FlushMark(new CompletableFuture<>());
        try {
            if (!queue.offer(mark, flushTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
                LOG.warnf("the writer's queue stayed full for %s (%d decisions wait to be stored): going on",
                        flushTimeout, queue.size());
                return;
            }
            if (!thread.isAlive()) {
                failLeftOvers();
            }
            mark.done().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            LOG.warnf("decisions still wait to be stored after %s (%d queued): going on", flushTimeout,
                    queue.size());
        } catch (ExecutionException e) {
            throw new IllegalStateException("flushing decisions failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while flushing decisions", e);
        }
    }

    @PreDestroy
    void stop() {
        stopDeadline = System.nanoTime() + stopTimeout.toNanos();
        stopping = true;
        try {
            thread.join(stopTimeout.toMillis() + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failLeftOvers();
    }

    private void put(Object entryOrMark) {
        try {
            queue.put(entryOrMark);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing a decision to the writer", e);
        }
        if (!thread.isAlive()) {
            failLeftOvers();
        }
    }

    private void run() {
        List<Object> drained = new ArrayList<>();
        while (true) {
            Object first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (first == null) {
                if (stopping) {
                    break;
                }
                continue;
            }
            drained.add(first);
            queue.drainTo(drained, MAX_BATCH - 1);
            List<Entry> batch = new ArrayList<>();
            for (Object item : drained) {
                if (item instanceof Entry entry) {
                    batch.add(entry);
                } else {
                    storeSent(batch);
                    batch = new ArrayList<>();
                    ((FlushMark) item).done().complete(null);
                }
            }
            storeSent(batch);
            drained.clear();
        }
    }

    /** Stores the decisions whose actions were sent; fails the others with the sending's failure. */
    private void storeSent(List<Entry> batch) {
        List<Entry> sent = new ArrayList<>(batch.size());
        for (Entry entry : batch) {
            try {
                Instant at = entry.sent().get(SENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                DecisionRow row = entry.decision();
                sent.add(row.emittedAt() != null ? entry : new Entry(withEmittedAt(row, at), entry.next(),
                        entry.sent(), entry.stored(), entry.handedOverAt()));
            } catch (ExecutionException e) {
                entry.stored().completeExceptionally(e.getCause());
            } catch (TimeoutException e) {
                entry.stored().completeExceptionally(new IllegalStateException("Kafka did not report on the actions "
                        + "of " + entry.decision().classifiedEventId() + " within " + SENT_TIMEOUT));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                entry.stored().completeExceptionally(new NotStored("the writer was interrupted"));
            }
        }
        write(sent);
    }

    private void write(List<Entry> batch) {
        long pause = FIRST_PAUSE_MILLIS;
        while (!batch.isEmpty()) {
            try {
                List<Written> written = log.writeAll(batch.stream()
                        .map(entry -> new DecisionLog.Pending(entry.decision(), entry.next())).toList());
                long now = System.nanoTime();
                for (int i = 0; i < batch.size(); i++) {
                    Entry entry = batch.get(i);
                    storing.record(now - entry.handedOverAt(), TimeUnit.NANOSECONDS);
                    entry.stored().complete(written.get(i));
                }
                return;
            } catch (StoreFailure failure) {
                if (!failure.isTransient()) {
                    failAlone(batch, failure);
                    return;
                }
                if (stopping && System.nanoTime() - stopDeadline > 0) {
                    batch.forEach(entry -> entry.stored().completeExceptionally(new NotStored("router-service "
                            + "stopped before PostgreSQL took the decision on "
                            + entry.decision().classifiedEventId() + ": " + failure.getMessage())));
                    return;
                }
                LOG.warnf("%d decision(s) wait to be stored, trying again in %d ms: %s", batch.size(), pause,
                        failure.getMessage());
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    batch.forEach(entry -> entry.stored().completeExceptionally(new NotStored("the writer was "
                            + "interrupted")));
                    return;
                }
                pause = Math.min(pause * 2, LAST_PAUSE_MILLIS);
            } catch (RuntimeException unexpected) {
                // not PostgreSQL's answer but a fault of ours: it must not end the writer, which every decision
                // waits for; as with a decision PostgreSQL refuses, only the one that causes it fails
                failAlone(batch, unexpected);
                return;
            }
        }
    }

    /**
     * A failure that trying again will not mend: a lone decision fails with it; a batch is stored one by one, so
     * that only the decision that causes it fails.
     */
    private void failAlone(List<Entry> batch, RuntimeException failure) {
        if (batch.size() > 1) {
            batch.forEach(entry -> write(List.of(entry)));
            return;
        }
        String eventId = batch.get(0).decision().classifiedEventId();
        if (failure instanceof StoreFailure) {
            LOG.errorf("the decision on %s cannot be stored: %s", eventId, failure.getMessage());
        } else {
            LOG.errorf(failure, "the decision on %s cannot be stored", eventId);
        }
        batch.get(0).stored().completeExceptionally(failure);
    }

    private void failLeftOvers() {
        List<Object> left = new ArrayList<>();
        queue.drainTo(left);
        for (Object item : left) {
            if (item instanceof Entry entry) {
                entry.stored().completeExceptionally(new NotStored("router-service stopped before storing the "
                        + "decision on " + entry.decision().classifiedEventId()));
            } else {
                ((FlushMark) item).done().complete(null);
            }
        }
    }

    private static DecisionRow withEmittedAt(DecisionRow row, Instant emittedAt) {
        return new DecisionRow(row.classifiedEventId(), row.appId(), row.conversationId(), row.eventKind(),
                row.outcome(), row.reason(), row.rule(), row.node(), row.confidence(), row.owner(), row.goal(),
                row.actions(), row.decidedAt(), emittedAt);
    }
}
