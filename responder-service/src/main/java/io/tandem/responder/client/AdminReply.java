package io.tandem.responder.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /conversations/{id}/reply} on behalf of an admin (2.14 schema
 * {@code admin_reply_conversation_request}).
 *
 * @param replyOptions   quick-reply buttons ({@code quick_reply} only)
 * @param attachmentUrls image URLs shown as attachments (at most 10)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AdminReply(
        @JsonProperty("message_type") String messageType,
        String type,
        @JsonProperty("admin_id") String adminId,
        String body,
        @JsonProperty("reply_options") List<QuickReplyOption> replyOptions,
        @JsonProperty("attachment_urls") List<String> attachmentUrls) {

    public static final String COMMENT = "comment";
    public static final String NOTE = "note";
    public static final String QUICK_REPLY = "quick_reply";
    public static final int MAX_ATTACHMENTS = 10;

    public AdminReply {
        replyOptions = replyOptions == null ? List.of() : List.copyOf(replyOptions);
        attachmentUrls = attachmentUrls == null ? List.of() : List.copyOf(attachmentUrls);
    }

    /** A reply the customer sees. */
    public static AdminReply comment(String adminId, String body) {
        return new AdminReply(COMMENT, "admin", adminId, body, null, null);
    }

    /** A note only teammates see. */
    public static AdminReply note(String adminId, String body) {
        return new AdminReply(NOTE, "admin", adminId, body, null, null);
    }

    /** A 2.14 {@code quick_reply_option}: a button the customer can tap. */
    public record QuickReplyOption(String text, String uuid) {
    }
}
