package io.tandem.sandbox;

import java.util.List;

/**
 * The admin an access token belongs to, with its workspace (answer of {@code GET /me}).
 */
public record AdminWithApp(
        String type,
        String id,
        String name,
        String email,
        boolean awayModeEnabled,
        boolean awayModeReassign,
        boolean hasInboxSeat,
        List<Long> teamIds,
        Boolean emailVerified,
        App app) {

    public static AdminWithApp of(Admin admin, App app) {
        return new AdminWithApp(admin.type(), admin.id(), admin.name(), admin.email(), admin.awayModeEnabled(),
                admin.awayModeReassign(), admin.hasInboxSeat(), admin.teamIds(), true, app);
    }
}
