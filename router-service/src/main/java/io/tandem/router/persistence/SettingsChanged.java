package io.tandem.router.persistence;

/**
 * The settings or rules of a workspace changed in PostgreSQL (by any replica, or by hand), or, with a null
 * {@code appId}, may have changed unnoticed (the listener was not listening).
 */
public record SettingsChanged(String appId) {

    public static final SettingsChanged ANY = new SettingsChanged(null);
}
