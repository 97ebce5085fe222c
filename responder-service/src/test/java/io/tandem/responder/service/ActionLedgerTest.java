package io.tandem.responder.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.Response;
import io.tandem.responder.client.IntercomWireMock;
import io.tandem.responder.config.ResponderConfig;
import io.tandem.responder.persistence.PerformedAction;
import io.tandem.responder.persistence.PerformedActionRepository;
import io.tandem.testsupport.TandemInfraResource;

/** The ledger keeps this replica's claim on an action alive while the action makes progress. */
@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = IntercomWireMock.class, scope = TestResourceScope.GLOBAL)
class ActionLedgerTest {

    @Inject
    ActionLedger ledger;

    @Inject
    PerformedActionRepository actions;

    @Inject
    ResponderConfig config;

    @Test
    void eachPartMadeRenewsTheLeaseSoALongReplyKeepsItsClaim() {
        ActionDecided reply = new ActionDecided(ActionDecided.SCHEMA_VERSION, UUID.randomUUID().toString(), "e-1",
                "local", "conv-" + UUID.randomUUID(), Instant.now(), 0, 1, ActionDecided.Type.REPLY, "991",
                List.of(Response.text("one"), Response.text("two"), Response.text("three")), null, null, "test");
        ledger.claim(reply);
        // the first part took most of the lease (retries through an Intercom outage)
        Instant nearlyOver = Instant.now().plusSeconds(5);
        QuarkusTransaction.requiringNew().run(() -> actions.update("leaseUntil = ?1 where actionEventId = ?2",
                nearlyOver, reply.eventId()));

        ledger.partDone(reply.eventId(), "5501");

        PerformedAction entry = QuarkusTransaction.requiringNew().call(() -> actions.findById(reply.eventId()));
        assertThat(entry.leaseOwner).isEqualTo(ActionLedger.OWNER);
        assertThat(entry.leaseUntil).isAfter(Instant.now().plus(config.recovery().lease()).minusSeconds(30));
        assertThat(entry.partIds).isEqualTo("5501");
    }
}
