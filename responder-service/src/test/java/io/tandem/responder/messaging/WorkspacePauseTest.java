package io.tandem.responder.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.restassured.RestAssured.given;
import static io.tandem.responder.messaging.IntercomStubs.errorList;
import static io.tandem.responder.messaging.IntercomStubs.replyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.ActionPerformed;
import io.tandem.responder.client.InjectIntercom;
import io.tandem.responder.client.IntercomWireMock;
import io.tandem.responder.persistence.ParkedActionRepository;
import io.tandem.responder.service.ParkedActions;
import io.tandem.testsupport.TandemInfraResource;

/**
 * Intercom refuses the workspace's token: nothing more is sent for it, health and metrics say so, the actions are
 * kept, and once the token works again they are performed in their order.
 */
@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = IntercomWireMock.class, scope = TestResourceScope.GLOBAL)
class WorkspacePauseTest {

    private static final String TOKEN_SCENARIO = "token refused";
    private static final String MENDED = "mended";
    private static ResponderTopics topics;

    @InjectIntercom
    WireMockServer intercom;

    @Inject
    ParkedActionRepository parked;

    @Inject
    ParkedActions parking;

    @Inject
    ParkedActionsResumer resumer;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper objectMapper;

    @BeforeAll
    static void watchTopics() {
        topics = new ResponderTopics(new ObjectMapper().findAndRegisterModules());
    }

    @AfterAll
    static void stopWatching() {
        topics.close();
    }

    @AfterEach
    void mendToken() {
        if (intercom.getAllScenarios().getScenarios().stream().anyMatch(s -> s.getName().equals(TOKEN_SCENARIO))) {
            intercom.setScenarioState(TOKEN_SCENARIO, MENDED);
        }
    }

    @Test
    void refusedTokenPausesTheWorkspaceKeepsItsActionsAndResumesInOrderOnceItWorks() {
        String conversation = Actions.newConversation();
        ActionDecided refused = Actions.replyIn(conversation, "first");
        ActionDecided behind = Actions.replyIn(conversation, "second");
        ActionDecided elsewhere = Actions.reply("other conversation");
        IntercomStubs stubs = new IntercomStubs(intercom);
        refuseTokenUntilMended(replyUrl(refused), conversation);
        stubs.answerPosts(replyUrl(elsewhere), elsewhere.conversationId(), "6603");

        topics.send(refused);

        await().atMost(ResponderTopics.TIMEOUT).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(503)
                .body("checks.find { it.name == 'intercom-apps' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'intercom-apps' }.data.paused", equalTo("local")));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("tandem_responder_workspace_paused{app_id=\"local\"} 1.0"));

        topics.send(behind);
        topics.send(elsewhere);
        await().atMost(ResponderTopics.TIMEOUT).until(() -> parked.count("local") >= 3);
        intercom.verify(exactly(1), postRequestedFor(urlEqualTo(replyUrl(refused))));
        intercom.verify(exactly(0), postRequestedFor(urlEqualTo(replyUrl(elsewhere))));

        intercom.setScenarioState(TOKEN_SCENARIO, MENDED);

        for (ActionDecided action : List.of(refused, behind, elsewhere)) {
            assertThat(topics.awaitResult(action).outcome()).isEqualTo(ActionPerformed.Outcome.SUCCEEDED);
        }
        List<String> delivered = stubs.postsTo(replyUrl(refused)).stream()
                .filter(e -> e.getResponse().getStatus() == 200)
                .map(ServeEvent::getRequest).map(r -> r.getBodyAsString()).toList();
        assertThat(delivered).hasSize(2);
        assertThat(delivered.get(0)).contains("<p>first</p>");
        assertThat(delivered.get(1)).contains("<p>second</p>");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200));
        assertThat(parked.count("local")).isZero();
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("tandem_responder_workspace_paused{app_id=\"local\"} 0.0"));
    }

    /** Until the scenario is mended, Intercom answers 401 to the token: on GET /me and on the reply. */
    @Test
    void actionsAnotherReplicaParkedAreResumedHereOnceTheTokenWorks() {
        String conversation = Actions.newConversation();
        ActionDecided parkedElsewhere = Actions.replyIn(conversation, "parked by a replica that went away");
        new IntercomStubs(intercom).answerPosts(replyUrl(parkedElsewhere), conversation, "7701");
        // as a replica scaled away left it: this one was never paused for the workspace
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO responder.parked_action (action_event_id, app_id, conversation_id, action, reason, parked_at)
                VALUES (?1, ?2, ?3, ?4, 'token refused', now())
                """).setParameter(1, parkedElsewhere.eventId()).setParameter(2, parkedElsewhere.appId())
                .setParameter(3, conversation).setParameter(4, json(parkedElsewhere)).executeUpdate());
        assertThat(parking.isPaused(parkedElsewhere.appId())).isFalse();

        ActionPerformed result = topics.awaitResult(parkedElsewhere);

        assertThat(result.intercomPartId()).isEqualTo("7701");
        intercom.verify(exactly(1), postRequestedFor(urlEqualTo(replyUrl(parkedElsewhere))));
        await().atMost(Duration.ofSeconds(10)).until(() -> !parked.hasParked(parkedElsewhere.appId(), conversation));
    }

    private String json(ActionDecided action) {
        try {
            return objectMapper.writeValueAsString(action);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFailureWhilePerformingParkedActionsPausesTheWorkspaceAgainSoTheNextProbeRetries() {
        String appId = "app-" + UUID.randomUUID();
        String conversation = Actions.newConversation();
        ActionDecided assign = Actions.action(appId, conversation, ActionDecided.Type.ASSIGN,
                IntercomWireMock.BOT_ADMIN_ID, List.of(), null, ActionDecided.Assignee.team("5017691"));
        parked.park(assign, "token refused", Instant.now());
        // reading it back fails, as it would with PostgreSQL away
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE responder.parked_action SET action = 'not an action' WHERE action_event_id = ?1")
                .setParameter(1, assign.eventId()).executeUpdate());
        try {
            assertThat(parking.isPaused(appId)).as("paused: %s", parking.paused()).isFalse();

            resumer.resume(appId);

            await().atMost(Duration.ofSeconds(10)).until(() -> parking.isPaused(appId));
            assertThat(parked.hasParked(appId, conversation)).isTrue();
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "DELETE FROM responder.parked_action WHERE action_event_id = ?1")
                    .setParameter(1, assign.eventId()).executeUpdate());
            parking.resume(appId); // the app is unknown to Intercom: the probe would keep it paused
        }
    }

    private void refuseTokenUntilMended(String url, String conversation) {
        intercom.stubFor(get(urlEqualTo("/me")).atPriority(1).inScenario(TOKEN_SCENARIO)
                .whenScenarioStateIs(STARTED)
                .willReturn(errorList(401, "unauthorized", "Access Token Invalid")));
        intercom.stubFor(post(urlEqualTo(url)).atPriority(1).inScenario(TOKEN_SCENARIO)
                .whenScenarioStateIs(STARTED)
                .willReturn(errorList(401, "unauthorized", "Access Token Invalid")));
        intercom.stubFor(get(urlEqualTo("/me")).atPriority(1).inScenario(TOKEN_SCENARIO)
                .whenScenarioStateIs(MENDED)
                .willReturn(okJson("{\"type\":\"admin\",\"id\":\"" + IntercomWireMock.BOT_ADMIN_ID + "\"}")));
        intercom.stubFor(post(urlEqualTo(url)).atPriority(2)
                .willReturn(okJson(IntercomStubs.conversation(conversation, "6601"))));
        intercom.setScenarioState(TOKEN_SCENARIO, STARTED);
    }
}
