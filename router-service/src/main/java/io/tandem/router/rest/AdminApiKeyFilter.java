package io.tandem.router.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Lets a request into the admin API only with {@code Authorization: Bearer <key>} naming a configured key.
 * Keys are never logged.
 */
@AdminApi
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AdminApiKeyFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final AdminApiKeys keys;

    public AdminApiKeyFilter(AdminApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && keys.isKnown(authorization.substring(BEARER.length()).strip())) {
            return;
        }
        Problem problem = new Problem(Problem.UNAUTHORIZED, "Unauthorized", 401,
                "a valid admin API key is required as 'Authorization: Bearer <key>'", HttpHeaders.AUTHORIZATION);
        request.abortWith(Response.fromResponse(problem.toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tandem-router\"")
                .build());
    }
}
