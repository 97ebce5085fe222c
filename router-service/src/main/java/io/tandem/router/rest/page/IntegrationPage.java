package io.tandem.router.rest.page;

import java.net.URI;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tandem.router.config.RouterConfig;

/**
 * The integration page's frame: the admin API key prompt and the workspace chooser. It holds no data: once the key
 * is given, the page's script loads each part from {@link PageFragments}, which needs the key.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class IntegrationPage {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance page(Frame frame);
    }

    /**
     * @param appId        the workspace shown; null on the chooser
     * @param fragmentsUrl where its parts are loaded from
     */
    public record Frame(String appId, String fragmentsUrl) {
    }

    private final RouterConfig config;

    public IntegrationPage(RouterConfig config) {
        this.config = config;
    }

    @GET
    @Operation(hidden = true, summary = "The integration page: the configured (or first known) workspace, else the chooser")
    public Response home() {
        return defaultWorkspace()
                .map(appId -> Response.seeOther(workspaceUri(appId)).build())
                .orElseGet(() -> Response.ok(Templates.page(new Frame(null, null)).render()).build());
    }

    @GET
    @Path("workspaces")
    @Operation(hidden = true, summary = "Opens the workspace chosen in the page's form")
    public Response choose(@QueryParam("appId") String appId) {
        if (appId == null || appId.isBlank()) {
            return Response.seeOther(URI.create("/")).build();
        }
        return Response.seeOther(workspaceUri(appId.strip())).build();
    }

    @GET
    @Path("workspaces/{appId}")
    @Operation(hidden = true, summary = "The integration page of a workspace")
    public String workspace(@PathParam("appId") String appId) {
        String fragments = UriBuilder.fromPath("/workspaces/{appId}/fragments").build(appId).toString();
        return Templates.page(new Frame(appId, fragments)).render();
    }

    /** The seeded workspace of the local run, else the first workspace with configuration. */
    private Optional<String> defaultWorkspace() {
        return config.seed().appId().filter(appId -> !appId.isBlank())
                .or(() -> config.apps().keySet().stream().sorted().findFirst());
    }

    private static URI workspaceUri(String appId) {
        return UriBuilder.fromPath("/workspaces/{appId}").build(appId);
    }
}
