package io.tandem.responder.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tandem.contracts.ActionDecided;
import io.tandem.responder.ActionStatus;
import io.tandem.responder.client.IntercomWireMock;
import io.tandem.responder.persistence.PerformedAction;
import io.tandem.responder.persistence.PerformedActionRepository;
import io.tandem.responder.service.ActionLedger;
import io.tandem.responder.service.ConversationLanes;
import io.tandem.testsupport.TandemInfraResource;

/**
 * When the responder stops, the actions it cut short are handed over: its leases on them are given up, so that the
 * replica that gets their records next performs them at once instead of waiting minutes for the leases to end.
 */
@QuarkusTest
@TestProfile(ShutdownHandOverTest.OwnApplication.class)
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = IntercomWireMock.class, scope = TestResourceScope.GLOBAL)
class ShutdownHandOverTest {

    /** An application of its own: the test stops its lanes. */
    public static class OwnApplication implements QuarkusTestProfile {
    }

    @Inject
    ShutdownHandOver handOver;

    @Inject
    ActionLedger ledger;

    @Inject
    ConversationLanes lanes;

    @Inject
    PerformedActionRepository actions;

    @Test
    void onShutdownTheLeasesOnActionsCutShortAreGivenUpAndOtherReplicasLeasesKept() {
        ActionDecided cutShort = Actions.replyIn(Actions.newConversation(), "cut short by the shutdown");
        ActionDecided elsewhere = Actions.replyIn(Actions.newConversation(), "performed by another replica");
        // this replica was calling Intercom for the first when it was told to stop
        assertThat(ledger.claim(cutShort)).isInstanceOf(ActionLedger.Claim.Perform.class);
        ledger.claim(elsewhere);
        QuarkusTransaction.requiringNew().run(() -> actions.update(
                "leaseOwner = 'another replica' where actionEventId = ?1", elsewhere.eventId()));

        handOver.onShutdown(new ShutdownEvent());

        PerformedAction handedOver = stored(cutShort);
        assertThat(handedOver.status).isEqualTo(ActionStatus.PENDING);
        assertThat(handedOver.leaseOwner).isNull();
        assertThat(handedOver.leaseUntil).isNull();
        assertThat(handedOver.callStartedAt).as("its next owner looks for the part before calling").isNotNull();
        assertThat(stored(elsewhere).leaseOwner).isEqualTo("another replica");
        assertThat(lanes.submit(cutShort.conversationId(), () -> "late")).isCompletedExceptionally();
    }

    private PerformedAction stored(ActionDecided action) {
        return QuarkusTransaction.requiringNew().call(() -> actions.findById(action.eventId()));
    }
}
