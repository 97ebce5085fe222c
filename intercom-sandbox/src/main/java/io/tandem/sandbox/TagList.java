package io.tandem.sandbox;

import java.util.List;

/**
 * A conversation's tags; the sandbox never tags, so always empty.
 */
public record TagList(String type, List<Object> tags) {

    public static TagList empty() {
        return new TagList("tag.list", List.of());
    }
}
