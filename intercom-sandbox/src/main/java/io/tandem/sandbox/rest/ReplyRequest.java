package io.tandem.sandbox.rest;

import java.util.List;

import io.tandem.sandbox.QuickReplyOption;

/**
 * Body of {@code POST /conversations/{id}/reply}: an admin's comment or note, or a comment on behalf of the contact
 * ({@code type: user}, naming the contact by exactly one of intercom_user_id, email and user_id).
 *
 * @param replyOptions   a quick reply's buttons
 * @param attachmentUrls files shown with an admin's comment or quick reply
 */
public record ReplyRequest(
        String messageType,
        String type,
        String adminId,
        String body,
        String intercomUserId,
        String email,
        String userId,
        List<QuickReplyOption> replyOptions,
        List<String> attachmentUrls) {

    static final String CONTACT = "user";
    static final String NOTE = "note";
    static final String QUICK_REPLY = "quick_reply";
}
