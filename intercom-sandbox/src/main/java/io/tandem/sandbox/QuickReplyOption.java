package io.tandem.sandbox;

/**
 * A button of an admin's quick reply, which the contact can click instead of typing (Intercom's
 * {@code quick_reply_option}).
 */
public record QuickReplyOption(String text, String uuid) {
}
