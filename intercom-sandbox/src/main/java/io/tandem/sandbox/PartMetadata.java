package io.tandem.sandbox;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Intercom's {@code conversation_part_metadata}: the buttons of an admin's quick reply, or, on the contact's comment
 * that answered one, the uuid of the button clicked.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartMetadata(List<QuickReplyOption> quickReplyOptions, String quickReplyUuid) {

    public static PartMetadata buttons(List<QuickReplyOption> options) {
        return new PartMetadata(List.copyOf(options), null);
    }

    public static PartMetadata clicked(String uuid) {
        return new PartMetadata(null, uuid);
    }
}
