package io.tandem.classifier.service.dialog;

import java.util.Map;

import io.tandem.classifier.service.expression.Expression;
import io.tandem.contracts.MessageClassified.NodeRef;

/**
 * A trained dialog node.
 *
 * @param type            {@code standard}, {@code folder}, {@code frame}, {@code response_condition},
 *                        {@code event_handler} or {@code slot}
 * @param title           the node's name, or null
 * @param userLabel       the node's external name ({@code user_label}), or null
 * @param parent          the parent node's id, or null at root level
 * @param condition       the parsed {@code conditions}, or null when the node has none
 * @param anythingElse    whether the condition is {@code anything_else} or {@code true}: always holds
 * @param context         the compiled {@code context}: JSON values whose strings may be templates
 * @param nextStep        the {@code next_step}, or null
 * @param variable        a slot's context variable, without the {@code $}; null for other nodes
 * @param eventName       an event handler's event: {@code focus}, {@code input}, {@code filled}, {@code nomatch},
 *                        {@code generic}, ...; null for other nodes
 * @param digressIn       {@code returns}, {@code does_not_return} or {@code not_available}; null when unset
 * @param digressOut      {@code allow_returning}, {@code allow_all} or {@code allow_all_never_return}
 * @param digressOutSlots {@code not_allowed}, {@code allow_returning} or {@code allow_all}
 */
public record DialogNode(
        String id,
        String type,
        String title,
        String userLabel,
        String parent,
        String previousSibling,
        Expression condition,
        boolean anythingElse,
        NodeOutput output,
        Map<String, Object> context,
        NextStep nextStep,
        boolean disabled,
        String variable,
        String eventName,
        String digressIn,
        String digressOut,
        String digressOutSlots) {

    public boolean isFolder() {
        return "folder".equals(type);
    }

    public boolean isFrame() {
        return "frame".equals(type);
    }

    public boolean isSlot() {
        return "slot".equals(type);
    }

    public boolean isEventHandler() {
        return "event_handler".equals(type);
    }

    public boolean isResponseCondition() {
        return "response_condition".equals(type);
    }

    /** Whether the dialog flow may stop at this node: standard nodes and frames (slot nodes and handlers not). */
    public boolean isFlowNode() {
        return type == null || "standard".equals(type) || "frame".equals(type);
    }

    /** Whether a node of the flow may be among a parent's children that answer the next input. */
    public boolean isChildCandidate() {
        return isFlowNode() || isFolder();
    }

    public NodeRef ref() {
        return new NodeRef(id, title, userLabel);
    }
}
