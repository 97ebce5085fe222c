package io.tandem.sandbox.rest.inbox;

import java.util.List;

/**
 * What the inbox page shows; the templates read nothing else.
 *
 * @param selected the open conversation, null when there is none
 * @param error    what was wrong with the last form sent, null when nothing was
 */
public record InboxView(
        String appId,
        ConversationList conversations,
        ConversationView selected,
        String teammateId,
        List<Choice> teammates,
        List<Choice> assignees,
        List<AwayToggle> awayToggles,
        String error) {

    /** The conversation list; {@code version} changes whenever a conversation starts or gets a part. */
    public record ConversationList(String version, String selectedId, String teammateId,
            List<ConversationSummary> items) {

        public String pollUrl() {
            return "/inbox/conversations?selected=" + (selectedId == null ? "" : selectedId)
                    + "&teammate=" + (teammateId == null ? "" : teammateId);
        }
    }

    public record ConversationSummary(String id, String customer, String preview, String owner, String state,
            boolean selected, String href) {
    }

    /** One conversation; {@code version} is its number of parts, which every change increases. */
    public record ConversationView(String id, int version, String customer, String customerEmail, String state,
            String owner, List<PartView> parts) {

        public String pollUrl() {
            return "/inbox/conversations/" + id;
        }
    }

    /**
     * @param authorType  user, lead or admin (Intercom's author type)
     * @param byTandem    whether Tandem's bot teammate wrote it
     * @param html        the body through the allow-list, empty when it has none
     * @param event       what an assignment, close, open or snooze did, in words; null for messages
     * @param buttons     a quick reply's buttons
     * @param answerable  whether the customer can still click them (the newest quick reply, not answered yet)
     * @param chosenText  for the customer's answer by button: the button's text
     */
    public record PartView(String id, String partType, String authorType, String authorName, boolean byTandem,
            String html, String event, List<Button> buttons, boolean answerable, String chosenText,
            List<Image> images, String time) {

        public boolean isNote() {
            return "note".equals(partType);
        }

        public boolean isMessage() {
            return event == null;
        }

        public String kindLabel() {
            return switch (partType) {
                case "note" -> "Note";
                case "quick_reply" -> "Reply with buttons";
                case "assignment" -> "Assignment";
                case "close" -> "Closed";
                case "open" -> "Reopened";
                case "snoozed" -> "Snoozed";
                default -> "customer".equals(side()) ? "Customer" : "Reply";
            };
        }

        /** customer, tandem or teammate: where the part sits in the conversation. */
        public String side() {
            if (!"admin".equals(authorType) && !"bot".equals(authorType) && !"team".equals(authorType)) {
                return "customer";
            }
            return byTandem ? "tandem" : "teammate";
        }
    }

    public record Button(String text, String uuid) {
    }

    public record Image(String url, String name) {
    }

    /** An option of a select: its value and what the reader sees. */
    public record Choice(String value, String label, boolean selected) {
    }

    public record AwayToggle(String adminId, String name, boolean away) {
    }
}
