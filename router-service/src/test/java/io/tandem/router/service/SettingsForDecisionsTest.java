package io.tandem.router.service;

import static io.tandem.router.rest.AdminApi.operator;
import static io.tandem.router.rest.AdminApi.workspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tandem.router.RuleAction;
import io.tandem.router.client.StandIns;
import io.tandem.router.persistence.WorkspaceReset;
import io.tandem.testsupport.TandemInfraResource;

/**
 * Deciding reads a workspace's settings and rules from memory (kept up to a minute), and sees every change: at once
 * when made through this instance's admin API, within moments when made elsewhere (PostgreSQL notifies it).
 */
@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
class SettingsForDecisionsTest {

    static final String APP = "acme";

    @Inject
    SettingsService settings;

    @Inject
    EntityManager entityManager;

    @Inject
    WorkspaceReset workspaces;

    @BeforeEach
    void monitoringWorkspace() {
        StandIns.stubDefaults();
        workspaces.reset(APP);
        operator().body("{\"assistantAdminId\":\"991\",\"dialogReady\":true,\"monitoring\":true,\"threshold\":0.75}")
                .when().put(workspace(APP) + "/integration").then().statusCode(200);
    }

    @Test
    void decisionsReuseTheSettingsFromMemory() {
        inMemory();

        assertThat(settings.forDecision(APP).integration().threshold()).isEqualTo(0.75);
    }

    @Test
    void aChangeThroughTheAdminApiIsSeenByTheNextDecision() {
        settings.forDecision(APP);

        operator().body("{\"threshold\":0.6}").when().put(workspace(APP) + "/integration").then().statusCode(200);
        operator().body("{\"action\":\"SUGGEST\"}").when().put(workspace(APP) + "/rules/actions/Returns")
                .then().statusCode(200);

        SettingsService.Snapshot next = settings.forDecision(APP);
        assertThat(next.integration().threshold()).isEqualTo(0.6);
        assertThat(next.rules().actions()).containsEntry("Returns", RuleAction.SUGGEST);
    }

    @Test
    void aChangeStoredElsewhereIsSeenWhenPostgresqlNotifiesIt() {
        inMemory();

        // as another replica, or an operator with psql, would change it
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE router.integration SET threshold = 0.5 WHERE app_id = :appId")
                .setParameter("appId", APP).executeUpdate());

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> settings.forDecision(APP).integration().threshold() == 0.5);
    }

    /**
     * Waits until the workspace's settings are reused from memory: the notices of the changes {@code @BeforeEach}
     * made arrive a moment later and make the next decision read them again.
     */
    private void inMemory() {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> settings.forDecision(APP) == settings.forDecision(APP));
    }
}
