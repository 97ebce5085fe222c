package io.tandem.router.rest.page;

import java.util.List;

import io.tandem.router.client.IntercomConnection;
import io.tandem.router.client.SkillVersionInfo;

/** What the integration page's templates show: plain data, computed by {@link PageFragments}. */
public final class PageViews {

    private PageViews() {
    }

    /** An option of a select. */
    public record Choice(String value, String label, boolean selected) {
    }

    /** What the API refused and why; {@code field} names the input, as the problem JSON's {@code field} does. */
    public record FieldError(String field, String message) {

        public boolean concerns(String name) {
            return name.equals(field);
        }
    }

    /**
     * The integration settings as stored, or as submitted when the API refused them ({@code error}).
     *
     * @param assistantAdmins the workspace's admins from Intercom, for the assistant's id
     * @param inboxes         Unassigned and the workspace's teams from Intercom
     */
    public record IntegrationForm(String appId, IntercomConnection.State connection, String assistantAdminId,
            String assistantName, boolean dialogReady, boolean monitoring, List<Choice> inboxes,
            List<Choice> assistantAdmins, String threshold, String updatedAt, String teammatesError, boolean saved,
            FieldError error) {
    }

    /** @param warnings what the API warns about that concerns no single row */
    public record RulesTable(List<RuleRow> rows, List<String> warnings, String teammatesError) {
    }

    /** A root node of the skill with its action and backup, the API's warnings about it and the last save's result. */
    public record RuleRow(String node, String title, String userLabel, boolean hasChildren, boolean connectToAgent,
            List<Choice> actions, boolean noBackup, List<Choice> teams, List<Choice> admins, List<String> warnings,
            boolean saved, FieldError error) {
    }

    /** @param from the first day, {@code to} the last day of the period (inclusive), as {@code yyyy-MM-dd} */
    public record InsightView(String from, String to, List<InsightRow> rows, List<GoalRow> goals, FieldError error) {

        public boolean empty() {
            return rows.isEmpty();
        }
    }

    /** @param barWidth the bar's width in percent of the busiest node's */
    public record InsightRow(String node, long answered, long clarified, long suggested, long sent, long escalated,
            long takenOver, long total, String barWidth, List<Segment> segments, String summary) {
    }

    /** A part of a node's bar: one outcome, {@code width} in percent of the bar. */
    public record Segment(String kind, String label, long count, String width) {
    }

    public record GoalRow(String goal, long escalations, String barWidth) {
    }

    /**
     * @param active      the version in use; null without a skill
     * @param unavailable why classifier-service could not tell; null when it could
     * @param uploaded    the version just uploaded; null unless an upload succeeded
     * @param errors      why the upload was refused, per node where the problem lies in one
     */
    public record SkillView(SkillVersionInfo active, String unavailable, SkillVersionInfo uploaded,
            List<SkillError> errors, String error) {
    }

    /** @param where the node (or intent, entity) the problem lies in; null when it lies in none */
    public record SkillError(String where, String field, String detail) {
    }

    /** @param context the dialog's context to send with the next message, as JSON */
    public record TryView(String text, List<Scored> intents, List<Scored> entities, List<String> nodesVisited,
            List<ResponseView> responses, String context, String error) {
    }

    public record Scored(String name, String confidence) {
    }

    /** One response item ({@code output.generic}): {@code type} as Watson names it. */
    public record ResponseView(String type, String text, List<String> options, String detail) {
    }
}
