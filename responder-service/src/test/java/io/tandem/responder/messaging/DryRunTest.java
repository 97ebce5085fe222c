package io.tandem.responder.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.Response;
import io.tandem.responder.client.InjectIntercom;
import io.tandem.responder.client.IntercomWireMock;
import io.tandem.responder.persistence.DryRunRepository;
import io.tandem.responder.persistence.ParkedActionRepository;
import io.tandem.responder.persistence.PerformedActionRepository;
import io.tandem.testsupport.TandemInfraResource;

/**
 * A dry run (as replays use) sends nothing to Intercom, leaves the ledger alone and records what it would have sent.
 */
@QuarkusTest
@TestProfile(DryRunTest.DryRun.class)
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = IntercomWireMock.class, scope = TestResourceScope.GLOBAL)
class DryRunTest {

    public static class DryRun implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tandem.responder.dry-run", "true");
        }
    }

    private static ResponderTopics topics;

    @InjectIntercom
    WireMockServer intercom;

    @Inject
    DryRunRepository dryRuns;

    @Inject
    PerformedActionRepository ledger;

    @Inject
    ObjectMapper json;

    @Inject
    ParkedActionRepository parked;

    @Inject
    ParkedActionsResumer resumer;

    @Inject
    EntityManager em;

    @BeforeAll
    static void watchTopics() {
        topics = new ResponderTopics(new ObjectMapper().findAndRegisterModules());
    }

    @AfterAll
    static void stopWatching() {
        topics.close();
    }

    @Test
    void dryRunRecordsTheRequestsItWouldHaveMadeAndMakesNone() throws Exception {
        String conversation = Actions.newConversation();
        ActionDecided reply = Actions.replyWith(conversation, List.of(Response.text("Checking <now>."),
                Response.pause(800, true), Response.text("Done.")));
        ActionDecided assign = Actions.action("local", conversation, ActionDecided.Type.ASSIGN,
                IntercomWireMock.BOT_ADMIN_ID, List.of(), null, ActionDecided.Assignee.team("5017691"));

        topics.send(reply);
        topics.send(assign);

        String replyRequests = await().atMost(ResponderTopics.TIMEOUT).until(() -> dryRuns.requests(reply.eventId()),
                r -> r != null);
        String assignRequests = await().atMost(ResponderTopics.TIMEOUT)
                .until(() -> dryRuns.requests(assign.eventId()), r -> r != null);
        assertThat(json.readTree(replyRequests)).isEqualTo(json.readTree("""
                [{"method":"POST","path":"/conversations/%1$s/reply","delay_ms":0,
                  "body":{"message_type":"comment","type":"admin","admin_id":"%2$s","body":"<p>Checking &lt;now&gt;.</p>"}},
                 {"method":"POST","path":"/conversations/%1$s/reply","delay_ms":800,
                  "body":{"message_type":"comment","type":"admin","admin_id":"%2$s","body":"<p>Done.</p>"}}]
                """.formatted(conversation, IntercomWireMock.BOT_ADMIN_ID)));
        JsonNode assignment = json.readTree(assignRequests).get(0);
        assertThat(assignment.get("path").asText()).isEqualTo("/conversations/" + conversation + "/parts");
        assertThat(assignment.get("body").get("assignee_id").asText()).isEqualTo("5017691");

        // nothing went to Intercom, nothing entered the ledger, no result claims it was performed
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> true);
        intercom.verify(exactly(0), postRequestedFor(urlEqualTo("/conversations/" + conversation + "/reply")));
        intercom.verify(exactly(0), postRequestedFor(urlEqualTo("/conversations/" + conversation + "/parts")));
        assertThat(QuarkusTransaction.requiringNew().call(() -> ledger.findById(reply.eventId()))).isNull();
        assertThat(topics.everythingPublished()).noneMatch(r -> conversation.equals(r.key()));
    }

    @Test
    void aDryRunLeavesTheLiveRespondersParkedActionsAlone() {
        String conversation = Actions.newConversation();
        ActionDecided assign = Actions.action("local", conversation, ActionDecided.Type.ASSIGN,
                IntercomWireMock.BOT_ADMIN_ID, List.of(), null, ActionDecided.Assignee.team("5017691"));
        // a live responder parked it (the replay's dry run shares the database)
        parked.park(assign, "token refused", Instant.now());
        try {
            resumer.probePausedWorkspaces();
            resumer.resume("local");

            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> true);
            intercom.verify(exactly(0), postRequestedFor(urlEqualTo("/conversations/" + conversation + "/parts")));
            assertThat(parked.hasParked("local", conversation)).isTrue();
            assertThat(dryRuns.requests(assign.eventId())).isNull();
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "DELETE FROM responder.parked_action WHERE action_event_id = ?1")
                    .setParameter(1, assign.eventId()).executeUpdate());
        }
    }
}
