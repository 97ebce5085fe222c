package io.tandem.router.rest;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Lets a request into the admin API only with {@code Authorization: Bearer <key>} naming a configured key, and
 * a workspace's key only into that workspace ({@code {appId}} of the path). Keys are never logged.
 */
@AdminApi
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AdminApiKeyFilter implements ContainerRequestFilter {

    static final String APP_ID = "appId";
    private static final String BEARER = "Bearer ";

    private final AdminApiKeys keys;
    private final CurrentCaller current;

    public AdminApiKeyFilter(AdminApiKeys keys, CurrentCaller current) {
        this.keys = keys;
        this.current = current;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<Caller> caller = authorization != null
                && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                        ? keys.identify(authorization.substring(BEARER.length()).strip())
                        : Optional.empty();
        if (caller.isEmpty()) {
            Problem problem = new Problem(Problem.UNAUTHORIZED, "Unauthorized", 401,
                    "a valid admin API key is required as 'Authorization: Bearer <key>'", HttpHeaders.AUTHORIZATION);
            request.abortWith(Response.fromResponse(problem.toResponse())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tandem-router\"")
                    .build());
            return;
        }
        String appId = request.getUriInfo().getPathParameters().getFirst(APP_ID);
        if (appId != null && !caller.get().mayAccess(appId)) {
            request.abortWith(new Problem(Problem.FORBIDDEN, "Forbidden", 403,
                    "this key belongs to another workspace", HttpHeaders.AUTHORIZATION).toResponse());
            return;
        }
        current.identified(caller.get());
    }
}
