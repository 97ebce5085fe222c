package io.tandem.classifier.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.tandem.classifier.config.ClassifierConfig;

/**
 * Admits a request to the admin API only with {@code Authorization: Bearer <key>} naming a configured key: an
 * operator key ({@code tandem.classifier.admin-api-keys}) for every workspace, a workspace key
 * ({@code tandem.classifier.apps.<appId>.admin-api-keys}) for its own workspace only. A missing or unknown key is
 * 401, another workspace's key 403. Keys are compared in constant time (every key is compared) and never logged.
 */
public class AdminApiKeyFilter {

    private static final String BEARER = "Bearer ";
    private static final Pattern WORKSPACE_PATH = Pattern.compile("^/?api/workspaces/([^/]+)");

    private final List<byte[]> operatorKeys;
    private final List<WorkspaceKey> workspaceKeys = new ArrayList<>();

    AdminApiKeyFilter(ClassifierConfig config) {
        this.operatorKeys = keys(config.adminApiKeys());
        config.apps().forEach((appId, app) -> app.adminApiKeys().ifPresent(keys -> keys(keys)
                .forEach(key -> workspaceKeys.add(new WorkspaceKey(normalize(appId), key)))));
    }

    private record WorkspaceKey(String appId, byte[] key) {
    }

    @ServerRequestFilter
    public Optional<Response> requireAdminApiKey(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.of(ProblemResponses.unauthorized());
        }
        byte[] presented = authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        boolean operator = false;
        for (byte[] key : operatorKeys) {
            operator |= MessageDigest.isEqual(key, presented);
        }
        String requested = requestedWorkspace(request);
        boolean ownWorkspace = false;
        boolean anyWorkspace = false;
        for (WorkspaceKey key : workspaceKeys) {
            boolean equal = MessageDigest.isEqual(key.key(), presented);
            anyWorkspace |= equal;
            ownWorkspace |= equal && key.appId().equals(requested);
        }
        if (operator || ownWorkspace) {
            return Optional.empty();
        }
        if (anyWorkspace) {
            return Optional.of(ProblemResponses.forbidden(requested == null ? "(none)" : requested));
        }
        return Optional.of(ProblemResponses.unauthorized());
    }

    private static String requestedWorkspace(ContainerRequestContext request) {
        Matcher matcher = WORKSPACE_PATH.matcher(request.getUriInfo().getPath());
        return matcher.find() ? normalize(matcher.group(1)) : null;
    }

    /**
     * App ids compared as environment variable names spell them (TANDEM_CLASSIFIER_APPS_&lt;APPID&gt;_...), so a key
     * configured through the environment matches the app id in the path.
     */
    private static String normalize(String appId) {
        return appId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static List<byte[]> keys(List<String> configured) {
        return configured.stream()
                .map(String::trim)
                .filter(key -> !key.isEmpty())
                .map(key -> key.getBytes(StandardCharsets.UTF_8))
                .toList();
    }
}
