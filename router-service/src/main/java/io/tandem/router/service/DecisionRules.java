package io.tandem.router.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.ActionDecided.Assignee;
import io.tandem.contracts.ConversationEvent;
import io.tandem.contracts.ConversationEvent.Kind;
import io.tandem.contracts.ConversationEvent.Owner;
import io.tandem.contracts.MessageClassified;
import io.tandem.contracts.MessageClassified.Classification;
import io.tandem.contracts.MessageClassified.NodeMatch;
import io.tandem.contracts.MessageClassified.NodeRef;
import io.tandem.contracts.Response;
import io.tandem.router.Backup;
import io.tandem.router.ConversationState;
import io.tandem.router.ConversationState.Line;
import io.tandem.router.ConversationState.Pending;
import io.tandem.router.ConversationState.Suggestion;
import io.tandem.router.Decision;
import io.tandem.router.Integration;
import io.tandem.router.Outcome;
import io.tandem.router.RuleAction;
import io.tandem.router.Rules;

/**
 * What the assistant does about one event of a conversation, as a teammate the workspace configured: answer,
 * suggest, send on, escalate or stay out. Pure but for the agent availability it asks for on escalation: the
 * same event, settings and conversation state give the same decision. See the README for the rules in prose.
 */
@ApplicationScoped
public class DecisionRules {

    /** The prefix of a teammate's note command. */
    public static final String COMMAND = "/tandem";
    static final String DID_YOU_MEAN = "Did you mean:";
    static final String COMMAND_HELP = "Tandem understands these notes: \"/tandem <number>\" sends suggestion <number> "
            + "to the customer, \"/tandem take over\" hands the conversation to the assistant.";

    private static final Pattern COMMAND_PATTERN = Pattern.compile("^/tandem\\b\\s*(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("^#?(\\d{1,3})\\.?$");

    /** The decision and the conversation state after it. */
    public record Verdict(Decision decision, ConversationState next) {
    }

    public Verdict decide(MessageClassified message, Integration integration, Rules rules, ConversationState state,
            AgentAvailability availability, Instant decidedAt) {
        Turn turn = new Turn(message, integration, rules, track(message.event(), integration, state), availability);
        Plan plan = turn.plan();
        List<ActionDecided> actions = new ArrayList<>(plan.drafts.size());
        for (int index = 0; index < plan.drafts.size(); index++) {
            actions.add(plan.drafts.get(index).toEvent(message, index, plan.drafts.size(),
                    integration.assistantAdminId(), decidedAt));
        }
        Decision decision = new Decision(message.eventId(), plan.outcome, plan.reason, plan.rule, plan.node,
                plan.confidence, turn.ownerDescription(), plan.goal, actions);
        return new Verdict(decision, plan.next);
    }

    /** Who owns the conversation after the event, and what the transcript holds. */
    static ConversationState track(ConversationEvent event, Integration integration, ConversationState state) {
        Owner owner = event.owner();
        ConversationState next = state.withOwner(owner);
        String text = event.part() == null ? "" : event.part().text();
        if (event.authoredByTandem()) {
            return event.kind() == Kind.ADMIN_REPLIED ? next.withLine(Line.ASSISTANT, text) : next;
        }
        if (event.carriesCustomerMessage()) {
            next = next.withLine(Line.CUSTOMER, text);
        }
        switch (event.kind()) {
            case ASSIGNED -> {
                if (integration.isAssistant(owner.adminId())) {
                    next = next.withHumanOwner(null);
                } else if (owner.adminId() != null) {
                    next = next.withHumanOwner("assigned to teammate " + owner.adminId());
                } else if (owner.teamId() != null && !integration.inMonitoredInbox(owner)) {
                    next = next.withHumanOwner("assigned to team " + owner.teamId());
                }
            }
            case ADMIN_REPLIED -> next = next.withHumanOwner("teammate " + authorId(event) + " replied");
            case CLOSED -> next = next.withPending(null).withActiveBranch(null);
            default -> {
                // a human admin owning the conversation silences the assistant, however the router learnt of it
                if (owner.adminId() != null && !integration.isAssistant(owner.adminId())
                        && state.humanOwner() == null) {
                    next = next.withHumanOwner("assigned to teammate " + owner.adminId());
                }
            }
        }
        return next;
    }

    private static String authorId(ConversationEvent event) {
        return event.part() == null || event.part().author() == null ? "?" : event.part().author().id();
    }

    /** One event being decided. */
    private static final class Turn {

        private final MessageClassified message;
        private final ConversationEvent event;
        private final Classification classification;
        private final Integration integration;
        private final Rules rules;
        private final ConversationState state;
        private final AgentAvailability availability;

        Turn(MessageClassified message, Integration integration, Rules rules, ConversationState state,
                AgentAvailability availability) {
            this.message = message;
            this.event = message.event();
            this.classification = message.classification();
            this.integration = integration;
            this.rules = rules;
            this.state = state;
            this.availability = availability;
        }

        String ownerDescription() {
            if (state.humanOwner() != null) {
                return "human: " + state.humanOwner();
            }
            Owner owner = state.owner();
            if (integration.isAssistant(owner.adminId())) {
                return "assistant (teammate " + owner.adminId() + ")";
            }
            if (owner.adminId() != null) {
                return "teammate " + owner.adminId();
            }
            String inbox = owner.teamId() == null ? "Unassigned inbox" : "team " + owner.teamId() + " inbox";
            return integration.monitoring() && integration.inMonitoredInbox(owner) ? "monitored " + inbox : inbox;
        }

        Plan plan() {
            if (event.authoredByTandem()) {
                return Plan.tracked(state, "Tandem's own part: never acted on");
            }
            if (event.kind() == Kind.ADMIN_NOTED && isAdmin(event)) {
                Matcher command = COMMAND_PATTERN.matcher(event.part() == null ? "" : event.part().text().strip());
                if (command.matches()) {
                    return noteCommand(command.group(1).strip().toLowerCase(Locale.ROOT));
                }
            }
            if (event.kind() == Kind.ASSIGNED && integration.isAssistant(event.owner().adminId())) {
                return assignedToAssistant();
            }
            if (!event.carriesCustomerMessage()) {
                return Plan.tracked(state, describe(event.kind()) + (state.humanOwner() == null ? ""
                        : "; a human owns the conversation (" + state.humanOwner() + ")"));
            }
            return customerMessage();
        }

        private Plan customerMessage() {
            if (state.humanOwner() != null) {
                return new Plan(Outcome.SILENT, "a human owns the conversation (" + state.humanOwner() + ")",
                        "silence while a human owns the conversation", state);
            }
            boolean assistantOwns = integration.isAssistant(state.owner().adminId());
            if (!assistantOwns) {
                if (!integration.monitoring()) {
                    return new Plan(Outcome.NOTHING, "not assigned to the assistant and monitoring is off"
                            + (integration.dialogReady() ? "" : " (the dialog skill is not ready)"),
                            "integration: monitoring off", state);
                }
                if (!integration.inMonitoredInbox(state.owner())) {
                    return new Plan(Outcome.NOTHING, "not in the monitored inbox ("
                            + integration.monitoredInbox() + ")", "integration: monitored inbox", state);
                }
            }
            if (classification == null) {
                return new Plan(Outcome.NOTHING, "no skill classified the message", null, state);
            }
            Pending pending = state.pending();
            ConversationState current = state;
            if (pending != null && pending.kind() == Pending.Kind.CUSTOMER_CHOICE) {
                Optional<Integer> choice = choice(classification.text(), pending.suggestions());
                current = state.withPending(null);
                if (choice.isPresent()) {
                    Suggestion chosen = pending.suggestions().get(choice.get() - 1);
                    return answer(current, chosen.responses(), chosen.node(), chosen.confidence(),
                            "the customer chose " + choice.get() + " (" + chosen.label() + ") of the \"did you mean\" list",
                            "did you mean", false);
                }
            }
            NodeRef branch = classification.branch();
            String node = branch == null ? null : branch.key();
            double confidence = confidenceOf(node);
            if (classification.connectToAgent() != null
                    || classification.nodesVisited().stream().anyMatch(MessageClassified.VisitedNode::connectToAgent)) {
                return escalate(current, node, confidence, "the dialog reached a connect-to-agent response"
                        + (node == null ? "" : " in '" + node + "'"), "connect to agent");
            }
            if (classification.continuedBranch() && current.activeBranch() != null
                    && (node == null || node.equals(current.activeBranch()))) {
                String running = node == null ? current.activeBranch() : node;
                return answer(current, classification.responses(), running, confidence,
                        "the customer's reply continues branch '" + running + "' the assistant is running",
                        "continue branch", classification.awaitingInput());
            }
            if (confidence < integration.threshold()) {
                String below = "confidence " + format(confidence) + " is below the threshold "
                        + format(integration.threshold());
                if (assistantOwns) {
                    return escalate(current, node, confidence, below + " in a conversation assigned to the assistant",
                            "threshold");
                }
                return new Plan(Outcome.NOTHING, below + " in the monitored inbox", "threshold", current)
                        .about(node, confidence);
            }
            RuleAction action = rules.actionFor(node);
            String rule = rules.hasActionRule(node) ? "action rule " + action + " for '" + node + "'"
                    : "no action rule" + (node == null ? "" : " for '" + node + "'") + ": answer when confident";
            String atOrAbove = "confidence " + format(confidence) + " ≥ " + format(integration.threshold());
            List<Suggestion> candidates = confidentMatches();
            return switch (action) {
                case DO_NOTHING -> new Plan(Outcome.NOTHING, atOrAbove + "; the rule says do nothing", rule, current)
                        .about(node, confidence);
                case ANSWER -> candidates.size() > 1
                        ? clarify(current, candidates, node, confidence, atOrAbove + "; "
                                + candidates.size() + " topics match: asking the customer which", rule)
                        : answer(current, classification.responses(), node, confidence, atOrAbove, rule,
                                classification.awaitingInput());
                case SUGGEST -> suggest(current, candidates, node, confidence, atOrAbove, rule);
                case SEND -> send(current, node, confidence, atOrAbove, rule);
            };
        }

        private Plan answer(ConversationState current, List<Response> responses, String node, double confidence,
                String reason, String rule, boolean awaitingInput) {
            if (responses.stream().allMatch(response -> Response.PAUSE.equals(response.type()))) {
                return new Plan(Outcome.NOTHING, reason + "; the node has no response to send", rule, current)
                        .about(node, confidence);
            }
            Plan plan = new Plan(Outcome.ANSWERED, reason + "; answering", rule,
                    current.withActiveBranch(awaitingInput ? node : null)).about(node, confidence);
            plan.drafts.add(Draft.reply(responses, plan.reason));
            return plan;
        }

        private Plan clarify(ConversationState current, List<Suggestion> candidates, String node, double confidence,
                String reason, String rule) {
            Plan plan = new Plan(Outcome.CLARIFIED, reason, rule, current.withActiveBranch(null)
                    .withPending(new Pending(Pending.Kind.CUSTOMER_CHOICE, candidates))).about(node, confidence);
            List<Response.Option> options = candidates.stream()
                    .map(candidate -> new Response.Option(candidate.label(), candidate.label()))
                    .toList();
            plan.drafts.add(Draft.reply(List.of(Response.option(DID_YOU_MEAN, null, options, null)), reason));
            return plan;
        }

        private Plan suggest(ConversationState current, List<Suggestion> candidates, String node, double confidence,
                String reason, String rule) {
            Backup backup = rules.backupFor(node);
            List<Suggestion> suggestions = candidates.size() > 1 ? candidates
                    : List.of(suggestionFor(node, confidence, classification.responses()));
            StringBuilder note = new StringBuilder();
            if (suggestions.size() > 1) {
                note.append("Tandem found several possible answers (").append(reason).append("):\n");
                for (int i = 0; i < suggestions.size(); i++) {
                    Suggestion suggestion = suggestions.get(i);
                    note.append(i + 1).append(". ").append(suggestion.label()).append(" (")
                            .append(format(suggestion.confidence())).append("): ")
                            .append(ResponseText.of(suggestion.responses())).append('\n');
                }
                note.append("Note \"/tandem <number>\" to send one to the customer, or assign the conversation to ")
                        .append("Tandem to let it ask the customer which they meant.");
            } else if (suggestions.get(0).hasChildren()) {
                Suggestion only = suggestions.get(0);
                note.append("Tandem can take this conversation over: it matches '").append(only.label())
                        .append("' (").append(reason).append("), a topic the assistant can carry on with.\n")
                        .append("It would answer: ").append(ResponseText.of(only.responses())).append('\n')
                        .append("Assign the conversation to Tandem or note \"/tandem take over\" to let it take over.");
            } else {
                Suggestion only = suggestions.get(0);
                note.append("Suggested answer for '").append(only.label()).append("' (").append(reason)
                        .append("):\n").append(ResponseText.of(only.responses())).append('\n')
                        .append("Note \"/tandem 1\" to send it to the customer.");
            }
            String handedTo = describe(backup);
            Plan plan = new Plan(Outcome.SUGGESTED, reason + "; suggesting to " + handedTo, rule,
                    current.withHumanOwner("handed over to " + handedTo + " with a suggestion")
                            .withPending(new Pending(Pending.Kind.TEAMMATE_DECISION, suggestions)))
                    .about(node, confidence);
            plan.drafts.add(Draft.note(note.toString(), plan.reason));
            plan.drafts.add(Draft.assign(backup == null ? Assignee.UNASSIGNED : backup.toAssignee(), plan.reason));
            return plan;
        }

        private Plan send(ConversationState current, String node, double confidence, String reason, String rule) {
            Backup backup = rules.backupFor(node);
            String goal = goal(node);
            String handedTo = describe(backup);
            Plan plan = new Plan(Outcome.SENT, reason + "; sending to " + handedTo, rule,
                    current.withHumanOwner("sent to " + handedTo).withPending(null)).about(node, confidence);
            plan.goal = goal;
            plan.drafts.add(Draft.note("Tandem sends you this conversation. The customer's goal: "
                    + (goal == null ? "not known" : goal) + " (" + reason + ").", plan.reason));
            plan.drafts.add(Draft.assign(backup == null ? Assignee.UNASSIGNED : backup.toAssignee(), plan.reason));
            return plan;
        }

        private Plan escalate(ConversationState current, String node, double confidence, String why, String rule) {
            Backup backup = rules.backupFor(node);
            String handedTo = describe(backup);
            Response connect = classification.connectToAgent();
            Optional<Boolean> available = availability.someoneAvailable(message.appId(), backup,
                    integration.assistantAdminId());
            String reason = why + "; escalating to " + handedTo + (available.isEmpty()
                    ? " (whether someone is available could not be told)"
                    : available.get() ? " (someone is available)" : " (everyone is away)");
            String goal = goal(node);
            Plan plan = new Plan(Outcome.ESCALATED, reason, rule,
                    current.withHumanOwner("escalated to " + handedTo).withPending(null)).about(node, confidence);
            plan.goal = goal;
            if (connect != null) {
                String toCustomer = available.orElse(false) ? connect.agentAvailable() : connect.agentUnavailable();
                if (toCustomer != null && !toCustomer.isBlank()) {
                    plan.drafts.add(Draft.reply(List.of(Response.text(toCustomer)), reason));
                }
            }
            StringBuilder note = new StringBuilder("Tandem hands this conversation over to you: ").append(why)
                    .append(".\n");
            if (connect != null && connect.messageToHumanAgent() != null && !connect.messageToHumanAgent().isBlank()) {
                note.append("Message for you: ").append(connect.messageToHumanAgent().strip()).append('\n');
            }
            note.append("The customer's goal: ").append(goal == null ? "not known" : goal).append('\n')
                    .append("Transcript:");
            for (Line line : current.transcript()) {
                note.append('\n').append(line.who()).append(": ").append(line.text());
            }
            plan.drafts.add(Draft.note(note.toString(), reason));
            plan.drafts.add(Draft.assign(backup == null ? Assignee.UNASSIGNED : backup.toAssignee(), reason));
            return plan;
        }

        /** A teammate assigned the conversation to the assistant: it takes over what it had suggested. */
        private Plan assignedToAssistant() {
            return takeOver(false, "assigned to the assistant by " + (isAdmin(event)
                    ? "teammate " + authorId(event) : "a workflow"));
        }

        private Plan takeOver(boolean assign, String why) {
            Pending pending = state.pending();
            ConversationState current = state.withHumanOwner(null).withPending(null);
            Plan plan;
            if (pending == null || pending.kind() != Pending.Kind.TEAMMATE_DECISION) {
                plan = new Plan(assign ? Outcome.TAKEN_OVER : Outcome.TRACKED,
                        why + ": the assistant acts on the customer's next message", "take over", current);
            } else if (pending.suggestions().size() == 1) {
                Suggestion only = pending.suggestions().get(0);
                plan = new Plan(Outcome.TAKEN_OVER, why + ": taking over '" + only.node() + "'", "take over",
                        current.withActiveBranch(only.hasChildren() ? only.node() : null))
                        .about(only.node(), only.confidence());
            } else {
                plan = new Plan(Outcome.TAKEN_OVER, why + ": asking the customer which topic they meant",
                        "take over", current.withPending(new Pending(Pending.Kind.CUSTOMER_CHOICE,
                                pending.suggestions())));
            }
            if (assign) {
                plan.drafts.add(Draft.assign(Assignee.admin(integration.assistantAdminId()), plan.reason));
            }
            if (pending != null && pending.kind() == Pending.Kind.TEAMMATE_DECISION) {
                if (pending.suggestions().size() == 1) {
                    plan.drafts.add(Draft.reply(pending.suggestions().get(0).responses(), plan.reason));
                } else {
                    List<Response.Option> options = pending.suggestions().stream()
                            .map(suggestion -> new Response.Option(suggestion.label(), suggestion.label()))
                            .toList();
                    plan.drafts.add(Draft.reply(List.of(Response.option(DID_YOU_MEAN, null, options, null)),
                            plan.reason));
                }
            }
            return plan;
        }

        private Plan noteCommand(String argument) {
            String who = "teammate " + authorId(event);
            if (integration.assistantAdminId() == null) {
                return Plan.tracked(state, "note command by " + who + " ignored: no assistant admin is configured");
            }
            Matcher number = NUMBER.matcher(argument);
            if (number.matches()) {
                int picked = Integer.parseInt(number.group(1));
                Pending pending = state.pending();
                if (pending == null || pending.kind() != Pending.Kind.TEAMMATE_DECISION) {
                    return rejected(who, "There is no Tandem suggestion to pick in this conversation.");
                }
                if (picked < 1 || picked > pending.suggestions().size()) {
                    return rejected(who, "Pick a suggestion between 1 and " + pending.suggestions().size() + ".");
                }
                Suggestion chosen = pending.suggestions().get(picked - 1);
                Plan plan = new Plan(Outcome.PICKED, who + " picked suggestion " + picked + " ('" + chosen.label()
                        + "') with a note command", "note command /tandem " + picked, state.withPending(null))
                        .about(chosen.node(), chosen.confidence());
                plan.drafts.add(Draft.reply(chosen.responses(), plan.reason));
                return plan;
            }
            if (argument.equals("take over") || argument.equals("takeover")) {
                return takeOver(true, who + " handed the conversation to the assistant with a note command");
            }
            return rejected(who, "Tandem did not understand \"" + COMMAND + (argument.isEmpty() ? "" : " " + argument)
                    + "\". " + COMMAND_HELP);
        }

        private Plan rejected(String who, String answer) {
            Plan plan = new Plan(Outcome.COMMAND_REJECTED, "note command by " + who + " not carried out: " + answer,
                    "note command", state);
            plan.drafts.add(Draft.note(answer, plan.reason));
            return plan;
        }

        /** Root nodes matched at or above the threshold, one per node, by descending confidence. */
        private List<Suggestion> confidentMatches() {
            Map<String, Suggestion> byNode = new LinkedHashMap<>();
            for (NodeMatch match : classification.matchedRootNodes()) {
                if (match.confidence() >= integration.threshold() && match.node() != null) {
                    byNode.putIfAbsent(match.node().key(), new Suggestion(match.node().key(), label(match.node()),
                            match.confidence(), match.hasChildren(), match.response()));
                }
            }
            return List.copyOf(byNode.values());
        }

        private Suggestion suggestionFor(String node, double confidence, List<Response> responses) {
            boolean hasChildren = matchOf(node).map(NodeMatch::hasChildren).orElse(false);
            NodeRef branch = classification.branch();
            String label = branch == null ? "the dialog's answer" : label(branch);
            return new Suggestion(node, label, confidence, hasChildren, responses);
        }

        private double confidenceOf(String node) {
            return matchOf(node).map(NodeMatch::confidence).orElse(classification.topConfidence());
        }

        private Optional<NodeMatch> matchOf(String node) {
            if (node == null) {
                return Optional.empty();
            }
            return classification.matchedRootNodes().stream()
                    .filter(match -> match.node() != null && node.equals(match.node().key()))
                    .findFirst();
        }

        private String goal(String node) {
            if (classification.goal() != null && !classification.goal().isBlank()) {
                return classification.goal();
            }
            NodeRef branch = classification.branch();
            return branch != null && branch.userLabel() != null && !branch.userLabel().isBlank()
                    ? branch.userLabel() : null;
        }
    }

    /** 1-based index of the customer's choice: its number, or a candidate's label. */
    static Optional<Integer> choice(String text, List<Suggestion> candidates) {
        String answer = text == null ? "" : text.strip();
        Matcher number = NUMBER.matcher(answer);
        if (number.matches()) {
            int picked = Integer.parseInt(number.group(1));
            return picked >= 1 && picked <= candidates.size() ? Optional.of(picked) : Optional.empty();
        }
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).label().equalsIgnoreCase(answer)) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    static String label(NodeRef node) {
        if (node.userLabel() != null && !node.userLabel().isBlank()) {
            return node.userLabel();
        }
        return node.key();
    }

    private static boolean isAdmin(ConversationEvent event) {
        return event.part() != null && event.part().author() != null && "admin".equals(event.part().author().type());
    }

    private static String describe(Backup backup) {
        return backup == null ? "the Unassigned inbox" : backup.describe();
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case ASSIGNED -> "the conversation was assigned";
            case ADMIN_REPLIED -> "a teammate replied";
            case ADMIN_NOTED -> "a teammate left a note";
            case CLOSED -> "the conversation was closed";
            case OPENED -> "the conversation was opened";
            case SNOOZED -> "the conversation was snoozed";
            case OPERATOR_REPLIED -> "another bot replied";
            case CONVERSATION_STARTED, CUSTOMER_REPLIED -> "a customer event without a message";
        };
    }

    static String format(double confidence) {
        return String.format(Locale.ROOT, "%.2f", confidence);
    }

    /** The decision being built. */
    private static final class Plan {

        final Outcome outcome;
        final String reason;
        final String rule;
        final ConversationState next;
        final List<Draft> drafts = new ArrayList<>();
        String node;
        Double confidence;
        String goal;

        Plan(Outcome outcome, String reason, String rule, ConversationState next) {
            this.outcome = outcome;
            this.reason = reason;
            this.rule = rule;
            this.next = next;
        }

        static Plan tracked(ConversationState next, String reason) {
            return new Plan(Outcome.TRACKED, reason, null, next);
        }

        Plan about(String aboutNode, double aboutConfidence) {
            this.node = aboutNode;
            this.confidence = aboutConfidence;
            return this;
        }
    }

    /** An action before it gets its event id and position. */
    private record Draft(ActionDecided.Type type, List<Response> responses, String body, Assignee assignee,
            String reason) {

        static Draft reply(List<Response> responses, String reason) {
            return new Draft(ActionDecided.Type.REPLY, responses, null, null, reason);
        }

        static Draft note(String body, String reason) {
            return new Draft(ActionDecided.Type.NOTE, List.of(), body, null, reason);
        }

        static Draft assign(Assignee assignee, String reason) {
            return new Draft(ActionDecided.Type.ASSIGN, List.of(), null, assignee, reason);
        }

        ActionDecided toEvent(MessageClassified cause, int index, int count, String adminId, Instant decidedAt) {
            return new ActionDecided(ActionDecided.SCHEMA_VERSION, ActionDecided.idFor(cause.eventId(), index),
                    cause.eventId(), cause.appId(), cause.conversationId(), decidedAt, index, count, type, adminId,
                    responses, body, assignee, reason);
        }
    }
}
