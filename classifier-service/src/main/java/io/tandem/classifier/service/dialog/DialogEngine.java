package io.tandem.classifier.service.dialog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.tandem.classifier.service.dialog.NodeOutput.TextResponse;
import io.tandem.classifier.service.expression.EvaluationException;
import io.tandem.classifier.service.expression.EvaluationScope;
import io.tandem.classifier.service.expression.ExpressionEvaluator;
import io.tandem.classifier.service.expression.Templates.Template;
import io.tandem.contracts.MessageClassified.VisitedNode;

/**
 * Runs one dialog turn: the first root node (descending into folders) whose condition holds answers; its context
 * is applied, then its response (or its first response condition that holds) is rendered. {@code jump_to} with
 * selector {@code body} or {@code condition} and {@code skip_user_input} continue the turn; every turn starts at
 * root level, so child nodes are reached only through those.
 */
public final class DialogEngine {

    private static final Logger LOG = Logger.getLogger(DialogEngine.class);
    /** Guards against jump cycles in a skill. */
    private static final int MAX_NODES_PER_TURN = 20;

    private final DialogTree tree;
    private final EvaluationScope scope;
    private final List<VisitedNode> visited = new ArrayList<>();
    private final List<String> output = new ArrayList<>();

    private DialogEngine(DialogTree tree, EvaluationScope scope) {
        this.tree = tree;
        this.scope = scope;
    }

    /** Runs a turn; the context variables in {@code scope} are updated in place. */
    public static DialogTurn run(DialogTree tree, EvaluationScope scope) {
        DialogEngine engine = new DialogEngine(tree, scope);
        engine.firstMatch(tree.roots()).ifPresent(engine::visit);
        return new DialogTurn(List.copyOf(engine.visited), List.copyOf(engine.output));
    }

    private Optional<DialogNode> firstMatch(List<DialogNode> candidates) {
        for (DialogNode node : candidates) {
            if (node.disabled()) {
                continue;
            }
            if (node.isFolder()) {
                if (node.condition() == null || holds(node)) {
                    Optional<DialogNode> inFolder = firstMatch(tree.children(node.id()));
                    if (inFolder.isPresent()) {
                        return inFolder;
                    }
                }
            } else if (node.isFlowNode() && node.condition() != null && holds(node)) {
                return Optional.of(node);
            }
        }
        return Optional.empty();
    }

    private boolean holds(DialogNode node) {
        try {
            return ExpressionEvaluator.test(node.condition(), scope);
        } catch (EvaluationException e) {
            // as in Watson Assistant, a condition that fails to evaluate is false
            LOG.debugf("condition of dialog node %s not evaluated: %s", node.id(), e.getMessage());
            return false;
        }
    }

    private void visit(DialogNode node) {
        if (visited.size() >= MAX_NODES_PER_TURN) {
            LOG.warnf("dialog turn stopped after %d nodes at %s (jump cycle?)", MAX_NODES_PER_TURN, node.id());
            return;
        }
        applyContext(node);
        NodeOutput response = node.output();
        List<DialogNode> responseConditions = tree.children(node.id()).stream()
                .filter(child -> child.isResponseCondition() && !child.disabled())
                .toList();
        if (!responseConditions.isEmpty()) {
            response = NodeOutput.NONE;
            for (DialogNode candidate : responseConditions) {
                if (candidate.condition() == null || holds(candidate)) {
                    applyContext(candidate);
                    response = candidate.output();
                    break;
                }
            }
        }
        render(response);
        visited.add(new VisitedNode(node.id(), node.title(), response.connectToAgent()));
        continueAfter(node);
    }

    private void continueAfter(DialogNode node) {
        NextStep next = node.nextStep();
        if (next == null) {
            return;
        }
        if (next.isJump()) {
            DialogNode target = tree.node(next.dialogNode()).orElseThrow();
            if ("body".equals(next.selector())) {
                visit(target);
            } else if ("condition".equals(next.selector())) {
                firstMatch(tree.fromSibling(target)).ifPresent(this::visit);
            }
        } else if ("skip_user_input".equals(next.behavior())) {
            firstMatch(tree.children(node.id())).ifPresent(this::visit);
        }
    }

    private void applyContext(DialogNode node) {
        node.context().forEach((name, compiled) -> {
            Object value = ContextValues.evaluate(compiled, scope);
            if (value == null) {
                scope.context().remove(name);
            } else {
                scope.context().put(name, value);
            }
        });
    }

    private void render(NodeOutput response) {
        for (TextResponse text : response.texts()) {
            if (text.values().isEmpty()) {
                continue;
            }
            List<Template> shown = text.showsAllValues() ? text.values() : text.values().subList(0, 1);
            List<String> lines = new ArrayList<>();
            shown.forEach(template -> lines.add(template.render(scope)));
            String rendered = String.join("\n", lines).strip();
            if (!rendered.isEmpty()) {
                output.add(rendered);
            }
        }
    }
}
