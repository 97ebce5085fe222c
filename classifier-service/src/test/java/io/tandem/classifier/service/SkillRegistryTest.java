package io.tandem.classifier.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tandem.classifier.AdminApi;
import io.tandem.classifier.config.ClassifierConfig;
import io.tandem.classifier.persistence.SkillRepository;
import io.tandem.testsupport.TandemInfraResource;

/**
 * The active skill version is not read for every message: a version made active through this replica is used at
 * once, one made active through another replica within {@code tandem.classifier.active-version-check}.
 */
@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
class SkillRegistryTest {

    @Inject
    SkillRegistry registry;

    @Inject
    SkillRepository skills;

    @Inject
    ClassifierConfig config;

    @Test
    void aVersionImportedThroughThisReplicaIsUsedAtOnce() {
        String appId = importTwoVersions();

        assertThat(activeVersion(appId)).isEqualTo(2);
    }

    @Test
    void aVersionActivatedThroughAnotherReplicaIsUsedWithinTheCheckInterval() {
        String appId = importTwoVersions();
        assertThat(activeVersion(appId)).isEqualTo(2);

        // another replica activates version 1: only the database knows
        QuarkusTransaction.requiringNew().run(() -> skills.findById(appId).activeVersion = 1);

        await().atMost(config.activeVersionCheck().plus(Duration.ofSeconds(5)))
                .until(() -> activeVersion(appId) == 1);
    }

    @Test
    void consumersMeetingANewVersionAtOnceShareOneTraining() throws Exception {
        String appId = importTwoVersions();
        assertThat(activeVersion(appId)).isEqualTo(2);
        QuarkusTransaction.requiringNew().run(() -> skills.findById(appId).activeVersion = 1);
        Thread.sleep(config.activeVersionCheck().toMillis() + 100);

        // the consumers of three partitions, each with a message for this app
        CyclicBarrier together = new CyclicBarrier(3);
        ExecutorService consumers = Executors.newFixedThreadPool(3);
        try {
            List<Future<ActiveSkill>> found = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                found.add(consumers.submit(() -> {
                    together.await();
                    return QuarkusTransaction.requiringNew().call(() -> registry.active(appId).orElseThrow());
                }));
            }
            ActiveSkill first = found.get(0).get(60, TimeUnit.SECONDS);
            assertThat(first.version()).isEqualTo(1);
            for (Future<ActiveSkill> other : found) {
                assertThat(other.get(60, TimeUnit.SECONDS).skill()).isSameAs(first.skill());
            }
        } finally {
            consumers.shutdownNow();
        }
    }

    private int activeVersion(String appId) {
        return QuarkusTransaction.requiringNew().call(() -> registry.active(appId).orElseThrow().version());
    }

    private static String importTwoVersions() {
        String appId = "app-" + UUID.randomUUID();
        AdminApi.putSkill(appId, skill("first"), 1);
        AdminApi.putSkill(appId, skill("second"), 2);
        return appId;
    }

    private static String skill(String answer) {
        return """
                {"name": "versions",
                 "intents": [{"intent": "hello", "examples": [{"text": "hello"}, {"text": "hi there"}]}],
                 "dialog_nodes": [{"dialog_node": "hello", "conditions": "#hello", "output": {"text": "%s"}}]}
                """.formatted(answer);
    }
}
