package io.tandem.responder.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tandem.responder.client.AdminReply;
import io.tandem.responder.client.Assignment;
import io.tandem.responder.client.IntercomConversation;

class PartFinderTest {

    private static final String BOT = "991267";
    private static final Instant SINCE = Instant.ofEpochSecond(1_700_000_000L);
    private static final PlannedCall.Reply REPLY = new PlannedCall.Reply(0,
            AdminReply.comment(BOT, "<p>Tom &amp; Jerry&#39;s order</p><p>ships today</p>"));

    @Test
    void partByTheSameAdminWithTheSameVisibleTextSinceTheClaimIsTheOneTheCallMade() {
        IntercomConversation conversation = conversation(
                part("1", "comment", "<p>Hello</p>", SINCE.getEpochSecond() + 5, "user", "u1"),
                part("2", "comment", "<p>Tom &amp; Jerry's order</p>\n<p>ships today</p>", SINCE.getEpochSecond() + 6,
                        "admin", BOT));

        assertThat(PartFinder.find(conversation, REPLY, SINCE, Set.of())).contains("2");
    }

    @Test
    void samTextByAnotherAuthorBeforeTheClaimOrAlreadyRecordedIsNotIt() {
        String body = REPLY.reply().body();
        IntercomConversation conversation = conversation(
                part("1", "comment", body, SINCE.getEpochSecond() + 5, "admin", "991268"),
                part("2", "comment", body, SINCE.getEpochSecond() - 1, "admin", BOT),
                part("3", "comment", body, SINCE.getEpochSecond() + 9, "admin", BOT));

        assertThat(PartFinder.find(conversation, REPLY, SINCE, Set.of("3"))).isEmpty();
        assertThat(PartFinder.find(conversation, REPLY, SINCE, Set.of())).contains("3");
    }

    @Test
    void differentTextIsNotIt() {
        IntercomConversation conversation = conversation(
                part("2", "comment", "<p>Tom &amp; Jerry's order</p>", SINCE.getEpochSecond() + 6, "admin", BOT));

        assertThat(PartFinder.find(conversation, REPLY, SINCE, List.of())).isEmpty();
    }

    @Test
    void assignmentByTheAdminSinceTheClaimIsTheOneTheCallMade() {
        PlannedCall.Assign assign = new PlannedCall.Assign(0, Assignment.by(BOT, "5017691"));
        IntercomConversation conversation = conversation(
                part("7", "comment", "<p>x</p>", SINCE.getEpochSecond() + 1, "admin", BOT),
                part("8", "assignment", null, SINCE.getEpochSecond() + 2, "admin", BOT));

        assertThat(PartFinder.find(conversation, assign, SINCE, List.of())).contains("8");
    }

    private static IntercomConversation conversation(IntercomConversation.Part... parts) {
        return new IntercomConversation("42", new IntercomConversation.PartList(List.of(parts)));
    }

    private static IntercomConversation.Part part(String id, String type, String body, long createdAt,
            String authorType, String authorId) {
        return new IntercomConversation.Part(id, type, body, createdAt,
                new IntercomConversation.Author(authorType, authorId));
    }
}
