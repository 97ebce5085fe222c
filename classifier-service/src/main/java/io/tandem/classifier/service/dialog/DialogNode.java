package io.tandem.classifier.service.dialog;

import java.util.Map;

import io.tandem.classifier.service.expression.Expression;

/**
 * A trained dialog node.
 *
 * @param type       {@code standard}, {@code folder}, {@code frame}, {@code response_condition},
 *                   {@code event_handler} or {@code slot}
 * @param title      the node's name, or null
 * @param parent     the parent node's id, or null at root level
 * @param condition  the parsed {@code conditions}, or null when the node has none
 * @param context    the compiled {@code context}: JSON values whose strings may be templates
 * @param nextStep   the {@code next_step}, or null
 */
public record DialogNode(
        String id,
        String type,
        String title,
        String parent,
        String previousSibling,
        Expression condition,
        NodeOutput output,
        Map<String, Object> context,
        NextStep nextStep,
        boolean disabled) {

    public boolean isFolder() {
        return "folder".equals(type);
    }

    public boolean isResponseCondition() {
        return "response_condition".equals(type);
    }

    /** Whether the dialog flow may stop at this node: standard nodes and frames (slot nodes and handlers not). */
    public boolean isFlowNode() {
        return type == null || "standard".equals(type) || "frame".equals(type);
    }
}
