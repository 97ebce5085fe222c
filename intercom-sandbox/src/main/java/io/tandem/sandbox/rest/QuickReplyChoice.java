package io.tandem.sandbox.rest;

/**
 * The quick-reply button the customer clicks, named by its uuid.
 */
public record QuickReplyChoice(String uuid) {
}
