package io.tandem.responder.client;

/**
 * The admin an access token acts as, from {@code GET /me}: Tandem's bot in the workspace.
 */
public record IntercomAdmin(String type, String id) {
}
