package io.tandem.sandbox.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.tandem.sandbox.Admin;
import io.tandem.sandbox.InvalidParameterException;
import io.tandem.sandbox.WebhookTopic;

/**
 * What teammates change about themselves: their away mode, which {@code GET /admins} reports and Intercom announces
 * with an {@code admin.away_mode_updated} webhook.
 */
@ApplicationScoped
public class TeammateService {

    private final Workspace workspace;
    private final WebhookNotifier webhooks;

    TeammateService(Workspace workspace, WebhookNotifier webhooks) {
        this.workspace = workspace;
        this.webhooks = webhooks;
    }

    /**
     * @param reassign whether new replies to the admin's conversations go to the default inbox meanwhile
     * @return the admin as {@code GET /admins} now shows them
     */
    public Admin setAway(String adminId, boolean away, boolean reassign) {
        Admin admin = workspace.awayModeChanged(adminId, away, reassign).orElseThrow(() ->
                InvalidParameterException.invalid("admin_id", "admin_id " + adminId
                        + " is not an admin of this workspace"));
        webhooks.announce(WebhookTopic.ADMIN_AWAY_MODE_UPDATED, admin);
        return admin;
    }
}
