package io.tandem.router.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A root dialog node of a workspace's skill, as classifier-service lists it.
 *
 * @param title     the node name; may be null
 * @param userLabel the external node name customers see; may be null
 */
public record SkillNode(
        String id,
        String title,
        @JsonProperty("user_label") String userLabel,
        @JsonProperty("has_children") boolean hasChildren,
        @JsonProperty("connect_to_agent") boolean connectToAgent) {

    /** The node name, or its id when it has none: what rules are keyed by. */
    public String key() {
        return title == null || title.isBlank() ? id : title;
    }
}
