package io.tandem.responder.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tandem.responder.messaging.IntercomStubs.errorList;
import static io.tandem.responder.messaging.IntercomStubs.partsUrl;
import static io.tandem.responder.messaging.IntercomStubs.replyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.ActionPerformed;
import io.tandem.contracts.Response;
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
    private static final String BOT = IntercomWireMock.BOT_ADMIN_ID;

    private static ResponderTopics topics;

    @Inject
    ActionDecidedConsumer consumer;

    @InjectIntercom
    WireMockServer intercom;

    @Inject
    PerformedActionRepository ledger;

    private IntercomStubs stubs;

    @BeforeAll
    static void watchTopics() {
        topics = new ResponderTopics(new ObjectMapper().findAndRegisterModules());
    }

    @AfterAll
    static void stopWatching() {
        topics.close();
    }

    @BeforeEach
    void stubs() {
        stubs = new IntercomStubs(intercom);
    }

    @Test
    void replyIsPostedAsTheDecidedAdminWithTheAppsTokenAndItsNewPartIsPublished() {
        ActionDecided reply = Actions.reply("Your refund is on its way.");
        stubs.answerPosts(replyUrl(reply), reply.conversationId(), "4401");

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
        assertThat(header(record, ActionDecidedConsumer.OUTCOME_HEADER)).isNull();
        intercom.verify(exactly(1), postRequestedFor(urlEqualTo(replyUrl(reply)))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Intercom-Version", equalTo("2.14"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"message_type":"comment","type":"admin","admin_id":"%s","body":"<p>Your refund is on its way.</p>"}
                        """.formatted(BOT))));
    }

    @Test
    void withoutADecidedAdminTheTokensOwnAdminActsAskedOnce() {
        ActionDecided first = Actions.action("local", Actions.newConversation(), ActionDecided.Type.REPLY, null,
                List.of(Response.text("Hello.")), null, null);
        ActionDecided second = Actions.action("local", Actions.newConversation(), ActionDecided.Type.NOTE, null,
                List.of(), "Noted.", null);
        stubs.answerPosts(replyUrl(first), first.conversationId(), "4410");
        stubs.answerPosts(replyUrl(second), second.conversationId(), "4411");

        topics.send(first);
        topics.awaitResult(first);
        topics.send(second);
        topics.awaitResult(second);

        intercom.verify(postRequestedFor(urlEqualTo(replyUrl(first)))
                .withRequestBody(equalToJson("{\"admin_id\":\"" + BOT + "\"}", true, true)));
        intercom.verify(postRequestedFor(urlEqualTo(replyUrl(second)))
                .withRequestBody(equalToJson("{\"admin_id\":\"" + BOT + "\"}", true, true)));
        assertThat(intercom.findAll(getRequestedFor(urlEqualTo("/me")))).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void noteIsPostedAsAnEscapedNoteForTeammates() {
        ActionDecided note = Actions.note("Customer asked twice about <refunds> & returns.");
        stubs.answerPosts(replyUrl(note), note.conversationId(), "4402");

        topics.send(note);

        ActionPerformed result = topics.awaitResult(note);
        assertThat(result.outcome()).isEqualTo(ActionPerformed.Outcome.SUCCEEDED);
        assertThat(result.intercomPartId()).isEqualTo("4402");
        intercom.verify(exactly(1), postRequestedFor(urlEqualTo(replyUrl(note)))
                .withRequestBody(equalToJson("""
                        {"message_type":"note","type":"admin","admin_id":"%s",
                         "body":"<p>Customer asked twice about &lt;refunds&gt; &amp; returns.</p>"}
                        """.formatted(BOT))));
    }

    @Test
    void assignmentToATeamIsPostedAsAConversationPartByTheAdmin() {
        ActionDecided assign = Actions.assign(ActionDecided.Assignee.team("5017691"));
        stubs.answerPosts(partsUrl(assign), assign.conversationId(), "4403");

        topics.send(assign);

        ActionPerformed result = topics.awaitResult(assign);
        assertThat(result.outcome()).isEqualTo(ActionPerformed.Outcome.SUCCEEDED);
        assertThat(result.type()).isEqualTo(ActionDecided.Type.ASSIGN);
        assertThat(result.intercomPartId()).isEqualTo("4403");
        intercom.verify(exactly(1), postRequestedFor(urlEqualTo(partsUrl(assign)))
                .withHeader("Intercom-Version", equalTo("2.14"))
                .withRequestBody(equalToJson("""
                        {"message_type":"assignment","type":"admin","admin_id":"%s","assignee_id":"5017691"}
                        """.formatted(BOT))));
    }

    @Test
    void unassignmentSendsAssigneeZero() {
        ActionDecided assign = Actions.assign(ActionDecided.Assignee.UNASSIGNED);
        stubs.answerPosts(partsUrl(assign), assign.conversationId(), "4412");

        topics.send(assign);

        assertThat(topics.awaitResult(assign).outcome()).isEqualTo(ActionPerformed.Outcome.SUCCEEDED);
        intercom.verify(exactly(1), postRequestedFor(urlEqualTo(partsUrl(assign)))
                .withRequestBody(equalToJson("""
                        {"message_type":"assignment","type":"admin","admin_id":"%s","assignee_id":"0"}
                        """.formatted(BOT))));
    }

    @Test
    void optionReplyInMessengerGetsTheNumberedListAndQuickReplyButtons() {
        String conversation = Actions.newConversation();
        ActionDecided reply = Actions.replyWith(conversation, List.of(Response.option("Pick one", null, List.of(
                new Response.Option("Track an order", "order"), new Response.Option("Returns", "returns")), "button")));
        stubs.conversationShows(conversation);
        stubs.answerPosts(replyUrl(reply), conversation, "4413");

        topics.send(reply);

        assertThat(topics.awaitResult(reply).outcome()).isEqualTo(ActionPerformed.Outcome.SUCCEEDED);
        intercom.verify(exactly(1), postRequestedFor(urlEqualTo(replyUrl(reply)))
                .withRequestBody(equalToJson("""
                        {"message_type":"quick_reply","type":"admin","admin_id":"%s",
                         "body":"<p>Pick one</p><p>1. Track an order<br>2. Returns</p>",
                         "reply_options":[{"text":"Track an order","uuid":"${json-unit.any-string}"},
                                          {"text":"Returns","uuid":"${json-unit.any-string}"}]}
                        """.formatted(BOT))));
    }

    @Test
    void sameActionDeliveredTwiceIsPerformedOnceAndItsResultRepublishedAsASkippedDuplicate() {
        ActionDecided reply = Actions.reply("Only once, please.");
        stubs.answerPosts(replyUrl(reply), reply.conversationId(), "4404");

        topics.send(reply);
        topics.awaitResultRecord(reply);
        topics.send(reply);

        var results = topics.awaitResultRecords(reply, 2);
        assertThat(topics.read(results.get(1).value())).isEqualTo(topics.read(results.get(0).value()));
        assertThat(header(results.get(1), ActionDecidedConsumer.OUTCOME_HEADER))
                .isEqualTo(ActionDecidedConsumer.SKIPPED_DUPLICATE);
        intercom.verify(exactly(1), postRequestedFor(urlEqualTo(replyUrl(reply))));
        PerformedAction entry = ledgerEntry(reply);
        assertThat(entry.status).isEqualTo(ActionStatus.DONE);
        assertThat(entry.intercomPartId).isEqualTo("4404");
        assertThat(entry.attempts).isEqualTo(1);
    }

    @Test
    void actionIntercomRefusesGoesToTheDeadLetterTopicWithIntercomsErrorAndTheConversationGoesOn() {
        String conversation = Actions.newConversation();
        ActionDecided refused = Actions.replyIn(conversation, "Hello?");
        ActionDecided next = Actions.action("local", conversation, ActionDecided.Type.NOTE, BOT, List.of(),
                "After the refusal.", null);
        intercom.stubFor(post(urlEqualTo(replyUrl(refused)))
                .withRequestBody(equalToJson("{\"message_type\":\"comment\"}", true, true))
                .willReturn(errorList(422, "parameter_invalid", "Conversation is closed for replies")));
        intercom.stubFor(post(urlEqualTo(replyUrl(next)))
                .withRequestBody(equalToJson("{\"message_type\":\"note\"}", true, true))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        IntercomStubs.conversation(conversation, "4420"))));

        topics.send(refused);
        topics.send(next);

        ActionPerformed result = topics.awaitResult(refused);
        assertThat(result.outcome()).isEqualTo(ActionPerformed.Outcome.FAILED);
        assertThat(result.error()).isEqualTo("Intercom answered HTTP 422 (parameter_invalid)");
        assertThat(result.intercomPartId()).isNull();
        ConsumerRecord<String, String> deadLetter = topics.awaitDeadLetter(conversation);
        assertThat(header(deadLetter, "dead-letter-reason"))
                .isEqualTo("Intercom answered HTTP 422 (parameter_invalid): Conversation is closed for replies");
        assertThat(topics.awaitResult(next).outcome()).isEqualTo(ActionPerformed.Outcome.SUCCEEDED);
        intercom.verify(exactly(2), postRequestedFor(urlEqualTo(replyUrl(refused))));
        assertThat(ledgerEntry(refused).status).isEqualTo(ActionStatus.FAILED);
    }

    @Test
    void actionOfAnAppWithoutAccessTokenFailsWithoutCallingIntercom() {
        ActionDecided reply = Actions.action("elsewhere", Actions.newConversation(), ActionDecided.Type.REPLY, BOT,
                List.of(Response.text("Hi")), null, null);

        topics.send(reply);

        ActionPerformed result = topics.awaitResult(reply);
        assertThat(result.outcome()).isEqualTo(ActionPerformed.Outcome.FAILED);
        assertThat(result.error()).isEqualTo("no access token configured for app elsewhere");
        assertThat(topics.awaitDeadLetter(reply.conversationId())).isNotNull();
        intercom.verify(exactly(0), postRequestedFor(urlEqualTo(replyUrl(reply))));
    }

    @Test
    void replyWithNothingToSayFailsWithoutCallingIntercom() {
        ActionDecided reply = Actions.replyWith(Actions.newConversation(), List.of(Response.pause(100, true)));

        topics.send(reply);

        ActionPerformed result = topics.awaitResult(reply);
        assertThat(result.outcome()).isEqualTo(ActionPerformed.Outcome.FAILED);
        assertThat(result.error()).isEqualTo("REPLY action without anything to say");
        intercom.verify(exactly(0), postRequestedFor(urlEqualTo(replyUrl(reply))));
    }

    @Test
    void recordThatIsNotAnActionGoesToTheDeadLetterTopicAndTheNextIsPerformed() {
        String poisonKey = "poison-" + UUID.randomUUID();
        String poison = "{\"type\": \"REPLY\", this is not JSON";
        ActionDecided next = Actions.note("After the poison.");
        stubs.answerPosts(replyUrl(next), next.conversationId(), "4408");

        topics.sendRaw(poisonKey, poison);
        topics.send(next);

        ConsumerRecord<String, String> deadLetter = topics.awaitDeadLetter(poisonKey);
        assertThat(header(deadLetter, "deserialization-failure-data")).isEqualTo(poison);
        assertThat(deadLetter.headers().lastHeader("dead-letter-reason")).isNotNull();
        assertThat(topics.awaitResult(next).outcome()).isEqualTo(ActionPerformed.Outcome.SUCCEEDED);
    }

    @Test
    void accessTokenNeverAppearsInPublishedEventsOrDeadLettersEvenWhenIntercomEchoesIt() {
        ActionDecided reply = Actions.reply("Hello again.");
        stubs.answerPosts(replyUrl(reply), reply.conversationId(), "4409");
        ActionDecided refused = Actions.reply("Refused.");
        intercom.stubFor(post(urlEqualTo(replyUrl(refused))).willReturn(errorList(400, "parameter_invalid",
                "Header Authorization: Bearer " + TOKEN + " not allowed here")));

        topics.send(reply);
        topics.send(refused);

        assertThat(topics.awaitResult(reply).outcome()).isEqualTo(ActionPerformed.Outcome.SUCCEEDED);
        ActionPerformed failure = topics.awaitResult(refused);
        assertThat(failure.error()).isEqualTo("Intercom answered HTTP 400 (parameter_invalid)");
        ConsumerRecord<String, String> deadLetter = topics.awaitDeadLetter(refused.conversationId());
        assertThat(header(deadLetter, "dead-letter-reason")).contains("Bearer [redacted] not allowed");
        assertThat(topics.everythingPublished()).isNotEmpty().allSatisfy(record -> {
            assertThat(String.valueOf(record.value())).doesNotContain(TOKEN);
            for (Header header : record.headers()) {
                assertThat(new String(header.value(), StandardCharsets.UTF_8)).doesNotContain(TOKEN);
            }
        });
        assertThat(ledgerEntry(refused).error).doesNotContain(TOKEN);
    }

    private PerformedAction ledgerEntry(ActionDecided action) {
        return QuarkusTransaction.requiringNew().call(() -> ledger.findById(action.eventId()));
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void anActionNotYetHandledWhenTheServiceStopsIsLeftForRedeliveryNotDeadLettered() throws Exception {
        ActionDecided reply = Actions.reply("arrived as the service stopped");
        AtomicBoolean acked = new AtomicBoolean();
        AtomicBoolean nacked = new AtomicBoolean();
        Message<ActionDecided> record = Message.of(reply, () -> {
            acked.set(true);
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            nacked.set(true);
            return CompletableFuture.completedFuture(null);
        });
        AtomicReference<Throwable> failed = new AtomicReference<>();
        // the shutdown interrupts the thread that waits for room among the actions in flight
        Thread stopping = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                consumer.dispatch(record).toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                failed.set(e);
            }
        });
        stopping.start();
        stopping.join(10_000);

        assertThat(failed.get()).isNull();
        assertThat(nacked).as("dead-lettered").isFalse();
        assertThat(acked).as("acknowledged").isFalse();
        intercom.verify(exactly(0), postRequestedFor(urlEqualTo(replyUrl(reply))));
    }
}
