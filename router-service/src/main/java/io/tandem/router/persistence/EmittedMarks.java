package io.tandem.router.persistence;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

/**
 * Notes in the decision log that a decision's actions reached Kafka ({@code emitted_at}), in the background and in
 * batches: one UPDATE for every decision of the last {@value #FLUSH_MILLIS} ms instead of a second statement per
 * decision on the consumer's thread. Until its mark is written, this instance remembers it ({@link #noted}), so a
 * redelivery here sends nothing again. A mark that is lost (the service stopped before its batch was written)
 * costs nothing but a re-send: a redelivered event whose decision is not marked sends its stored actions again,
 * with the same ids, which responder-service performs once.
 */
@ApplicationScoped
public class EmittedMarks {

    static final long FLUSH_MILLIS = 200;
    static final int MAX_BATCH = 500;

    private static final Logger LOG = Logger.getLogger(EmittedMarks.class);

    private final DecisionLog log;
    private final Clock clock;
    private final LinkedBlockingQueue<String> pending = new LinkedBlockingQueue<>();
    /** Noted and not yet written: a redelivery on this instance meanwhile must not re-send. */
    private final Set<String> unwritten = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "router-emitted-marks");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    public EmittedMarks(DecisionLog log) {
        this(log, Clock.systemUTC(), Duration.ofMillis(FLUSH_MILLIS));
    }

    EmittedMarks(DecisionLog log, Clock clock, Duration every) {
        this.log = log;
        this.clock = clock;
        flusher.scheduleWithFixedDelay(this::flushQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Notes, soon, that the decision on {@code classifiedEventId} was emitted. */
    public void add(String classifiedEventId) {
        unwritten.add(classifiedEventId);
        pending.add(classifiedEventId);
    }

    /** Whether the decision on {@code classifiedEventId} was noted as emitted and its mark is not written yet. */
    public boolean noted(String classifiedEventId) {
        return unwritten.contains(classifiedEventId);
    }

    /** Writes every mark noted so far. */
    public void flush() {
        List<String> batch = new ArrayList<>();
        while (pending.drainTo(batch, MAX_BATCH) > 0) {
            try {
                log.markEmitted(batch, clock.instant());
            } finally {
                batch.forEach(unwritten::remove);
            }
            batch.clear();
        }
    }

    @PreDestroy
    void stop() {
        flusher.shutdown();
        flushQuietly();
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            // the marks of this batch are lost: their redeliveries, should any come, re-send the same actions
            LOG.warnf("decisions not marked emitted (a redelivery re-sends their actions): %s", e.getMessage());
        }
    }
}
