package io.tandem.replay.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** router-service's integration, rules and decisions API. */
public final class RouterAdmin extends AdminApi {

    public RouterAdmin(String baseUrl, String key) {
        super("router-service", baseUrl, key);
    }

    /** {@code {"assistantAdminId", "dialogReady", "monitoring", "monitoredInbox", "threshold", ...}} */
    public JsonNode integration(String appId) {
        return send("GET", "/api/workspaces/" + segment(appId) + "/integration", null);
    }

    public JsonNode putIntegration(String appId, JsonNode integration) {
        return send("PUT", "/api/workspaces/" + segment(appId) + "/integration", integration.toString());
    }

    /** {@code {"backupRules": [{"node", "type", "id"}], "actionRules": [{"node", "action"}], ...}} */
    public JsonNode rules(String appId) {
        return send("GET", "/api/workspaces/" + segment(appId) + "/rules", null);
    }

    public void putBackupRule(String appId, String node, String type, String id) {
        ObjectNode body = JSON.createObjectNode().put("type", type).put("id", id);
        send("PUT", "/api/workspaces/" + segment(appId) + "/rules/backup/" + segment(node), body.toString());
    }

    public void putActionRule(String appId, String node, String action) {
        ObjectNode body = JSON.createObjectNode().put("action", action);
        send("PUT", "/api/workspaces/" + segment(appId) + "/rules/actions/" + segment(node), body.toString());
    }

    /** Every decision in the conversation: {@code [{"eventId", "outcome", "node", "confidence", "actions"...}]}. */
    public JsonNode decisions(String appId, String conversationId) {
        return send("GET", "/api/workspaces/" + segment(appId) + "/conversations/" + segment(conversationId)
                + "/decisions", null);
    }
}
