package io.tandem.responder.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.lessThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.ActionPerformed;
import io.tandem.responder.ActionStatus;
import io.tandem.responder.client.InjectIntercom;
import io.tandem.responder.client.IntercomWireMock;
import io.tandem.responder.persistence.PerformedAction;
import io.tandem.responder.persistence.PerformedActionRepository;
import io.tandem.testsupport.TandemInfraResource;

@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = IntercomWireMock.class, scope = TestResourceScope.GLOBAL)
class ActionDecidedConsumerTest {

    /** The token surefire hands the service as env TANDEM_RESPONDER_APPS_LOCAL_ACCESS_TOKEN. */
    private static final String TOKEN = System.getProperty("test.intercom.access-token");
    private static final AtomicLong CONVERSATIONS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);

    private static ResponderTopics topics;

    @InjectIntercom
    WireMockServer intercom;

    @Inject
    PerformedActionRepository ledger;

    @BeforeAll
    static void watchTopics() {
        topics = new ResponderTopics(new ObjectMapper().findAndRegisterModules());
    }

    @AfterAll
    static void stopWatching() {
        topics.close();
    }

    @Test
    void replyIsPostedAsTheBotWithTheAppsTokenAndItsNewPartIsPublished() {
        ActionDecided reply = action("local", ActionDecided.Type.REPLY, "Your refund is on its way.", null);
        stubAnswer(reply, "/reply", "4401");

        topics.send(reply);

        ConsumerRecord<String, String> record = topics.awaitResultRecord(reply);
        ActionPerformed result = topics.read(record.value());
        assertThat(result.outcome()).isEqualTo(ActionPerformed.Outcome.SUCCEEDED);
        assertThat(result.intercomPartId()).isEqualTo("4401");
        assertThat(result.eventId()).isEqualTo(ActionPerformed.idFor(reply.eventId()));
        assertThat(result.causationId()).isEqualTo(reply.eventId());
        assertThat(result.type()).isEqualTo(ActionDecided.Type.REPLY);
        assertThat(result.appId()).isEqualTo("local");
        assertThat(record.key()).isEqualTo(reply.conversationId());
        assertThat(header(record, "ce_id")).isEqualTo(result.eventId());
        assertThat(header(record, "ce_source")).isEqualTo("tandem:responder-service");
        intercom.verify(exactly(1), postRequestedFor(urlEqualTo(path(reply, "/reply")))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Intercom-Version", equalTo("2.14"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"message_type":"comment","type":"admin","admin_id":"%s","body":"Your refund is on its way."}
                        """.formatted(IntercomWireMock.BOT_ADMIN_ID))));
        intercom.verify(getRequestedFor(urlEqualTo("/me"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Intercom-Version", equalTo("2.14")));
        // the bot's admin id is asked for once and remembered
        intercom.verify(lessThanOrExactly(1), getRequestedFor(urlEqualTo("/me")));
    }

    @Test
    void noteIsPostedAsANoteForTeammates() {
        ActionDecided note = action("local", ActionDecided.Type.NOTE, "Customer asked twice about refunds.", null);
        stubAnswer(note, "/reply", "4402");

        topics.send(note);

        ActionPerformed result = topics.awaitResult(note);
        assertThat(result.outcome()).isEqualTo(ActionPerformed.Outcome.SUCCEEDED);
        assertThat(result.intercomPartId()).isEqualTo("4402");
        intercom.verify(exactly(1), postRequestedFor(urlEqualTo(path(note, "/reply")))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson("""
                        {"message_type":"note","type":"admin","admin_id":"%s","body":"Customer asked twice about refunds."}
                        """.formatted(IntercomWireMock.BOT_ADMIN_ID))));
    }

    @Test
    void assignmentToATeamIsPostedAsAConversationPartByTheBot() {
        ActionDecided assign = action("local", ActionDecided.Type.ASSIGN, null,
                new ActionDecided.Assignee(ActionDecided.AssigneeType.TEAM, "5017691"));
        stubAnswer(assign, "/parts", "4403");

        topics.send(assign);

        ActionPerformed result = topics.awaitResult(assign);
        assertThat(result.outcome()).isEqualTo(ActionPerformed.Outcome.SUCCEEDED);
        assertThat(result.type()).isEqualTo(ActionDecided.Type.ASSIGN);
        assertThat(result.intercomPartId()).isEqualTo("4403");
        intercom.verify(exactly(1), postRequestedFor(urlEqualTo(path(assign, "/parts")))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Intercom-Version", equalTo("2.14"))
                .withRequestBody(equalToJson("""
                        {"message_type":"assignment","type":"admin","admin_id":"%s","assignee_id":"5017691"}
                        """.formatted(IntercomWireMock.BOT_ADMIN_ID))));
    }

    @Test
    void sameActionDeliveredTwiceIsPerformedOnceAndItsResultRepublished() {
        ActionDecided reply = action("local", ActionDecided.Type.REPLY, "Only once, please.", null);
        stubAnswer(reply, "/reply", "4404");

        topics.send(reply);
        topics.awaitResultRecord(reply);
        topics.send(reply);

        var results = topics.awaitResultRecords(reply, 2);
        assertThat(topics.read(results.get(1).value())).isEqualTo(topics.read(results.get(0).value()));
        intercom.verify(exactly(1), postRequestedFor(urlEqualTo(path(reply, "/reply"))));
        PerformedAction entry = ledgerEntry(reply);
        assertThat(entry.status).isEqualTo(ActionStatus.DONE);
        assertThat(entry.intercomPartId).isEqualTo("4404");
        assertThat(entry.attempts).isEqualTo(1);
    }

    @Test
    void actionIntercomRefusesFailsWithoutRetrying() {
        ActionDecided reply = action("local", ActionDecided.Type.REPLY, "Hello?", null);
        intercom.stubFor(post(urlEqualTo(path(reply, "/reply"))).willReturn(errorList(404, "not_found",
                "Resource Not Found")));

        topics.send(reply);

        ActionPerformed result = topics.awaitResult(reply);
        assertThat(result.outcome()).isEqualTo(ActionPerformed.Outcome.FAILED);
        assertThat(result.error()).isEqualTo("Intercom answered HTTP 404 (not_found)");
        assertThat(result.intercomPartId()).isNull();
        intercom.verify(exactly(1), postRequestedFor(urlEqualTo(path(reply, "/reply"))));
        assertThat(ledgerEntry(reply).status).isEqualTo(ActionStatus.FAILED);
    }

    @Test
    void actionIntercomCannotTakeNowIsRetriedUntilItDoes() {
        ActionDecided reply = action("local", ActionDecided.Type.REPLY, "Third time lucky.", null);
        String url = path(reply, "/reply");
        stubAnswersInTurn(url,
                aResponse().withStatus(503),
                aResponse().withStatus(503),
                okJson(conversationAnswer(reply.conversationId(), "4405")));

        topics.send(reply);

        ActionPerformed result = topics.awaitResult(reply);
        assertThat(result.outcome()).isEqualTo(ActionPerformed.Outcome.SUCCEEDED);
        assertThat(result.intercomPartId()).isEqualTo("4405");
        intercom.verify(exactly(3), postRequestedFor(urlEqualTo(url)));
    }

    @Test
    void callThatTimesOutIsRetried() {
        ActionDecided note = action("local", ActionDecided.Type.NOTE, "Slow day.", null);
        String url = path(note, "/reply");
        // the first answer comes after the test profile's 5 s read timeout
        stubAnswersInTurn(url,
                okJson(conversationAnswer(note.conversationId(), "4406")).withFixedDelay(6_000),
                okJson(conversationAnswer(note.conversationId(), "4407")));

        topics.send(note);

        ActionPerformed result = topics.awaitResult(note);
        assertThat(result.outcome()).isEqualTo(ActionPerformed.Outcome.SUCCEEDED);
        assertThat(result.intercomPartId()).isEqualTo("4407");
        intercom.verify(exactly(2), postRequestedFor(urlEqualTo(url)));
    }

    @Test
    void actionOfAnAppWithoutAccessTokenFailsWithoutCallingIntercom() {
        assertFailsWithoutCallingIntercom(action("elsewhere", ActionDecided.Type.REPLY, "Hi", null), "/reply",
                "no access token configured for app elsewhere");
    }

    @Test
    void replyWithoutBodyFailsWithoutCallingIntercom() {
        assertFailsWithoutCallingIntercom(action("local", ActionDecided.Type.REPLY, " ", null), "/reply",
                "REPLY action without a body");
    }

    @Test
    void assignmentWithoutAssigneeFailsWithoutCallingIntercom() {
        assertFailsWithoutCallingIntercom(action("local", ActionDecided.Type.ASSIGN, null, null), "/parts",
                "ASSIGN action without an assignee");
    }

    @Test
    void recordThatIsNotAnActionGoesToTheDeadLetterTopicAndTheNextActionIsStillPerformed() {
        String poisonKey = "poison-" + UUID.randomUUID();
        String poison = "{\"type\": \"REPLY\", this is not JSON";
        ActionDecided next = action("local", ActionDecided.Type.NOTE, "After the poison.", null);
        stubAnswer(next, "/reply", "4408");

        topics.sendRaw(poisonKey, poison);
        topics.send(next);

        ConsumerRecord<String, String> deadLetter = topics.awaitDeadLetter(poisonKey);
        assertThat(header(deadLetter, "deserialization-failure-data")).isEqualTo(poison);
        assertThat(deadLetter.headers().lastHeader("dead-letter-reason")).isNotNull();
        assertThat(topics.awaitResult(next).outcome()).isEqualTo(ActionPerformed.Outcome.SUCCEEDED);
    }

    @Test
    void accessTokenNeverAppearsInPublishedEventsEvenWhenIntercomEchoesIt() {
        ActionDecided reply = action("local", ActionDecided.Type.REPLY, "Hello again.", null);
        stubAnswer(reply, "/reply", "4409");
        ActionDecided refused = action("local", ActionDecided.Type.REPLY, "Refused.", null);
        intercom.stubFor(post(urlEqualTo(path(refused, "/reply"))).willReturn(errorList(401, "unauthorized",
                "Access Token Invalid: Bearer " + TOKEN)));

        topics.send(reply);
        topics.send(refused);

        assertThat(topics.awaitResult(reply).outcome()).isEqualTo(ActionPerformed.Outcome.SUCCEEDED);
        ActionPerformed failure = topics.awaitResult(refused);
        assertThat(failure.error()).isEqualTo("Intercom answered HTTP 401 (unauthorized)");
        assertThat(topics.everythingPublished()).isNotEmpty().allSatisfy(record -> {
            assertThat(String.valueOf(record.value())).doesNotContain(TOKEN);
            for (Header header : record.headers()) {
                assertThat(new String(header.value(), StandardCharsets.UTF_8)).doesNotContain(TOKEN);
            }
        });
        assertThat(ledgerEntry(refused).error).doesNotContain(TOKEN);
    }

    private void assertFailsWithoutCallingIntercom(ActionDecided action, String operation, String error) {
        topics.send(action);

        ActionPerformed result = topics.awaitResult(action);
        assertThat(result.outcome()).isEqualTo(ActionPerformed.Outcome.FAILED);
        assertThat(result.error()).isEqualTo(error);
        intercom.verify(exactly(0), postRequestedFor(urlEqualTo(path(action, operation))));
    }

    private static ActionDecided action(String appId, ActionDecided.Type type, String body,
            ActionDecided.Assignee assignee) {
        String cause = UUID.randomUUID().toString();
        return new ActionDecided(ActionDecided.SCHEMA_VERSION, ActionDecided.idFor(cause, 0), cause, appId,
                Long.toString(CONVERSATIONS.incrementAndGet()), Instant.now(), type, body, assignee, "test rule");
    }

    private static String path(ActionDecided action, String operation) {
        return "/conversations/" + action.conversationId() + operation;
    }

    /** Intercom answers successive POSTs to the URL with the answers in order, then keeps giving the last. */
    private void stubAnswersInTurn(String url, ResponseDefinitionBuilder... answers) {
        for (int i = 0; i < answers.length; i++) {
            var stub = post(urlEqualTo(url)).inScenario(url).whenScenarioStateIs(i == 0 ? STARTED : "answer " + i)
                    .willReturn(answers[i]);
            intercom.stubFor(i + 1 < answers.length ? stub.willSetStateTo("answer " + (i + 1)) : stub);
        }
    }

    private void stubAnswer(ActionDecided action, String operation, String newPartId) {
        intercom.stubFor(post(urlEqualTo(path(action, operation)))
                .willReturn(okJson(conversationAnswer(action.conversationId(), newPartId))));
    }

    /** Intercom's conversation answer: an older part listed after the new one, so order alone is not enough. */
    private static String conversationAnswer(String conversationId, String newPartId) {
        return """
                {"type":"conversation","id":"%s","open":true,"state":"open",
                 "conversation_parts":{"type":"conversation_part.list","total_count":2,"conversation_parts":[
                   {"type":"conversation_part","id":"%s","part_type":"comment","created_at":1734537561,
                    "author":{"type":"admin","id":"%s"}},
                   {"type":"conversation_part","id":"1","part_type":"open","created_at":1734537500,
                    "author":{"type":"user","id":"6762f1571bb69f9f2193bbbb"}}]}}
                """.formatted(conversationId, newPartId, IntercomWireMock.BOT_ADMIN_ID);
    }

    private static ResponseDefinitionBuilder errorList(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"type":"error.list","request_id":"f93ecfa8-d08a-4325-8694-89aeb89c8f85",
                 "errors":[{"code":"%s","message":"%s"}]}
                """.formatted(code, message));
    }

    private PerformedAction ledgerEntry(ActionDecided action) {
        return QuarkusTransaction.requiringNew().call(() -> ledger.findById(action.eventId()));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
