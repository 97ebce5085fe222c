package io.tandem.classifier.service.dialog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.tandem.classifier.SkillProblem;

/**
 * The dialog nodes arranged as Watson Assistant orders them: siblings share a {@code parent} and form one chain
 * through {@code previous_sibling}, starting at the one sibling without it.
 */
public final class DialogTree {

    private final Map<String, DialogNode> nodesById;
    private final Map<String, List<DialogNode>> childrenByParent;

    private DialogTree(Map<String, DialogNode> nodesById, Map<String, List<DialogNode>> childrenByParent) {
        this.nodesById = nodesById;
        this.childrenByParent = childrenByParent;
    }

    /**
     * Orders {@code nodes} (in workspace order, ids unique) and reports every structural problem: unknown parent,
     * sibling or jump target, a sibling group without exactly one first node, or a chain that loops or leaves
     * nodes out.
     */
    public static DialogTree build(List<DialogNode> nodes, List<SkillProblem> problems) {
        Map<String, DialogNode> byId = new LinkedHashMap<>();
        Map<String, Integer> indexById = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            byId.put(nodes.get(i).id(), nodes.get(i));
            indexById.put(nodes.get(i).id(), i);
        }
        Map<String, List<DialogNode>> groups = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            DialogNode node = nodes.get(i);
            if (node.parent() != null && !byId.containsKey(node.parent())) {
                problems.add(problem(i, "parent", "no dialog node '" + node.parent() + "'"));
                continue;
            }
            if (node.previousSibling() != null) {
                DialogNode sibling = byId.get(node.previousSibling());
                if (sibling == null) {
                    problems.add(problem(i, "previous_sibling", "no dialog node '" + node.previousSibling() + "'"));
                    continue;
                }
                if (!Objects.equals(sibling.parent(), node.parent())) {
                    problems.add(problem(i, "previous_sibling", "'" + node.previousSibling()
                            + "' has another parent than '" + node.id() + "'"));
                    continue;
                }
            }
            NextStep nextStep = node.nextStep();
            if (nextStep != null && nextStep.isJump() && !byId.containsKey(nextStep.dialogNode())) {
                problems.add(problem(i, "next_step.dialog_node", "no dialog node '" + nextStep.dialogNode()
                        + "' to jump to"));
            }
            groups.computeIfAbsent(node.parent(), parent -> new ArrayList<>()).add(node);
        }
        Map<String, List<DialogNode>> ordered = new HashMap<>();
        groups.forEach((parent, siblings) -> ordered.put(parent, chain(parent, siblings, indexById, problems)));
        return new DialogTree(byId, ordered);
    }

    private static List<DialogNode> chain(String parent, List<DialogNode> siblings, Map<String, Integer> indexById,
            List<SkillProblem> problems) {
        List<DialogNode> heads = siblings.stream().filter(node -> node.previousSibling() == null).toList();
        String where = parent == null ? "at root level" : "under '" + parent + "'";
        if (heads.size() != 1) {
            DialogNode first = siblings.get(0);
            problems.add(problem(indexById.get(first.id()), "previous_sibling", heads.size()
                    + " nodes " + where + " have no previous_sibling; exactly one must be first"));
            return siblings;
        }
        Map<String, DialogNode> next = new HashMap<>();
        for (DialogNode node : siblings) {
            if (node.previousSibling() != null && next.put(node.previousSibling(), node) != null) {
                problems.add(problem(indexById.get(node.id()), "previous_sibling", "two nodes " + where
                        + " follow '" + node.previousSibling() + "'"));
                return siblings;
            }
        }
        List<DialogNode> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (DialogNode node = heads.get(0); node != null && seen.add(node.id()); node = next.get(node.id())) {
            chain.add(node);
        }
        if (chain.size() != siblings.size()) {
            DialogNode left = siblings.stream().filter(node -> !seen.contains(node.id())).findFirst().orElseThrow();
            problems.add(problem(indexById.get(left.id()), "previous_sibling", "node '" + left.id()
                    + "' is not in the sibling chain " + where + " (the chain loops)"));
            return siblings;
        }
        return List.copyOf(chain);
    }

    private static SkillProblem problem(int index, String field, String detail) {
        return new SkillProblem("dialog_nodes[" + index + "]." + field, detail);
    }

    /** The root-level nodes in dialog order. */
    public List<DialogNode> roots() {
        return children(null);
    }

    /** The children of a node (or the root level, for null) in dialog order. */
    public List<DialogNode> children(String parentId) {
        return childrenByParent.getOrDefault(parentId, List.of());
    }

    public Optional<DialogNode> node(String id) {
        return Optional.ofNullable(nodesById.get(id));
    }

    /** {@code node} and the siblings after it. */
    public List<DialogNode> fromSibling(DialogNode node) {
        List<DialogNode> siblings = children(node.parent());
        int index = siblings.indexOf(node);
        return index < 0 ? List.of(node) : siblings.subList(index, siblings.size());
    }
}
