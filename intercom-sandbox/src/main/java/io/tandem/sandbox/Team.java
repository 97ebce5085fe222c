package io.tandem.sandbox;

import java.util.List;

/**
 * A group of admins (Intercom's {@code team} object).
 */
public record Team(String type, String id, String name, List<Long> adminIds) {

    public static Team of(String id, String name, List<Long> adminIds) {
        return new Team("team", id, name, List.copyOf(adminIds));
    }
}
