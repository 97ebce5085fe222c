package io.tandem.sandbox;

import java.util.List;

/**
 * Answer of {@code GET /teams}.
 */
public record TeamList(String type, List<Team> teams) {

    public static TeamList of(List<Team> teams) {
        return new TeamList("team.list", List.copyOf(teams));
    }
}
