package io.tandem.router.rest;

/**
 * Who calls the admin API: an operator key (every workspace) or a workspace's key (that workspace only).
 *
 * @param name      how the audit trail names the key: never the key itself, a short fingerprint of it
 * @param workspace the app_id the key is limited to; null for an operator key
 */
public record Caller(String name, String workspace) {

    public boolean mayAccess(String appId) {
        return workspace == null || workspace.equals(appId);
    }
}
