package io.tandem.classifier.service.dialog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
     * sibling or jump target, a parent cycle, a sibling group without exactly one first node, or a chain that
     * loops or leaves nodes out.
     *
     * @param positions each node's index in the workspace's {@code dialog_nodes}, which the problems name
     */
    public static DialogTree build(List<DialogNode> nodes, List<Integer> positions, List<SkillProblem> problems) {
        Map<String, DialogNode> byId = new LinkedHashMap<>();
        Map<String, Integer> indexById = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            byId.put(nodes.get(i).id(), nodes.get(i));
            indexById.put(nodes.get(i).id(), positions.get(i));
        }
        Map<String, List<DialogNode>> groups = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            DialogNode node = nodes.get(i);
            int position = positions.get(i);
            if (node.parent() != null && !byId.containsKey(node.parent())) {
                problems.add(problem(position, "parent", "no dialog node '" + node.parent() + "'"));
                continue;
            }
            if (node.previousSibling() != null) {
                DialogNode sibling = byId.get(node.previousSibling());
                if (sibling == null) {
                    problems.add(problem(position, "previous_sibling",
                            "no dialog node '" + node.previousSibling() + "'"));
                    continue;
                }
                if (!Objects.equals(sibling.parent(), node.parent())) {
                    problems.add(problem(position, "previous_sibling", "'" + node.previousSibling()
                            + "' has another parent than '" + node.id() + "'"));
                    continue;
                }
            }
            NextStep nextStep = node.nextStep();
            if (nextStep != null && nextStep.isJump() && !byId.containsKey(nextStep.dialogNode())) {
                problems.add(problem(position, "next_step.dialog_node", "no dialog node '" + nextStep.dialogNode()
                        + "' to jump to"));
            }
            groups.computeIfAbsent(node.parent(), parent -> new ArrayList<>()).add(node);
        }
        reportParentCycles(nodes, byId, indexById, problems);
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

    /** A node that is its own ancestor would never be reached and would loop every walk up the tree. */
    private static void reportParentCycles(List<DialogNode> nodes, Map<String, DialogNode> byId,
            Map<String, Integer> indexById, List<SkillProblem> problems) {
        Set<String> reported = new HashSet<>();
        for (DialogNode node : nodes) {
            Set<String> path = new LinkedHashSet<>();
            DialogNode current = node;
            while (current != null && path.add(current.id())) {
                current = current.parent() == null ? null : byId.get(current.parent());
            }
            if (current != null && current.id().equals(node.id()) && reported.add(node.id())) {
                problems.add(problem(indexById.get(node.id()), "parent", "node '" + node.id()
                        + "' is its own ancestor (parent cycle " + String.join(" -> ", path) + " -> " + node.id()
                        + ")"));
            }
        }
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

    /** Every node, in workspace order. */
    public Collection<DialogNode> nodes() {
        return nodesById.values();
    }

    /** The children that answer a message after their parent: standard nodes, frames and folders. */
    public List<DialogNode> flowChildren(String parentId) {
        return children(parentId).stream().filter(DialogNode::isChildCandidate).toList();
    }

    /** Whether the branch goes on after {@code node}: it has child nodes or slots. */
    public boolean hasChildren(DialogNode node) {
        return children(node.id()).stream().anyMatch(child -> child.isChildCandidate() || child.isSlot());
    }

    /**
     * The root of the branch {@code node} belongs to: its top-most ancestor that is not a folder (folders only
     * group root nodes).
     */
    public DialogNode branchRoot(DialogNode node) {
        DialogNode root = node;
        Set<String> seen = new HashSet<>();
        for (DialogNode current = node; current != null && seen.add(current.id());
                current = current.parent() == null ? null : nodesById.get(current.parent())) {
            if (!current.isFolder()) {
                root = current;
            }
        }
        return root;
    }

    /** The node's {@code digress_in}, or that of the nearest folder around it that sets one. */
    public String digressIn(DialogNode node) {
        Set<String> seen = new HashSet<>();
        for (DialogNode current = node; current != null && seen.add(current.id());
                current = current.parent() == null ? null : nodesById.get(current.parent())) {
            if (current.digressIn() != null) {
                return current.digressIn();
            }
            if (current != node && !current.isFolder()) {
                return null;
            }
        }
        return null;
    }

    /** The enabled root nodes in dialog order with the nodes inside folders in place of the folders. */
    public List<DialogNode> rootNodes() {
        List<DialogNode> roots = new ArrayList<>();
        collectRoots(roots(), roots, new HashSet<>());
        return roots;
    }

    private void collectRoots(List<DialogNode> level, List<DialogNode> roots, Set<String> seen) {
        for (DialogNode node : level) {
            if (!seen.add(node.id()) || node.disabled()) {
                continue;
            }
            if (node.isFolder()) {
                collectRoots(children(node.id()), roots, seen);
            } else if (node.isFlowNode()) {
                roots.add(node);
            }
        }
    }

    /** Whether a connect_to_agent response lies in the branch of {@code node}, jumps followed. */
    public boolean reachesAgent(DialogNode node) {
        return reachesAgent(node, new HashSet<>());
    }

    private boolean reachesAgent(DialogNode node, Set<String> seen) {
        if (!seen.add(node.id())) {
            return false;
        }
        if (node.output().connectsToAgent()) {
            return true;
        }
        NextStep next = node.nextStep();
        if (next != null && next.isJump() && nodesById.containsKey(next.dialogNode())
                && reachesAgent(nodesById.get(next.dialogNode()), seen)) {
            return true;
        }
        for (DialogNode child : children(node.id())) {
            if (reachesAgent(child, seen)) {
                return true;
            }
        }
        return false;
    }

    /** {@code node} and the siblings after it. */
    public List<DialogNode> fromSibling(DialogNode node) {
        List<DialogNode> siblings = children(node.parent());
        int index = siblings.indexOf(node);
        return index < 0 ? List.of(node) : siblings.subList(index, siblings.size());
    }
}
