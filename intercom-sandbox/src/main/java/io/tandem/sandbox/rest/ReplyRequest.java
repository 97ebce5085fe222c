package io.tandem.sandbox.rest;

/**
 * Body of {@code POST /conversations/{id}/reply}: an admin's comment or note, or a comment on behalf of the contact
 * ({@code type: user}, naming the contact by exactly one of intercom_user_id, email and user_id).
 */
public record ReplyRequest(
        String messageType,
        String type,
        String adminId,
        String body,
        String intercomUserId,
        String email,
        String userId) {

    static final String CONTACT = "user";
    static final String NOTE = "note";
    static final String QUICK_REPLY = "quick_reply";
}
