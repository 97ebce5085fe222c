package io.tandem.sandbox;

/**
 * A contact taking part in a conversation.
 */
public record ContactReference(String type, String id, String externalId) {

    public static ContactReference of(String contactId) {
        return new ContactReference("contact", contactId, null);
    }
}
