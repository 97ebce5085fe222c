package io.tandem.router.persistence;

import java.io.Serializable;

/** The key of a rule: the workspace and the root node (its name, or its id without one). */
public record RuleId(String appId, String node) implements Serializable {

    public RuleId() {
        this(null, null);
    }
}
