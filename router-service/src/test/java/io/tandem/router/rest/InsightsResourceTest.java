package io.tandem.router.rest;

import static io.tandem.router.rest.AdminApi.operator;
import static io.tandem.router.rest.AdminApi.workspace;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tandem.router.Outcome;
import io.tandem.router.client.StandIns;
import io.tandem.router.persistence.DecisionEntity;
import io.tandem.router.persistence.DecisionRepository;
import io.tandem.testsupport.TandemInfraResource;

@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
class InsightsResourceTest {

    static final Instant NOV_10 = Instant.parse("2026-11-10T12:00:00Z");

    @Inject
    DecisionRepository decisions;

    String app;

    @BeforeEach
    void decisionsOfNovember() {
        app = "app-" + UUID.randomUUID();
        decided(Outcome.ANSWERED, "Order status", null, NOV_10);
        decided(Outcome.ANSWERED, "Order status", null, NOV_10);
        decided(Outcome.CLARIFIED, "Order status", null, NOV_10);
        decided(Outcome.SUGGESTED, "Returns", null, NOV_10);
        decided(Outcome.SUGGESTED, "Returns", null, NOV_10);
        decided(Outcome.TAKEN_OVER, "Returns", null, NOV_10);
        decided(Outcome.PICKED, "Returns", null, NOV_10);
        decided(Outcome.SENT, "Billing", null, NOV_10);
        decided(Outcome.ESCALATED, "Human", "Get a refund", NOV_10);
        decided(Outcome.ESCALATED, "Human", "Get a refund", NOV_10);
        decided(Outcome.ESCALATED, "Order status", "Track an order", NOV_10);
        decided(Outcome.ESCALATED, null, null, NOV_10);
        decided(Outcome.NOTHING, "Opening hours", null, NOV_10);
        decided(Outcome.SILENT, "Opening hours", null, NOV_10);
        decided(Outcome.ANSWERED, "Order status", null, Instant.parse("2026-10-01T00:00:00Z"));
    }

    @Test
    void perRootNodeTheAssistantsWorkAndTheGoalsItEscalatedMost() {
        operator().queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                .when().get(workspace(app) + "/insights")
                .then().statusCode(200)
                .body("from", equalTo("2026-11-01T00:00:00Z"))
                .body("to", equalTo("2026-12-01T00:00:00Z"))
                .body("nodes.node", contains("Billing", "Human", "Order status", "Returns"))
                .body("nodes.find { it.node == 'Order status' }.answered", equalTo(2))
                .body("nodes.find { it.node == 'Order status' }.clarified", equalTo(1))
                .body("nodes.find { it.node == 'Order status' }.escalated", equalTo(1))
                .body("nodes.find { it.node == 'Returns' }.suggested", equalTo(2))
                .body("nodes.find { it.node == 'Returns' }.suggestionsTakenOver", equalTo(2))
                .body("nodes.find { it.node == 'Billing' }.sent", equalTo(1))
                .body("escalationsByGoal.goal", contains("Get a refund", "Track an order", "unknown"))
                .body("escalationsByGoal.escalations", contains(2, 1, 1));
    }

    @Test
    void thePeriodBoundsTheCountsAndInstantsAreAccepted() {
        operator().queryParam("from", "2026-09-01T00:00:00Z").queryParam("to", "2026-10-31T00:00:00Z")
                .when().get(workspace(app) + "/insights")
                .then().statusCode(200)
                .body("nodes.node", contains("Order status"))
                .body("nodes[0].answered", equalTo(1))
                .body("escalationsByGoal", empty());
    }

    @Test
    void aMalformedPeriodIsRefusedByField() {
        operator().queryParam("from", "last tuesday").when().get(workspace(app) + "/insights")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("from"));
        operator().queryParam("from", "2026-11-02").queryParam("to", "2026-11-01")
                .when().get(workspace(app) + "/insights")
                .then().statusCode(400).body("field", equalTo("from"));
    }

    private void decided(Outcome outcome, String node, String goal, Instant at) {
        DecisionEntity decision = new DecisionEntity();
        decision.classifiedEventId = UUID.randomUUID().toString();
        decision.appId = app;
        decision.conversationId = "conv-" + UUID.randomUUID();
        decision.outcome = outcome.name();
        decision.reason = "test";
        decision.node = node;
        decision.goal = goal;
        decision.actions = "[]";
        decision.decidedAt = at;
        decision.emittedAt = at;
        QuarkusTransaction.requiringNew().run(() -> decisions.persist(decision));
    }
}
