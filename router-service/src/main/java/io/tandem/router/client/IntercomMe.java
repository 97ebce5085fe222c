package io.tandem.router.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Intercom's answer to {@code GET /me}: the teammate (admin) the access token acts as, and its workspace. */
public record IntercomMe(String id, String name, String email, App app) {

    /** @param idCode the workspace's app_id */
    public record App(@JsonProperty("id_code") String idCode, String name) {
    }
}
