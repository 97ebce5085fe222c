package io.tandem.router.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Intercom's answer to {@code GET /admins}. */
public record IntercomAdmins(List<Admin> admins) {

    public IntercomAdmins {
        admins = admins == null ? List.of() : List.copyOf(admins);
    }

    /** A teammate account; {@code awayModeEnabled} tells whether they are away. */
    public record Admin(String id, String name, @JsonProperty("away_mode_enabled") boolean awayModeEnabled) {
    }
}
