package io.tandem.sandbox;

import java.util.List;

/**
 * Answer of {@code GET /admins}.
 */
public record AdminList(String type, List<Admin> admins) {

    public static AdminList of(List<Admin> admins) {
        return new AdminList("admin.list", List.copyOf(admins));
    }
}
