package io.tandem.sandbox;

/**
 * Who wrote a conversation part or started the conversation (Intercom's {@code conversation_part_author}).
 *
 * @param type user, lead or admin
 */
public record Author(String type, String id, String name, String email) {
}
