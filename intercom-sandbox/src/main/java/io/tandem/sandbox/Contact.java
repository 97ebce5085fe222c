package io.tandem.sandbox;

/**
 * A customer the sandbox plays: a user when it gave an email, otherwise an anonymous lead.
 *
 * @param id    Intercom-style 24 hex digit contact id
 * @param name  may be null
 * @param email may be null
 */
public record Contact(String id, String name, String email) {

    public Author asAuthor() {
        return new Author(email == null ? "lead" : "user", id, name, email == null ? "" : email);
    }
}
