package io.tandem.replay.client;

import com.fasterxml.jackson.databind.JsonNode;

import io.tandem.replay.ReplayException;

/** classifier-service's skill API. */
public final class ClassifierAdmin extends AdminApi {

    public ClassifierAdmin(String baseUrl, String key) {
        super("classifier-service", baseUrl, key);
    }

    /** The workspace JSON of the app's active skill, or null when it has none. */
    public String activeSkill(String appId) {
        JsonNode skill = send("GET", "/api/workspaces/" + segment(appId) + "/skill", null);
        return skill == null ? null : skill.get("workspace").toString();
    }

    /** Imports the workspace as the app's new active version; returns the version number. */
    public int putSkill(String appId, String workspace) {
        JsonNode version = send("PUT", "/api/workspaces/" + segment(appId) + "/skill", workspace);
        if (version == null) {
            throw new ReplayException("classifier-service has no skill API at PUT /api/workspaces/{appId}/skill");
        }
        return version.get("version").asInt();
    }
}
