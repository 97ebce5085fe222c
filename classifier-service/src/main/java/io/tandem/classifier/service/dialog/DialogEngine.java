package io.tandem.classifier.service.dialog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.jboss.logging.Logger;

import io.tandem.classifier.service.dialog.DialogState.Draft;
import io.tandem.classifier.service.dialog.DialogState.Kind;
import io.tandem.classifier.service.dialog.DialogState.Waiting;
import io.tandem.classifier.service.expression.EvaluationException;
import io.tandem.classifier.service.expression.EvaluationScope;
import io.tandem.classifier.service.expression.Expression;
import io.tandem.classifier.service.expression.ExpressionEvaluator;
import io.tandem.classifier.service.expression.Templates.Template;
import io.tandem.contracts.MessageClassified.EntityMatch;
import io.tandem.contracts.MessageClassified.IntentScore;
import io.tandem.contracts.MessageClassified.NodeMatch;
import io.tandem.contracts.MessageClassified.NodeRef;
import io.tandem.contracts.MessageClassified.VisitedNode;
import io.tandem.contracts.Response;

/**
 * Runs one dialog turn as Watson Assistant's dialog runtime does. Where the previous turn left the dialog decides
 * what answers the message: the children of the node that asked, the nodes a {@code jump_to ... user_input}
 * named, or the slots of a frame being filled; when none of them does, the root nodes are tried (a digression),
 * and a root node that {@code returns} brings the dialog back to the interrupted flow once its branch ends.
 * Visiting a node applies its context, renders its response (or its first {@code response_condition} that holds)
 * and follows its {@code next_step}; a node with children then waits for the customer.
 */
public final class DialogEngine {

    private static final Logger LOG = Logger.getLogger(DialogEngine.class);
    /** Guards against jump cycles in a skill. */
    private static final int MAX_NODES_PER_TURN = 50;

    private final DialogTree tree;
    private final EvaluationScope scope;
    private final Draft state;
    private final ResponseRenderer renderer;
    private final List<VisitedNode> visited = new ArrayList<>();
    private final List<Response> responses = new ArrayList<>();
    private Response connectToAgent;
    private DialogNode lastNode;
    private boolean continued;
    /** Whether the branch being run was entered by a digression that returns to the interrupted flow. */
    private boolean returnsAfterBranch;

    private DialogEngine(DialogTree tree, EvaluationScope scope, DialogState state, String seed) {
        this.tree = tree;
        this.scope = scope;
        this.state = state.draft();
        this.renderer = new ResponseRenderer(this.state.variations, seed);
        this.returnsAfterBranch = !state.returns().isEmpty();
    }

    /**
     * Runs a turn; the context variables in {@code scope} are updated in place.
     *
     * @param seed varies random response selection; the same seed (the event id) selects the same variation
     */
    public static DialogTurn run(DialogTree tree, EvaluationScope scope, DialogState state, String seed) {
        List<NodeMatch> matched = matchedRootNodes(tree, scope, state, seed);
        DialogEngine engine = new DialogEngine(tree, scope, state, seed);
        boolean choseOption = state.options().stream().anyMatch(option -> option.equalsIgnoreCase(
                scope.inputText().strip()));
        engine.answer(state.waiting());
        DialogState after = engine.state.done();
        return new DialogTurn(matched, List.copyOf(engine.visited), List.copyOf(engine.responses),
                engine.branch(after), engine.continued || choseOption, after.waiting() != null,
                engine.connectToAgent, after);
    }

    private void answer(Waiting waiting) {
        if (waiting == null) {
            firstMatch(tree.roots(), node -> true).ifPresentOrElse(this::visit, this::endBranch);
            return;
        }
        state.waiting = null;
        Optional<DialogNode> asker = tree.node(waiting.nodeId());
        if (asker.isEmpty()) {
            // the skill changed under the conversation; start over at root level
            answer(null);
            return;
        }
        switch (waiting.kind()) {
            case SLOTS -> new SlotFilling(asker.get()).continueFilling(waiting);
            case CHILDREN -> answerFrom(tree.children(waiting.nodeId()), waiting);
            case FROM_NODE -> answerFrom(tree.fromSibling(asker.get()), waiting);
        }
    }

    private void answerFrom(List<DialogNode> candidates, Waiting waiting) {
        Optional<DialogNode> answer = firstMatch(candidates, DialogNode::isChildCandidate);
        if (answer.isPresent()) {
            continued = true;
            visit(answer.get());
            return;
        }
        DialogNode asker = tree.node(waiting.askedBy()).orElse(tree.node(waiting.nodeId()).orElseThrow());
        // digress_out: allow_all (the default) and allow_all_never_return reach any root node open to
        // digressions, allow_returning only those that return; digress_in not_available closes a root node to them
        boolean onlyReturning = "allow_returning".equals(asker.digressOut());
        Predicate<DialogNode> allowed = node -> !"not_available".equals(tree.digressIn(node))
                && (!onlyReturning || "returns".equals(tree.digressIn(node)));
        if (firstMatch(tree.roots(), allowed).isEmpty() && firstMatch(tree.roots(), node -> true).isPresent()) {
            // the message is for a node the flow may not digress to: the question stands and is asked again
            askAgain(asker, waiting);
            return;
        }
        digress(waiting, !"allow_all_never_return".equals(asker.digressOut()), allowed);
    }

    private void askAgain(DialogNode asker, Waiting waiting) {
        if (budgetLeft(asker)) {
            NodeOutput output = respond(asker, scope);
            record(asker, output.connectsToAgent());
        }
        state.waiting = waiting;
    }

    /**
     * Leaves the flow that waited for the message for the first root node whose condition holds. If that node
     * returns, the interrupted flow is resumed when its branch ends.
     *
     * @return false when no root node answers
     */
    private boolean digress(Waiting interrupted, boolean mayReturn, Predicate<DialogNode> allowed) {
        Optional<DialogNode> root = firstMatch(tree.roots(), allowed);
        if (root.isEmpty()) {
            endBranch();
            return false;
        }
        if (mayReturn && "returns".equals(tree.digressIn(root.get()))) {
            state.returns.add(interrupted);
            returnsAfterBranch = true;
        } else {
            state.returns.clear();
            returnsAfterBranch = false;
        }
        visit(root.get());
        return true;
    }

    /** The first candidate (folders entered when their condition holds) whose condition holds. */
    private Optional<DialogNode> firstMatch(List<DialogNode> candidates, Predicate<DialogNode> allowed) {
        for (DialogNode node : candidates) {
            if (node.disabled()) {
                continue;
            }
            if (node.isFolder()) {
                if (node.condition() == null || holds(node.condition(), node.id())) {
                    Optional<DialogNode> inFolder = firstMatch(tree.children(node.id()), allowed);
                    if (inFolder.isPresent()) {
                        return inFolder;
                    }
                }
            } else if (node.isFlowNode() && node.condition() != null && allowed.test(node)
                    && holds(node.condition(), node.id())) {
                return Optional.of(node);
            }
        }
        return Optional.empty();
    }

    private boolean holds(Expression condition, String nodeId) {
        return holds(condition, nodeId, scope);
    }

    private static boolean holds(Expression condition, String nodeId, EvaluationScope scope) {
        if (condition == null) {
            return true;
        }
        try {
            return ExpressionEvaluator.test(condition, scope);
        } catch (EvaluationException e) {
            // as in Watson Assistant, a condition that fails to evaluate is false
            LOG.debugf("condition of dialog node %s not evaluated: %s", nodeId, e.getMessage());
            return false;
        }
    }

    private boolean budgetLeft(DialogNode node) {
        if (visited.size() >= MAX_NODES_PER_TURN) {
            LOG.warnf("dialog turn stopped after %d nodes at %s (jump cycle?)", MAX_NODES_PER_TURN, node.id());
            return false;
        }
        return true;
    }

    private void visit(DialogNode node) {
        if (!budgetLeft(node)) {
            return;
        }
        if (node.isFrame()) {
            record(node, false);
            new SlotFilling(node).enter();
            return;
        }
        applyContext(node);
        NodeOutput output = respond(node, scope);
        record(node, output.connectsToAgent());
        after(node);
    }

    private void record(DialogNode node, boolean connectsToAgent) {
        visited.add(new VisitedNode(node.id(), node.title(), connectsToAgent));
        lastNode = node;
        if (node.userLabel() != null && !node.userLabel().isBlank()) {
            // a node with an external name stands for something the customer wants done
            state.goal = node.userLabel();
        }
    }

    /** Renders the node's response, or that of its first response condition that holds, applying its context. */
    private NodeOutput respond(DialogNode node, EvaluationScope in) {
        NodeOutput output = chooseOutput(tree, node, in, true);
        render(node, output, in);
        return output;
    }

    /** The node's own output, or its first response condition's (whose context is applied when apply is set). */
    private static NodeOutput chooseOutput(DialogTree tree, DialogNode node, EvaluationScope in, boolean apply) {
        List<DialogNode> conditions = tree.children(node.id()).stream()
                .filter(child -> child.isResponseCondition() && !child.disabled())
                .toList();
        if (conditions.isEmpty()) {
            return node.output();
        }
        for (DialogNode candidate : conditions) {
            if (holds(candidate.condition(), candidate.id(), in)) {
                if (apply) {
                    applyContext(candidate, in);
                }
                return candidate.output();
            }
        }
        return NodeOutput.NONE;
    }

    private void render(DialogNode node, NodeOutput output, EvaluationScope in) {
        for (Response response : renderer.render(node.id(), output, in, true)) {
            responses.add(response);
            if (Response.CONNECT_TO_AGENT.equals(response.type())) {
                connectToAgent = response;
            }
            if (Response.OPTION.equals(response.type())) {
                response.options().forEach(option -> state.options.add(option.value()));
            }
        }
    }

    /** What follows a node's response: its next_step, else waiting for its children, else the branch ends. */
    private void after(DialogNode node) {
        NextStep next = node.nextStep();
        if (next != null && next.isJump()) {
            Optional<DialogNode> target = tree.node(next.dialogNode());
            if (target.isEmpty()) {
                endBranch();
                return;
            }
            switch (next.selector() == null ? "user_input" : next.selector()) {
                case "body" -> visit(target.get());
                case "condition" -> firstMatch(tree.fromSibling(target.get()), DialogNode::isChildCandidate)
                        .or(() -> firstMatch(tree.roots(), candidate -> true))
                        .ifPresentOrElse(this::visit, this::endBranch);
                default -> state.waiting = new Waiting(Kind.FROM_NODE, target.get().id(), node.id());
            }
            return;
        }
        if (next != null && next.is("skip_user_input")) {
            firstMatch(tree.children(node.id()), DialogNode::isChildCandidate)
                    .ifPresentOrElse(this::visit, this::endBranch);
            return;
        }
        if (!tree.flowChildren(node.id()).isEmpty()) {
            state.waiting = new Waiting(Kind.CHILDREN, node.id(), node.id());
            return;
        }
        endBranch();
    }

    /** The branch is done: a digression that returns goes back to the flow it interrupted. */
    private void endBranch() {
        if (!returnsAfterBranch || state.returns.isEmpty() || state.waiting != null) {
            return;
        }
        Waiting resumed = state.returns.remove(state.returns.size() - 1);
        returnsAfterBranch = !state.returns.isEmpty();
        Optional<DialogNode> asker = tree.node(resumed.nodeId());
        if (asker.isEmpty()) {
            return;
        }
        if (resumed.kind() == Kind.SLOTS) {
            new SlotFilling(asker.get()).promptOrComplete(scope.returning());
            return;
        }
        DialogNode shownAgain = tree.node(resumed.askedBy()).orElse(asker.get());
        if (budgetLeft(shownAgain)) {
            NodeOutput output = respond(shownAgain, scope.returning());
            record(shownAgain, output.connectsToAgent());
        }
        state.waiting = resumed;
    }

    private void applyContext(DialogNode node) {
        applyContext(node, scope);
    }

    private static void applyContext(DialogNode node, EvaluationScope in) {
        node.context().forEach((name, compiled) -> {
            Object value = ContextValues.evaluate(compiled, in);
            if (value == null) {
                in.context().remove(name);
            } else {
                in.context().put(name, value);
            }
        });
    }

    private NodeRef branch(DialogState after) {
        if (after.waiting() != null) {
            return tree.node(after.waiting().nodeId()).map(node -> tree.branchRoot(node).ref()).orElse(null);
        }
        return lastNode == null ? null : tree.branchRoot(lastNode).ref();
    }

    /**
     * Every root node (folders looked through) whose condition holds for the message as the turn starts, with its
     * confidence and rendered response, by descending confidence; nothing is changed by looking.
     */
    static List<NodeMatch> matchedRootNodes(DialogTree tree, EvaluationScope scope, DialogState state,
            String seed) {
        ResponseRenderer lookahead = new ResponseRenderer(state.variations(), seed);
        List<NodeMatch> matches = new ArrayList<>();
        collectMatches(tree, tree.roots(), scope, lookahead, matches);
        matches.sort(Comparator.comparingDouble(NodeMatch::confidence).reversed());
        return matches;
    }

    private static void collectMatches(DialogTree tree, List<DialogNode> level, EvaluationScope scope,
            ResponseRenderer lookahead, List<NodeMatch> matches) {
        for (DialogNode node : level) {
            if (node.disabled()) {
                continue;
            }
            if (node.isFolder()) {
                if (holds(node.condition(), node.id(), scope)) {
                    collectMatches(tree, tree.children(node.id()), scope, lookahead, matches);
                }
            } else if (node.isFlowNode() && node.condition() != null && !isCatchAll(node.condition())
                    && holds(node.condition(), node.id(), scope)) {
                EvaluationScope detached = scope.detached();
                applyContext(node, detached);
                NodeOutput output = firstOutput(tree, node, detached);
                matches.add(new NodeMatch(node.ref(), confidence(node.condition(), scope.intents()),
                        tree.hasChildren(node), lookahead.render(node.id(), output, detached, false)));
            }
        }
    }

    /**
     * Whether the condition holds for any message ({@code anything_else}, {@code true}) or only marks the start
     * ({@code welcome}, {@code conversation_start}): such nodes are fallbacks, never a topic the customer could
     * have meant, so they take no part in disambiguation.
     */
    static boolean isCatchAll(Expression condition) {
        if (condition instanceof Expression.Identifier identifier) {
            return switch (identifier.name()) {
                case "anything_else", "welcome", "conversation_start" -> true;
                default -> false;
            };
        }
        return condition instanceof Expression.Literal literal && Boolean.TRUE.equals(literal.value());
    }

    /** The slot's prompt: its first focus handler with a response whose condition holds. */
    private static Optional<DialogNode> prompt(DialogTree tree, DialogNode slot, EvaluationScope in) {
        List<DialogNode> prompts = tree.children(slot.id()).stream()
                .filter(child -> child.isEventHandler() && "focus".equals(child.eventName()) && !child.disabled()
                        && !child.output().isEmpty())
                .toList();
        return prompts.stream().filter(child -> holds(child.condition(), child.id(), in)).findFirst()
                .or(() -> prompts.stream().findFirst());
    }

    /** What a root node would say first: its response, or for a frame the prompt of its first empty slot. */
    private static NodeOutput firstOutput(DialogTree tree, DialogNode node, EvaluationScope in) {
        if (node.isFrame()) {
            for (DialogNode slot : tree.children(node.id())) {
                if (slot.isSlot() && slot.variable() != null && in.context().get(slot.variable()) == null) {
                    Optional<DialogNode> prompt = prompt(tree, slot, in);
                    if (prompt.isPresent()) {
                        return prompt.get().output();
                    }
                }
            }
        }
        return chooseOutput(tree, node, in, true);
    }

    /** The confidence of the (best recognized) intent the condition names, or the top intent's. */
    static double confidence(Expression condition, List<IntentScore> intents) {
        List<String> named = new ArrayList<>();
        namedIntents(condition, named);
        double best = -1;
        for (IntentScore intent : intents) {
            if (named.contains(intent.intent())) {
                best = Math.max(best, intent.confidence());
            }
        }
        if (best >= 0) {
            return best;
        }
        return intents.isEmpty() ? 0 : intents.get(0).confidence();
    }

    private static void namedIntents(Expression expression, List<String> named) {
        if (expression instanceof Expression.IntentReference intent) {
            named.add(intent.intent());
        } else if (expression instanceof Expression.Logical logical) {
            namedIntents(logical.left(), named);
            namedIntents(logical.right(), named);
        } else if (expression instanceof Expression.Conditional conditional) {
            namedIntents(conditional.condition(), named);
        }
    }

    /** A slot the message gave a (new) value. */
    private record Filled(DialogNode slot, Object previous, Object current) {
    }

    /** Of overlapping entity mentions, only those not inside a larger one (of another entity). */
    static List<EntityMatch> largestSpans(List<EntityMatch> mentions) {
        List<EntityMatch> kept = new ArrayList<>();
        for (EntityMatch mention : mentions) {
            boolean inside = mentions.stream().anyMatch(other -> other != mention
                    && other.start() <= mention.start() && other.end() >= mention.end()
                    && other.end() - other.start() > mention.end() - mention.start());
            if (!inside) {
                kept.add(mention);
            }
        }
        return kept;
    }

    /** A frame node filling its slots, as Watson Assistant's dialog-slots describe it. */
    private final class SlotFilling {

        private final DialogNode frame;
        private final List<DialogNode> slots;

        SlotFilling(DialogNode frame) {
            this.frame = frame;
            this.slots = tree.children(frame.id()).stream().filter(node -> node.isSlot() && !node.disabled())
                    .toList();
        }

        /** The frame is reached: values in this very message fill slots, then the first empty slot is asked. */
        void enter() {
            List<Filled> filled = fill();
            if (!runFilledHandlers(filled)) {
                complete();
                return;
            }
            promptOrComplete(scope);
        }

        /** The customer answered while the frame waited. */
        void continueFilling(Waiting waiting) {
            record(frame, false);
            DialogNode focused = nextEmptySlot().orElse(null);
            List<Filled> filled = fill();
            if (!filled.isEmpty()) {
                continued = true;
                lastNode = frame;
                if (!runFilledHandlers(filled)) {
                    complete();
                    return;
                }
                promptOrComplete(scope);
                return;
            }
            Optional<DialogNode> handler = firstHandler(frame, "generic");
            if (handler.isPresent()) {
                continued = true;
                if (runHandler(handler.get())) {
                    promptOrComplete(scope);
                } else {
                    complete();
                }
                return;
            }
            String digressions = frame.digressOutSlots() == null ? "not_allowed" : frame.digressOutSlots();
            if (!"not_allowed".equals(digressions)) {
                boolean onlyReturning = "allow_returning".equals(digressions);
                // a digression from slots never targets the frame itself, a catch-all or a node closed to it
                Predicate<DialogNode> allowed = node -> !node.id().equals(frame.id()) && !node.anythingElse()
                        && !"not_available".equals(tree.digressIn(node))
                        && (!onlyReturning || "returns".equals(tree.digressIn(node)));
                if (firstMatchExists(allowed)) {
                    digress(waiting, true, allowed);
                    return;
                }
            }
            lastNode = frame;
            Optional<DialogNode> nomatch = focused == null ? Optional.empty() : firstHandler(focused, "nomatch");
            if (nomatch.isPresent()) {
                if (runHandler(nomatch.get())) {
                    state.waiting = new Waiting(Kind.SLOTS, frame.id(), frame.id());
                } else {
                    complete();
                }
                return;
            }
            promptOrComplete(scope);
        }

        private boolean firstMatchExists(Predicate<DialogNode> allowed) {
            return firstMatch(tree.roots(), allowed).isPresent();
        }

        /**
         * Fills every slot whose value the message holds. A slot already filled takes a new value the message
         * carries, as Watson Assistant replaces a slot's value whenever the customer gives another one before the
         * frame is left; a slot whose variable an earlier slot set in this turn is left alone. As in Watson's slot
         * logic, when mentions overlap only the one with the larger span counts ("June 3" is a date, not the
         * number 3).
         */
        private List<Filled> fill() {
            EvaluationScope slotScope = scope.withEntities(largestSpans(scope.entities()));
            List<Filled> filled = new ArrayList<>();
            Set<String> setNow = new HashSet<>();
            for (DialogNode slot : slots) {
                if (slot.variable() == null || setNow.contains(slot.variable())) {
                    continue;
                }
                Optional<DialogNode> input = tree.children(slot.id()).stream()
                        .filter(child -> child.isEventHandler() && "input".equals(child.eventName()))
                        .findFirst();
                Expression check = input.map(DialogNode::condition).orElse(slot.condition());
                if (check == null || !holds(check, slot.id(), slotScope)) {
                    continue;
                }
                Object previous = scope.context().get(slot.variable());
                if (previous != null) {
                    scope.context().remove(slot.variable());
                }
                input.ifPresent(handler -> applyContext(handler, slotScope));
                applyContext(slot, slotScope);
                if (scope.context().get(slot.variable()) == null) {
                    Object value = valueOf(check, slotScope);
                    if (value != null) {
                        scope.context().put(slot.variable(), value);
                    }
                }
                Object current = scope.context().get(slot.variable());
                if (current == null || sameValue(previous, current)) {
                    // nothing new for this slot: it keeps what it had
                    if (previous != null) {
                        scope.context().put(slot.variable(), previous);
                    }
                    continue;
                }
                setNow.add(slot.variable());
                filled.add(new Filled(slot, previous, current));
            }
            return filled;
        }

        private static boolean sameValue(Object previous, Object current) {
            return previous != null && String.valueOf(previous).equals(String.valueOf(current));
        }

        private Object valueOf(Expression check, EvaluationScope in) {
            try {
                Object value = ContextValues.evaluate(new Template(List.<Object>of(check)), in);
                return Boolean.TRUE.equals(value) ? in.inputText() : value;
            } catch (EvaluationException e) {
                return null;
            }
        }

        /** @return false when a handler skipped the remaining slots */
        private boolean runFilledHandlers(List<Filled> filled) {
            for (Filled slot : filled) {
                EvaluationScope in = scope.withSlotEvent(slot.previous(), slot.current());
                Optional<DialogNode> handler = firstHandler(slot.slot(), "filled", in);
                if (handler.isPresent()) {
                    NextStep next = handler.get().nextStep();
                    if (!runHandler(handler.get(), in)) {
                        return false;
                    }
                    if (next != null && next.is("reprompt")) {
                        // the value was rejected: ask for it again
                        scope.context().remove(slot.slot().variable());
                    }
                }
            }
            return true;
        }

        /** @return false when the handler skipped all slots */
        private boolean runHandler(DialogNode handler) {
            return runHandler(handler, scope);
        }

        private boolean runHandler(DialogNode handler, EvaluationScope in) {
            applyContext(handler, in);
            NodeOutput output = handler.output();
            render(handler, output, in);
            if (!output.isEmpty()) {
                record(handler, output.connectsToAgent());
            }
            NextStep next = handler.nextStep();
            return next == null || !next.is("skip_all_slots");
        }

        private Optional<DialogNode> firstHandler(DialogNode owner, String event) {
            return firstHandler(owner, event, scope);
        }

        private Optional<DialogNode> firstHandler(DialogNode owner, String event, EvaluationScope in) {
            return tree.children(owner.id()).stream()
                    .filter(child -> child.isEventHandler() && event.equals(child.eventName()) && !child.disabled())
                    .filter(child -> holds(child.condition(), child.id(), in))
                    .findFirst();
        }

        private Optional<DialogNode> nextEmptySlot() {
            return slots.stream()
                    .filter(slot -> slot.variable() != null && scope.context().get(slot.variable()) == null)
                    .filter(this::required)
                    .findFirst();
        }

        /** A slot with a prompt must be filled; one without is optional, filled only when mentioned. */
        private boolean required(DialogNode slot) {
            return prompt(tree, slot, scope).isPresent();
        }

        void promptOrComplete(EvaluationScope in) {
            Optional<DialogNode> empty = nextEmptySlot();
            if (empty.isEmpty()) {
                complete();
                return;
            }
            DialogNode focus = prompt(tree, empty.get(), in).orElseThrow();
            applyContext(focus, in);
            render(focus, focus.output(), in);
            lastNode = frame;
            state.waiting = new Waiting(Kind.SLOTS, frame.id(), frame.id());
        }

        /** Every slot is filled (or skipped): the frame's own response, then its next step or children. */
        private void complete() {
            applyContext(frame);
            NodeOutput output = respond(frame, scope);
            lastNode = frame;
            if (output.connectsToAgent()) {
                // the frame was recorded when reached; its response asks for a human
                visited.removeIf(node -> node.nodeId().equals(frame.id()));
                visited.add(new VisitedNode(frame.id(), frame.title(), true));
            }
            after(frame);
        }
    }
}
