package io.tandem.responder.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.Response;
import io.tandem.responder.client.AdminReply;
import io.tandem.responder.client.Assignment;

class ActionPlannerTest {

    private static final String BOT = "991267";
    private final ActionPlanner planner = PlannerFixtures.planner(Duration.ofSeconds(10), true);

    @Test
    void textsBetweenPausesBecomeOneCommentOfParagraphs() {
        List<PlannedCall> calls = planner.plan(reply(Response.text("Hi!"), Response.text("Line one\nline two")), BOT,
                false);

        assertThat(calls).containsExactly(new PlannedCall.Reply(0,
                AdminReply.comment(BOT, "<p>Hi!</p><p>Line one<br>line two</p>")));
    }

    @Test
    void pauseSplitsTheReplyIntoPartsAndTheLaterOneWaitsForIt() {
        List<PlannedCall> calls = planner.plan(reply(Response.text("Let me check."), Response.pause(1500, true),
                Response.text("Found it."), Response.pause(200, false), Response.pause(300, false),
                Response.text("Anything else?")), BOT, false);

        assertThat(calls).containsExactly(
                new PlannedCall.Reply(0, AdminReply.comment(BOT, "<p>Let me check.</p>")),
                new PlannedCall.Reply(1500, AdminReply.comment(BOT, "<p>Found it.</p>")),
                new PlannedCall.Reply(500, AdminReply.comment(BOT, "<p>Anything else?</p>")));
    }

    @Test
    void pauseIsCappedAndATypingIndicatorIsNeverAsked() {
        List<PlannedCall> calls = planner.plan(reply(Response.pause(600_000, true), Response.text("Done.")), BOT,
                false);

        assertThat(calls).extracting(PlannedCall::delayBeforeMs).containsExactly(10_000L);
    }

    @Test
    void optionBecomesANumberedListWithTitleAndDescriptionAsInstructions() {
        List<PlannedCall> calls = planner.plan(reply(option()), BOT, false);

        assertThat(calls).containsExactly(new PlannedCall.Reply(0, AdminReply.comment(BOT,
                "<p>What can I help with?</p><p>Reply with a number.</p><p>1. Track an order<br>2. Return an item</p>")));
    }

    @Test
    void optionOnAChannelWithQuickRepliesAlsoGetsButtonsWithStableIds() {
        ActionDecided action = reply(option());

        AdminReply first = ((PlannedCall.Reply) planner.plan(action, BOT, true).get(0)).reply();
        AdminReply again = ((PlannedCall.Reply) planner.plan(action, BOT, true).get(0)).reply();

        assertThat(first.messageType()).isEqualTo(AdminReply.QUICK_REPLY);
        assertThat(first.body()).contains("1. Track an order");
        assertThat(first.replyOptions()).extracting(AdminReply.QuickReplyOption::text)
                .containsExactly("Track an order", "Return an item");
        assertThat(first.replyOptions()).extracting(AdminReply.QuickReplyOption::uuid)
                .doesNotHaveDuplicates()
                .allSatisfy(uuid -> assertThat(uuid).matches("[0-9a-f-]{36}"));
        assertThat(again).isEqualTo(first);
    }

    @Test
    void quickRepliesSwitchedOffLeaveTheListOnly() {
        ActionPlanner withoutButtons = PlannerFixtures.planner(Duration.ofSeconds(10), false);

        AdminReply reply = ((PlannedCall.Reply) withoutButtons.plan(reply(option()), BOT, true).get(0)).reply();

        assertThat(reply.messageType()).isEqualTo(AdminReply.COMMENT);
        assertThat(reply.replyOptions()).isEmpty();
    }

    @Test
    void imageShowsTitleDescriptionAndTheImageAsAttachment() {
        List<PlannedCall> calls = planner.plan(reply(Response.image("https://cdn.example.com/size-chart.png",
                "Size chart", "Our sizes run small.")), BOT, false);

        assertThat(calls).containsExactly(new PlannedCall.Reply(0, new AdminReply("comment", "admin", BOT,
                "<p>Size chart</p><p>Our sizes run small.</p>", null,
                List.of("https://cdn.example.com/size-chart.png"))));
    }

    @Test
    void imageWithoutAWebUrlIsSentWithoutIt() {
        List<PlannedCall> calls = planner.plan(reply(Response.image("javascript:alert(1)", "Chart", null)), BOT,
                false);

        assertThat(((PlannedCall.Reply) calls.get(0)).reply().attachmentUrls()).isEmpty();
    }

    @Test
    void hostileTextsAreEscapedEverywhere() {
        String script = "<script>alert('x')</script>";
        String attribute = "\" onmouseover=\"alert(1)";
        String entity = "&lt;b&gt; &amp; &#x3C;img src=x onerror=alert(1)&#x3E;";
        ActionDecided action = reply(
                Response.text(script),
                Response.text("<img src=x onerror=alert(1)>"),
                Response.option(attribute, entity, List.of(new Response.Option("<b>bold</b>", "b")), "button"),
                Response.image("https://cdn.example.com/x.png", "<a href=\"javascript:x\">t</a>", "'quoted'"));

        String body = ((PlannedCall.Reply) planner.plan(action, BOT, false).get(0)).reply().body();

        assertThat(body).isEqualTo("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>"
                + "<p>&lt;img src=x onerror=alert(1)&gt;</p>"
                + "<p>&quot; onmouseover=&quot;alert(1)</p>"
                + "<p>&amp;lt;b&amp;gt; &amp;amp; &amp;#x3C;img src=x onerror=alert(1)&amp;#x3E;</p>"
                + "<p>1. &lt;b&gt;bold&lt;/b&gt;</p>"
                + "<p>&lt;a href=&quot;javascript:x&quot;&gt;t&lt;/a&gt;</p>"
                + "<p>&#39;quoted&#39;</p>");
        assertThat(body.replaceAll("</?(p|br)>", "")).doesNotContain("<", ">");
        assertThat(HtmlText.visibleText(body)).contains(script, attribute, entity);
    }

    @Test
    void noteIsAnEscapedNote() {
        ActionDecided note = action(ActionDecided.Type.NOTE, List.of(), "Customer wrote <i>twice</i> & left", null);

        assertThat(planner.plan(note, BOT, false)).containsExactly(new PlannedCall.Reply(0,
                AdminReply.note(BOT, "<p>Customer wrote &lt;i&gt;twice&lt;/i&gt; &amp; left</p>")));
    }

    @Test
    void assignmentGoesToTheAdminOrTeam() {
        assertThat(planner.plan(assign(ActionDecided.Assignee.team("5017691")), BOT, false))
                .containsExactly(new PlannedCall.Assign(0, Assignment.by(BOT, "5017691")));
        assertThat(planner.plan(assign(ActionDecided.Assignee.admin("991268")), BOT, false))
                .containsExactly(new PlannedCall.Assign(0, Assignment.by(BOT, "991268")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNASSIGNED", "ADMIN:0", "TEAM:0", "ADMIN:", "TEAM:null"})
    void unassignedAndAnAssigneeOfZeroOrNoneAlikeGoToTheUnassignedInbox(String assignee) {
        String[] parts = assignee.split(":", -1);
        String id = parts.length < 2 || parts[1].isEmpty() || parts[1].equals("null") ? null : parts[1];
        ActionDecided action = assign(new ActionDecided.Assignee(ActionDecided.AssigneeType.valueOf(parts[0]), id));

        assertThat(planner.plan(action, BOT, false))
                .containsExactly(new PlannedCall.Assign(0, Assignment.by(BOT, "0")));
    }

    @Test
    void actionsWithoutWhatTheirTypeNeedsAreInvalid() {
        assertThatThrownBy(() -> planner.plan(reply(Response.pause(100, true)), BOT, false))
                .isInstanceOf(InvalidActionException.class).hasMessage("REPLY action without anything to say");
        assertThatThrownBy(() -> planner.plan(action(ActionDecided.Type.NOTE, List.of(), " ", null), BOT, false))
                .isInstanceOf(InvalidActionException.class).hasMessage("NOTE action without a body");
        assertThatThrownBy(() -> planner.plan(assign(null), BOT, false))
                .isInstanceOf(InvalidActionException.class).hasMessage("ASSIGN action without an assignee");
    }

    private static Response option() {
        return Response.option("What can I help with?", "Reply with a number.", List.of(
                new Response.Option("Track an order", "order status"),
                new Response.Option("Return an item", "returns")), "button");
    }

    private static ActionDecided reply(Response... responses) {
        return action(ActionDecided.Type.REPLY, List.of(responses), null, null);
    }

    private static ActionDecided assign(ActionDecided.Assignee assignee) {
        return action(ActionDecided.Type.ASSIGN, List.of(), null, assignee);
    }

    private static ActionDecided action(ActionDecided.Type type, List<Response> responses, String body,
            ActionDecided.Assignee assignee) {
        return new ActionDecided(ActionDecided.SCHEMA_VERSION, ActionDecided.idFor("cause-1", 0), "cause-1", "local",
                "42", Instant.parse("2026-11-26T01:00:00Z"), 0, 1, type, BOT, responses, body, assignee, "test");
    }
}
