package io.tandem.responder.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.tandem.responder.messaging.IntercomStubs.adminPart;
import static io.tandem.responder.messaging.IntercomStubs.conversationUrl;
import static io.tandem.responder.messaging.IntercomStubs.conversationWithParts;
import static io.tandem.responder.messaging.IntercomStubs.replyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

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

/**
 * Intercom misbehaving in every way the issue names (429 with headers, 500, slow answers, the connection cut after
 * it acted), and a crash between a call and the ledger: each time the part exists once, no action is lost and a
 * conversation's actions keep their order.
 */
@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = IntercomWireMock.class, scope = TestResourceScope.GLOBAL)
class IntercomFaultsTest {

    private static final String ACTED = "acted";
    private static ResponderTopics topics;

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
    void connectionCutAfterIntercomActedDoesNotMakeTheReplyTwice() {
        ActionDecided reply = Actions.reply("Your parcel left the warehouse.");
        actsThenAnswers(reply, "<p>Your parcel left the warehouse.</p>", "5501",
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        topics.send(reply);

        ActionPerformed result = topics.awaitResult(reply);
        assertThat(result.outcome()).isEqualTo(ActionPerformed.Outcome.SUCCEEDED);
        assertThat(result.intercomPartId()).isEqualTo("5501");
        intercom.verify(exactly(1), postRequestedFor(urlEqualTo(replyUrl(reply))));
        intercom.verify(getRequestedFor(urlEqualTo(conversationUrl(reply.conversationId()))));
        assertThat(ledgerEntry(reply).partIds).isEqualTo("5501");
    }

    @Test
    void answerSlowerThanTheTimeoutAfterIntercomActedDoesNotMakeTheReplyTwice() {
        ActionDecided reply = Actions.reply("Slow but sure.");
        // the test profile's read timeout is 2 s
        actsThenAnswers(reply, "<p>Slow but sure.</p>", "5502",
                okJson(IntercomStubs.conversation(reply.conversationId(), "5502")).withFixedDelay(3_000));

        topics.send(reply);

        ActionPerformed result = topics.awaitResult(reply);
        assertThat(result.outcome()).isEqualTo(ActionPerformed.Outcome.SUCCEEDED);
        assertThat(result.intercomPartId()).isEqualTo("5502");
        intercom.verify(exactly(1), postRequestedFor(urlEqualTo(replyUrl(reply))));
    }

    @Test
    void connectionCutBeforeIntercomActedIsCalledAgainOnce() {
        ActionDecided reply = Actions.reply("Second try.");
        stubs.conversationShows(reply.conversationId());
        stubs.postsAnsweredInTurn(replyUrl(reply),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                okJson(IntercomStubs.conversation(reply.conversationId(), "5503")));

        topics.send(reply);

        ActionPerformed result = topics.awaitResult(reply);
        assertThat(result.outcome()).isEqualTo(ActionPerformed.Outcome.SUCCEEDED);
        assertThat(result.intercomPartId()).isEqualTo("5503");
        intercom.verify(exactly(2), postRequestedFor(urlEqualTo(replyUrl(reply))));
        intercom.verify(exactly(1), getRequestedFor(urlEqualTo(conversationUrl(reply.conversationId()))));
    }

    @Test
    void serverErrorsAreRetriedWithBackoffUntilIntercomTakesTheCall() {
        ActionDecided reply = Actions.reply("Third time lucky.");
        stubs.conversationShows(reply.conversationId());
        stubs.postsAnsweredInTurn(replyUrl(reply),
                aResponse().withStatus(500),
                aResponse().withStatus(503),
                okJson(IntercomStubs.conversation(reply.conversationId(), "5504")));

        topics.send(reply);

        ActionPerformed result = topics.awaitResult(reply);
        assertThat(result.outcome()).isEqualTo(ActionPerformed.Outcome.SUCCEEDED);
        assertThat(result.intercomPartId()).isEqualTo("5504");
        List<ServeEvent> posts = stubs.postsTo(replyUrl(reply));
        assertThat(posts).hasSize(3);
        long firstGap = gapMs(posts.get(0), posts.get(1));
        long secondGap = gapMs(posts.get(1), posts.get(2));
        // test profile: 20 ms doubling, jittered between half and all of it
        assertThat(firstGap).isGreaterThanOrEqualTo(10);
        assertThat(secondGap).isGreaterThanOrEqualTo(20);
    }

    @Test
    void rateLimitedCallWaitsForTheWindowToResetThenGoesOnce() {
        ActionDecided reply = Actions.reply("After the rate limit.");
        long reset = Instant.now().getEpochSecond() + 2;
        stubs.postsAnsweredInTurn(replyUrl(reply),
                IntercomStubs.errorList(429, "rate_limit_exceeded", "Too many requests")
                        .withHeader("X-RateLimit-Limit", "1000")
                        .withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", Long.toString(reset)),
                okJson(IntercomStubs.conversation(reply.conversationId(), "5505")));

        topics.send(reply);

        ActionPerformed result = topics.awaitResult(reply);
        assertThat(result.outcome()).isEqualTo(ActionPerformed.Outcome.SUCCEEDED);
        List<ServeEvent> posts = stubs.postsTo(replyUrl(reply));
        assertThat(posts).hasSize(2);
        assertThat(posts.get(1).getRequest().getLoggedDate().toInstant())
                .isAfterOrEqualTo(Instant.ofEpochSecond(reset));
        // 429 means Intercom did not act: no need to look at the conversation
        intercom.verify(exactly(0), getRequestedFor(urlEqualTo(conversationUrl(reply.conversationId()))));
    }

    @Test
    void whenTheWindowIsNearlyUsedUpTheNextCallWaitsForItsReset() {
        ActionDecided first = Actions.reply("First of the window.");
        ActionDecided second = Actions.reply("Next window.");
        long reset = Instant.now().getEpochSecond() + 2;
        intercom.stubFor(post(urlEqualTo(replyUrl(first))).willReturn(
                okJson(IntercomStubs.conversation(first.conversationId(), "5506"))
                        .withHeader("X-RateLimit-Limit", "1000")
                        .withHeader("X-RateLimit-Remaining", "3")
                        .withHeader("X-RateLimit-Reset", Long.toString(reset))));
        stubs.answerPosts(replyUrl(second), second.conversationId(), "5507");

        topics.send(first);
        topics.awaitResult(first);
        topics.send(second);

        assertThat(topics.awaitResult(second).outcome()).isEqualTo(ActionPerformed.Outcome.SUCCEEDED);
        assertThat(stubs.postsTo(replyUrl(second)).get(0).getRequest().getLoggedDate().toInstant())
                .isAfterOrEqualTo(Instant.ofEpochSecond(reset));
    }

    @Test
    void slowAndFailingCallsHoldUpOnlyTheirConversationWhoseActionsKeepTheirOrder() {
        String slow = Actions.newConversation();
        ActionDecided first = Actions.replyIn(slow, "one");
        ActionDecided second = Actions.replyIn(slow, "two");
        ActionDecided third = Actions.replyIn(slow, "three");
        ActionDecided elsewhere = Actions.reply("meanwhile");
        stubs.conversationShows(slow);
        String url = replyUrl(first);
        // the first action's call fails twice (500, then a slow 503), then every call succeeds slowly
        stubs.postsAnsweredInTurn(url,
                aResponse().withStatus(500),
                aResponse().withStatus(503).withFixedDelay(700),
                okJson(IntercomStubs.conversation(slow, "5510")).withFixedDelay(300));
        stubs.answerPosts(replyUrl(elsewhere), elsewhere.conversationId(), "5520");

        topics.send(first);
        topics.send(second);
        topics.send(third);
        topics.send(elsewhere);

        for (ActionDecided action : List.of(first, second, third, elsewhere)) {
            assertThat(topics.awaitResult(action).outcome()).isEqualTo(ActionPerformed.Outcome.SUCCEEDED);
        }
        List<ServeEvent> posts = stubs.postsTo(url);
        List<String> delivered = posts.stream().filter(e -> e.getResponse().getStatus() == 200)
                .map(e -> e.getRequest().getBodyAsString()).toList();
        assertThat(delivered).hasSize(3);
        assertThat(delivered.get(0)).contains("<p>one</p>");
        assertThat(delivered.get(1)).contains("<p>two</p>");
        assertThat(delivered.get(2)).contains("<p>three</p>");
        ServeEvent other = stubs.postsTo(replyUrl(elsewhere)).get(0);
        ServeEvent firstDelivered = posts.stream().filter(e -> e.getResponse().getStatus() == 200).findFirst()
                .orElseThrow();
        assertThat(other.getRequest().getLoggedDate()).isBefore(firstDelivered.getRequest().getLoggedDate());
    }

    @Test
    void pauseBetweenPartsIsHonouredAndThePartsKeepTheirOrder() {
        String conversation = Actions.newConversation();
        ActionDecided reply = Actions.replyWith(conversation, List.of(Response.text("Let me look."),
                Response.pause(1_000, true), Response.text("Found it: it ships today.")));
        stubs.answerPosts(replyUrl(reply), conversation, "5530");

        topics.send(reply);

        assertThat(topics.awaitResult(reply).outcome()).isEqualTo(ActionPerformed.Outcome.SUCCEEDED);
        List<ServeEvent> posts = stubs.postsTo(replyUrl(reply));
        assertThat(posts).hasSize(2);
        assertThat(posts.get(0).getRequest().getBodyAsString()).contains("<p>Let me look.</p>");
        assertThat(posts.get(1).getRequest().getBodyAsString()).contains("<p>Found it: it ships today.</p>");
        assertThat(gapMs(posts.get(0), posts.get(1))).isGreaterThanOrEqualTo(1_000);
        assertThat(ledgerEntry(reply).partsDone).isEqualTo(2);
    }

    @Test
    void crashBetweenTheCallAndTheLedgerIsFollowedByALookNotASecondPart() {
        ActionDecided reply = Actions.reply("Sent just before the crash.");
        // what a replica that died right after Intercom's answer leaves: the call started, its outcome unrecorded
        Instant claimed = Instant.now().minusSeconds(20);
        QuarkusTransaction.requiringNew().run(() -> {
            PerformedAction entry = new PerformedAction();
            entry.actionEventId = reply.eventId();
            entry.appId = reply.appId();
            entry.conversationId = reply.conversationId();
            entry.actionType = reply.type();
            entry.status = ActionStatus.PENDING;
            entry.attempts = 1;
            entry.claimedAt = claimed;
            entry.callStartedAt = claimed.plusMillis(5);
            entry.leaseOwner = "a replica that died";
            entry.leaseUntil = claimed.plusMillis(10);
            ledger.persist(entry);
        });
        stubs.conversationShows(reply.conversationId(),
                adminPart("5540", "comment", "<p>Sent just before the crash.</p>", claimed.getEpochSecond() + 1));
        stubs.answerPosts(replyUrl(reply), reply.conversationId(), "5599");

        topics.send(reply);

        ActionPerformed result = topics.awaitResult(reply);
        assertThat(result.outcome()).isEqualTo(ActionPerformed.Outcome.SUCCEEDED);
        assertThat(result.intercomPartId()).isEqualTo("5540");
        intercom.verify(exactly(0), postRequestedFor(urlEqualTo(replyUrl(reply))));
        assertThat(ledgerEntry(reply).attempts).isEqualTo(2);
    }

    @Test
    void aLookAfterACrashDoesNotTakeThePartOfAnEarlierActionThatSaidTheSame() {
        String conversation = Actions.newConversation();
        ActionDecided earlier = Actions.replyIn(conversation, "Which order do you mean?");
        ActionDecided again = Actions.replyIn(conversation, "Which order do you mean?");
        Instant claimed = Instant.now().minusSeconds(20);
        QuarkusTransaction.requiringNew().run(() -> {
            // the assistant asked a moment ago, and that is recorded
            PerformedAction asked = entry(earlier, claimed.minusSeconds(5));
            asked.status = ActionStatus.DONE;
            asked.partsDone = 1;
            asked.partIds = "5540";
            asked.intercomPartId = "5540";
            asked.completedAt = claimed.minusSeconds(4);
            ledger.persist(asked);
            // it asks again; the replica died during that call, before Intercom acted
            PerformedAction askingAgain = entry(again, claimed);
            askingAgain.status = ActionStatus.PENDING;
            askingAgain.callStartedAt = claimed.plusMillis(5);
            askingAgain.leaseOwner = "a replica that died";
            askingAgain.leaseUntil = claimed.plusMillis(10);
            ledger.persist(askingAgain);
        });
        stubs.conversationShows(conversation,
                adminPart("5540", "comment", "<p>Which order do you mean?</p>", claimed.getEpochSecond() - 4));
        stubs.answerPosts(replyUrl(again), conversation, "5599");

        topics.send(again);

        ActionPerformed result = topics.awaitResult(again);
        assertThat(result.outcome()).isEqualTo(ActionPerformed.Outcome.SUCCEEDED);
        assertThat(result.intercomPartId()).isEqualTo("5599");
        intercom.verify(exactly(1), postRequestedFor(urlEqualTo(replyUrl(again))));
    }

    private static PerformedAction entry(ActionDecided action, Instant claimed) {
        PerformedAction entry = new PerformedAction();
        entry.actionEventId = action.eventId();
        entry.appId = action.appId();
        entry.conversationId = action.conversationId();
        entry.actionType = action.type();
        entry.attempts = 1;
        entry.claimedAt = claimed;
        return entry;
    }

    /** The POST makes the part in Intercom, then answers badly; GET shows the part from then on. */
    private void actsThenAnswers(ActionDecided reply, String body, String partId, ResponseDefinitionBuilder answer) {
        String scenario = "acts " + reply.eventId();
        String conversation = reply.conversationId();
        intercom.stubFor(post(urlEqualTo(replyUrl(reply))).inScenario(scenario).whenScenarioStateIs(STARTED)
                .willReturn(answer).willSetStateTo(ACTED));
        intercom.stubFor(post(urlEqualTo(replyUrl(reply))).inScenario(scenario).whenScenarioStateIs(ACTED)
                .willReturn(okJson(IntercomStubs.conversation(conversation, "duplicate"))));
        intercom.stubFor(get(urlEqualTo(conversationUrl(conversation))).inScenario(scenario)
                .whenScenarioStateIs(STARTED).willReturn(okJson(conversationWithParts(conversation))));
        intercom.stubFor(get(urlEqualTo(conversationUrl(conversation))).inScenario(scenario)
                .whenScenarioStateIs(ACTED).willReturn(okJson(conversationWithParts(conversation,
                        adminPart(partId, "comment", body, Instant.now().getEpochSecond())))));
    }

    private PerformedAction ledgerEntry(ActionDecided action) {
        return QuarkusTransaction.requiringNew().call(() -> ledger.findById(action.eventId()));
    }

    private static long gapMs(ServeEvent earlier, ServeEvent later) {
        return later.getRequest().getLoggedDate().getTime() - earlier.getRequest().getLoggedDate().getTime();
    }
}
