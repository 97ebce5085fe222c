package io.tandem.responder.service;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.Response;
import io.tandem.responder.client.AdminReply;
import io.tandem.responder.client.Assignment;
import io.tandem.responder.config.ResponderConfig;

/**
 * Turns a decided action into the Intercom calls that perform it, rendering the dialog's responses as Intercom's
 * HTML with every text escaped:
 * <ul>
 * <li>text: a paragraph;</li>
 * <li>option: the title and description as paragraphs, then the choices as a numbered list the customer can answer
 * with a number; where the channel shows them, the part is a {@code quick_reply} whose buttons are the choices;</li>
 * <li>image: the title and description, the image as an attachment ({@code attachment_urls});</li>
 * <li>pause: Intercom has no typing indicator for apps, so the responses before and after it become separate parts
 * and the second waits for the pause's time;</li>
 * <li>connect_to_agent: nothing here; router-service decides the assignment.</li>
 * </ul>
 * The same action always yields the same calls (quick-reply uuids are derived from the action's id).
 */
@ApplicationScoped
public class ActionPlanner {

    private static final Logger LOG = Logger.getLogger(ActionPlanner.class);

    @Inject
    ResponderConfig config;

    /**
     * @param adminId           the admin Tandem acts as
     * @param quickRepliesShown whether the conversation's channel shows quick-reply buttons
     */
    public List<PlannedCall> plan(ActionDecided action, String adminId, boolean quickRepliesShown) {
        return switch (action.type()) {
            case REPLY -> replies(action, adminId, quickRepliesShown && config.quickReplies());
            case NOTE -> List.of(new PlannedCall.Reply(0, AdminReply.note(adminId, noteBody(action))));
            case ASSIGN -> List.of(new PlannedCall.Assign(0, Assignment.by(adminId, assigneeId(action))));
        };
    }

    /** Whether the action has option responses, for which the channel matters. */
    public static boolean offersOptions(ActionDecided action) {
        return action.type() == ActionDecided.Type.REPLY
                && action.responses().stream().anyMatch(r -> Response.OPTION.equals(r.type()));
    }

    private List<PlannedCall> replies(ActionDecided action, String adminId, boolean quickReplies) {
        List<PlannedCall> calls = new ArrayList<>();
        Part part = new Part();
        long delay = 0;
        for (Response response : action.responses()) {
            if (response == null || response.type() == null) {
                continue;
            }
            switch (response.type()) {
                case Response.PAUSE -> {
                    if (!part.isEmpty()) {
                        calls.add(part.toCall(delay, adminId, action.eventId(), calls.size(), quickReplies));
                        part = new Part();
                        delay = 0;
                    }
                    delay += pauseMs(response);
                }
                case Response.TEXT -> part.text(response.text());
                case Response.OPTION -> part.option(response);
                case Response.IMAGE -> part.image(response);
                case Response.CONNECT_TO_AGENT -> {
                    // the hand-over is router-service's ASSIGN action; nothing to say here
                }
                default -> LOG.warnf("Action %s has a response of unknown type %s; left out", action.eventId(),
                        response.type());
            }
        }
        if (!part.isEmpty()) {
            calls.add(part.toCall(delay, adminId, action.eventId(), calls.size(), quickReplies));
        }
        if (calls.isEmpty()) {
            throw new InvalidActionException("REPLY action without anything to say");
        }
        return calls;
    }

    private long pauseMs(Response pause) {
        long ms = pause.timeMs() == null ? 0 : Math.max(0, pause.timeMs());
        return Math.min(ms, config.maxPause().toMillis());
    }

    private static String noteBody(ActionDecided action) {
        if (action.body() == null || action.body().isBlank()) {
            throw new InvalidActionException("NOTE action without a body");
        }
        return HtmlText.paragraph(action.body());
    }

    /** Intercom's assignee id: the admin's or team's, or {@code "0"} for Unassigned (a missing or 0 id alike). */
    static String assigneeId(ActionDecided action) {
        ActionDecided.Assignee assignee = action.assignee();
        if (assignee == null) {
            throw new InvalidActionException("ASSIGN action without an assignee");
        }
        if (assignee.type() == ActionDecided.AssigneeType.UNASSIGNED || assignee.id() == null
                || assignee.id().isBlank() || assignee.id().strip().equals(Assignment.UNASSIGNED)) {
            return Assignment.UNASSIGNED;
        }
        return assignee.id().strip();
    }

    /** The responses between two pauses: one Intercom part. */
    private static final class Part {

        private final StringBuilder html = new StringBuilder();
        private final List<String> attachments = new ArrayList<>();
        private List<Response.Option> options;

        boolean isEmpty() {
            return html.isEmpty() && attachments.isEmpty();
        }

        void text(String text) {
            if (text != null && !text.isBlank()) {
                html.append(HtmlText.paragraph(text));
            }
        }

        void option(Response option) {
            text(option.title());
            text(option.description());
            StringBuilder list = new StringBuilder();
            int number = 1;
            for (Response.Option choice : option.options()) {
                list.append(number == 1 ? "" : "\n").append(number++).append(". ").append(label(choice));
            }
            text(list.toString());
            if (options == null && !option.options().isEmpty()) {
                options = option.options();
            }
        }

        void image(Response image) {
            text(image.title());
            text(image.description());
            if (isWebUrl(image.source()) && attachments.size() < AdminReply.MAX_ATTACHMENTS) {
                attachments.add(image.source());
            } else if (image.source() != null) {
                LOG.warnf("Image %s is not an http(s) URL; sent without it", image.source().length() > 80
                        ? image.source().substring(0, 80) : image.source());
            }
        }

        PlannedCall.Reply toCall(long delay, String adminId, String actionId, int index, boolean quickReplies) {
            String body = html.toString();
            if (quickReplies && options != null) {
                List<AdminReply.QuickReplyOption> buttons = new ArrayList<>();
                for (int i = 0; i < options.size(); i++) {
                    buttons.add(new AdminReply.QuickReplyOption(label(options.get(i)),
                            uuid(actionId + "/" + index + "/" + i)));
                }
                return new PlannedCall.Reply(delay, new AdminReply(AdminReply.QUICK_REPLY, "admin", adminId, body,
                        buttons, attachments));
            }
            return new PlannedCall.Reply(delay, new AdminReply(AdminReply.COMMENT, "admin", adminId, body, null,
                    attachments));
        }

        private static String label(Response.Option choice) {
            return choice.label() != null ? choice.label() : String.valueOf(choice.value());
        }

        private static String uuid(String seed) {
            return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
        }

        private static boolean isWebUrl(String source) {
            if (source == null || source.isBlank()) {
                return false;
            }
            try {
                URI uri = URI.create(source.strip());
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
            } catch (IllegalArgumentException notAUri) {
                return false;
            }
        }
    }
}
