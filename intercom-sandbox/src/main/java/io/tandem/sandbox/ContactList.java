package io.tandem.sandbox;

import java.util.List;

/**
 * The contacts of a conversation (Intercom's {@code conversation_contacts}).
 */
public record ContactList(String type, List<ContactReference> contacts) {

    public static ContactList of(ContactReference contact) {
        return new ContactList("contact.list", List.of(contact));
    }
}
