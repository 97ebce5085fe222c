package io.tandem.router.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Intercom's answer to {@code GET /teams}. */
public record IntercomTeams(List<Team> teams) {

    public IntercomTeams {
        teams = teams == null ? List.of() : List.copyOf(teams);
    }

    public record Team(String id, String name, @JsonProperty("admin_ids") List<String> adminIds) {

        public Team {
            adminIds = adminIds == null ? List.of() : List.copyOf(adminIds);
        }
    }
}
