package io.tandem.router.persistence;

/**
 * A conversation's row as deciding reads and writes it; {@code pending} and {@code transcript} are JSON.
 *
 * @param version how often the row was written; 0 for a conversation not stored yet
 */
public record ConversationRow(String appId, String conversationId, String ownerAdminId, String ownerTeamId,
        String humanOwner, String activeBranch, String pending, String transcript, long version) {
}
