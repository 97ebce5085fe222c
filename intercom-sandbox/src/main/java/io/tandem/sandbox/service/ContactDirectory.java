package io.tandem.sandbox.service;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.tandem.sandbox.Contact;

/**
 * The customers the sandbox has played: one contact per email, a new lead for every anonymous conversation.
 */
@ApplicationScoped
public class ContactDirectory {

    private final Map<String, Contact> byEmail = new ConcurrentHashMap<>();

    /** @param email null for an anonymous visitor */
    public Contact contactFor(String email, String name) {
        if (email == null) {
            return new Contact(newContactId(), name, null);
        }
        return byEmail.computeIfAbsent(email.toLowerCase(Locale.ROOT), key -> new Contact(newContactId(), name, email));
    }

    private static String newContactId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }
}
