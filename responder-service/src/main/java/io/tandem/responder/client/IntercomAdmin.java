package io.tandem.responder.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The admin an access token acts as, from {@code GET /me}: Tandem's bot in the workspace.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IntercomAdmin(String type, String id) {
}
