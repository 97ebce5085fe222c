package io.tandem.responder.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tandem.responder.config.ResponderConfig;

class ConversationLanesTest {

    private final ConversationLanes lanes = new ConversationLanes();
    private final List<String> done = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        lanes.config = (ResponderConfig) Proxy.newProxyInstance(ResponderConfig.class.getClassLoader(),
                new Class<?>[] {ResponderConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("concurrency")) {
                        return 4;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        lanes.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        lanes.stop();
    }

    @Test
    void aConversationsTasksRunInOrderWhileOthersDoNotWaitForThem() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> slow = lanes.submit("A", () -> {
            waitFor(release);
            return record("A1");
        });
        CompletableFuture<String> a2 = lanes.submit("A", () -> record("A2"));
        CompletableFuture<String> failing = lanes.submit("A", () -> {
            throw new IllegalStateException("A3 fails");
        });
        CompletableFuture<String> a4 = lanes.submit("A", () -> record("A4"));
        CompletableFuture<String> b1 = lanes.submit("B", () -> record("B1"));

        assertThat(b1.get(5, TimeUnit.SECONDS)).isEqualTo("B1");
        assertThat(slow).isNotDone();
        assertThat(a2).isNotDone();
        release.countDown();

        assertThat(a4.get(5, TimeUnit.SECONDS)).isEqualTo("A4");
        assertThat(failing).isCompletedExceptionally();
        assertThat(done).containsExactly("B1", "A1", "A2", "A4");
        await().atMost(Duration.ofSeconds(5)).until(() -> lanes.busyConversations() == 0);
    }

    private String record(String name) {
        done.add(name);
        return name;
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
