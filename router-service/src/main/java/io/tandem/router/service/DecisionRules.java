package io.tandem.router.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.MessageClassified;
import io.tandem.contracts.MessageClassified.IntentScore;
import io.tandem.contracts.MessageClassified.VisitedNode;
import io.tandem.router.Decision;
import io.tandem.router.Mode;
import io.tandem.router.WorkspaceSettings;

/**
 * The routing rules: from a classified message and the workspace's settings to the actions Tandem takes.
 * Pure: no I/O, no clock; the same input always gives the same decision.
 *
 * <ol>
 * <li>Mode OFF: nothing.</li>
 * <li>A visited node asks for a human agent (connect_to_agent): in mode REPLY the dialog's output, if any, is
 * sent to the customer; then the conversation is assigned to the handoff team, or, without one, a note asks a
 * teammate to take over. Not gated by confidence: handing over to a human is always safe.</li>
 * <li>The dialog produced output and either the top intent reaches the minimum confidence, or no intent was
 * recognised at all (so the output came from a node matched by something else: welcome, an entity, a context
 * variable, anything_else; it is the skill author's answer, not a guess): REPLY in mode REPLY, a NOTE
 * "Suggested answer: ..." in mode SUGGEST.</li>
 * <li>Otherwise (no output, or a recognised intent below the minimum): nothing.</li>
 * </ol>
 */
@ApplicationScoped
public class DecisionRules {

    static final String SUGGESTION_PREFIX = "Suggested answer: ";

    public Decision decide(MessageClassified message, WorkspaceSettings settings, Instant decidedAt) {
        List<Draft> drafts = new ArrayList<>();
        String reason = draft(message, settings, drafts);
        List<ActionDecided> actions = new ArrayList<>(drafts.size());
        for (int index = 0; index < drafts.size(); index++) {
            actions.add(drafts.get(index).toEvent(message, index, decidedAt));
        }
        return new Decision(message.eventId(), reason, actions);
    }

    /** Adds the actions to {@code drafts} and returns why. */
    private static String draft(MessageClassified message, WorkspaceSettings settings, List<Draft> drafts) {
        Mode mode = settings.mode();
        if (mode == Mode.OFF) {
            return "mode OFF";
        }
        String output = outputText(message);
        Optional<VisitedNode> handoffNode = message.nodesVisited().stream()
                .filter(VisitedNode::connectToAgent)
                .findFirst();
        if (handoffNode.isPresent()) {
            return draftHandoff(label(handoffNode.get()), output, settings, drafts);
        }
        if (output.isEmpty()) {
            return "the dialog produced no output, mode " + mode;
        }
        Optional<IntentScore> top = message.intents().stream()
                .max(Comparator.comparingDouble(IntentScore::confidence));
        String because;
        if (top.isEmpty()) {
            because = "no intent recognised; " + lastNodeLabel(message) + " answered";
        } else if (top.get().confidence() >= settings.minConfidence()) {
            because = "intent " + top.get().intent() + " at " + format(top.get().confidence())
                    + " ≥ " + format(settings.minConfidence());
        } else {
            return "intent " + top.get().intent() + " at " + format(top.get().confidence())
                    + " < " + format(settings.minConfidence()) + ", mode " + mode;
        }
        String reason = because + ", mode " + mode;
        if (mode == Mode.REPLY) {
            drafts.add(Draft.reply(output, reason));
        } else {
            drafts.add(Draft.note(SUGGESTION_PREFIX + output, reason));
        }
        return reason;
    }

    private static String draftHandoff(String node, String output, WorkspaceSettings settings, List<Draft> drafts) {
        String asks = node + " asks for a human agent";
        // in SUGGEST mode the dialog's hand-over line ("connecting you...") is no help to the teammate taking over
        if (settings.mode() == Mode.REPLY && !output.isEmpty()) {
            drafts.add(Draft.reply(output, asks + ", mode REPLY"));
        }
        String reason;
        if (settings.hasHandoffTeam()) {
            reason = asks + "; handing over to team " + settings.handoffTeamId();
            drafts.add(Draft.assignToTeam(settings.handoffTeamId(), reason));
        } else {
            reason = asks + "; no handoff team configured, asking a teammate to take over";
            drafts.add(Draft.note("The customer asked for a human agent (" + node
                    + "). Please take over this conversation.", reason));
        }
        return reason + ", mode " + settings.mode();
    }

    /** The turn's output texts, blank ones dropped, as one message. */
    static String outputText(MessageClassified message) {
        return message.output().stream()
                .filter(text -> text != null && !text.isBlank())
                .map(String::strip)
                .collect(Collectors.joining("\n\n"));
    }

    private static String lastNodeLabel(MessageClassified message) {
        List<VisitedNode> nodes = message.nodesVisited();
        return nodes.isEmpty() ? "the dialog" : label(nodes.get(nodes.size() - 1));
    }

    private static String label(VisitedNode node) {
        String name = node.title() != null && !node.title().isBlank() ? node.title() : node.nodeId();
        return "node '" + name + "'";
    }

    private static String format(double confidence) {
        return String.format(Locale.ROOT, "%.2f", confidence);
    }

    /** An action before it gets its event id and position. */
    private record Draft(ActionDecided.Type type, String body, ActionDecided.Assignee assignee, String reason) {

        static Draft reply(String body, String reason) {
            return new Draft(ActionDecided.Type.REPLY, body, null, reason);
        }

        static Draft note(String body, String reason) {
            return new Draft(ActionDecided.Type.NOTE, body, null, reason);
        }

        static Draft assignToTeam(String teamId, String reason) {
            return new Draft(ActionDecided.Type.ASSIGN, null,
                    new ActionDecided.Assignee(ActionDecided.AssigneeType.TEAM, teamId), reason);
        }

        ActionDecided toEvent(MessageClassified cause, int index, Instant decidedAt) {
            return new ActionDecided(
                    ActionDecided.SCHEMA_VERSION,
                    ActionDecided.idFor(cause.eventId(), index),
                    cause.eventId(),
                    cause.appId(),
                    cause.conversationId(),
                    decidedAt,
                    type,
                    body,
                    assignee,
                    reason);
        }
    }
}
