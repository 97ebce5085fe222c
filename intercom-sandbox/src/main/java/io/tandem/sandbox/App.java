package io.tandem.sandbox;

/**
 * The workspace (Intercom's {@code app} object).
 *
 * @param idCode the app id, e.g. {@code local}
 */
public record App(
        String type,
        String idCode,
        String name,
        String region,
        String timezone,
        long createdAt,
        boolean identityVerification) {

    public static App of(String appId, long createdAt) {
        return new App("app", appId, "Tandem sandbox", "US", "Etc/UTC", createdAt, false);
    }
}
