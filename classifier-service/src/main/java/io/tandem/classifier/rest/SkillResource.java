package io.tandem.classifier.rest;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;

import io.tandem.classifier.SkillVersion;
import io.tandem.classifier.service.SkillService;
import io.tandem.classifier.service.SkillService.StoredSkill;
import io.tandem.classifier.service.dialog.DialogTree;

/**
 * The admin API for an app's dialog skill, a Watson Assistant v1 workspace.
 */
@Path("/api/workspaces/{appId}/skill")
public class SkillResource {

    private final SkillService skills;

    SkillResource(SkillService skills) {
        this.skills = skills;
    }

    /** Trains the workspace and, if training succeeds, stores it as the app's new active version. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public RestResponse<SkillVersion> importSkill(@RestPath String appId, String workspace, @Context UriInfo uri) {
        SkillVersion version = skills.importSkill(appId, workspace);
        return RestResponse.ResponseBuilder.<SkillVersion>created(uri.getRequestUri()).entity(version).build();
    }

    /** The active version's metadata and its workspace as uploaded. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public SkillDocument activeSkill(@RestPath String appId) {
        StoredSkill stored = skills.activeSkill(appId);
        SkillVersion version = stored.version();
        return new SkillDocument(version.appId(), version.version(), version.name(), version.createdAt(),
                version.active(), stored.workspace());
    }

    /** Every stored version, oldest first; {@code active} marks the one in use. */
    @GET
    @Path("/versions")
    @Produces(MediaType.APPLICATION_JSON)
    public List<SkillVersion> versions(@RestPath String appId) {
        return skills.versions(appId);
    }

    /** Makes a stored version the active one again. */
    @POST
    @Path("/versions/{version}/activate")
    @Produces(MediaType.APPLICATION_JSON)
    public SkillVersion activate(@RestPath String appId, @RestPath int version) {
        return skills.activate(appId, version);
    }

    /**
     * The active skill's root nodes (nodes inside folders in place of their folders), in dialog order: what
     * router-service builds its rules on.
     */
    @GET
    @Path("/nodes")
    @Produces(MediaType.APPLICATION_JSON)
    public List<RootNode> nodes(@RestPath String appId) {
        DialogTree dialog = skills.trained(appId).skill().dialog();
        return dialog.rootNodes().stream()
                .map(node -> new RootNode(node.id(), node.title(), node.userLabel(), dialog.hasChildren(node),
                        dialog.reachesAgent(node)))
                .toList();
    }

    /** A root node as {@code GET .../skill/nodes} lists it. */
    public record RootNode(
            String id,
            String title,
            @JsonProperty("user_label") String userLabel,
            @JsonProperty("has_children") boolean hasChildren,
            @JsonProperty("connect_to_agent") boolean connectToAgent) {
    }

    /** The active skill: version metadata plus the workspace JSON, byte for byte as it was PUT. */
    public record SkillDocument(String appId, int version, String name, Instant createdAt, boolean active,
            @JsonRawValue String workspace) {
    }
}
