package io.tandem.router;

import io.tandem.contracts.ActionDecided.Assignee;

/**
 * Who takes a conversation over when the assistant cannot go on in a branch: a team or a teammate (admin).
 */
public record Backup(Type type, String id) {

    public enum Type {
        ADMIN,
        TEAM
    }

    public Assignee toAssignee() {
        return type == Type.TEAM ? Assignee.team(id) : Assignee.admin(id);
    }

    /** How a note or reason names it, e.g. {@code team 4711}. */
    public String describe() {
        return (type == Type.TEAM ? "team " : "teammate ") + id;
    }
}
