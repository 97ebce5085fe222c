package io.tandem.responder.service;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tandem.responder.config.ResponderConfig;

/**
 * One lane per conversation: the tasks of a conversation run one after the other in the order they were submitted,
 * while tasks of different conversations run at the same time on a pool of {@code tandem.responder.concurrency}
 * threads. A slow or retried call holds up only its own conversation.
 */
@ApplicationScoped
public class ConversationLanes {

    /** The longest {@link #stop()} waits for the running tasks to end. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    @Inject
    ResponderConfig config;

    private ExecutorService pool;
    private volatile boolean stopping;
    /** The last task of each conversation with work submitted; removed once that task ends. */
    private final Map<String, CompletableFuture<?>> tails = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "responder-lane-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        pool = Executors.newFixedThreadPool(config.concurrency(), factory);
    }

    /**
     * Interrupts the running tasks, drops the queued ones and waits up to {@link #STOP_TIMEOUT} for the lanes to end;
     * a task submitted from now on fails at once (its record is redelivered).
     *
     * @return whether every lane ended
     */
    public synchronized boolean stop() {
        stopping = true;
        pool.shutdownNow();
        try {
            return pool.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return pool.isTerminated();
        }
    }

    @PreDestroy
    void destroy() {
        stop();
    }

    /** Runs the task after every task submitted before for the same conversation has ended (however it ended). */
    public <T> CompletableFuture<T> submit(String conversationId, Supplier<T> task) {
        if (stopping) {
            return CompletableFuture.failedFuture(new CancellationException("the responder is stopping"));
        }
        CompletableFuture<T> next = new CompletableFuture<>();
        CompletableFuture<?> previous = tails.put(conversationId, next);
        CompletableFuture<?> before = previous == null ? CompletableFuture.completedFuture(null) : previous;
        before.handleAsync((ignored, failure) -> {
            try {
                next.complete(task.get());
            } catch (Throwable t) {
                next.completeExceptionally(t);
            }
            return null;
        }, pool);
        next.whenComplete((r, t) -> tails.remove(conversationId, next));
        return next;
    }

    /** Whether the service is shutting down: tasks cut short now were not performed and will be redelivered. */
    public boolean stopping() {
        return stopping;
    }

    /** How many conversations have work submitted or running. */
    public int busyConversations() {
        return tails.size();
    }
}
