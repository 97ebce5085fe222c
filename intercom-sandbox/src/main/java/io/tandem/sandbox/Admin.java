package io.tandem.sandbox;

import java.util.List;

/**
 * A teammate account of the workspace (Intercom's {@code admin} object).
 */
public record Admin(
        String type,
        String id,
        String name,
        String email,
        boolean awayModeEnabled,
        boolean awayModeReassign,
        boolean hasInboxSeat,
        List<Long> teamIds,
        String avatar) {

    public static Admin of(String id, String name, String email, List<Long> teamIds) {
        return new Admin("admin", id, name, email, false, false, true, List.copyOf(teamIds), null);
    }

    /** The same admin, away or back, with new replies to their conversations reassigned or not. */
    public Admin withAwayMode(boolean enabled, boolean reassign) {
        return new Admin(type, id, name, email, enabled, reassign, hasInboxSeat, teamIds, avatar);
    }

    public Author asAuthor() {
        return new Author(type, id, name, email);
    }
}
