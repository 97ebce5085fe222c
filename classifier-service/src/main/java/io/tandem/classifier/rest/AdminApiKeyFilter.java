package io.tandem.classifier.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.tandem.classifier.config.ClassifierConfig;

/**
 * Admits a request to the admin API only with {@code Authorization: Bearer <key>} naming a configured key. Keys
 * are compared in constant time and never logged.
 */
public class AdminApiKeyFilter {

    private static final String BEARER = "Bearer ";

    private final List<byte[]> keys;

    AdminApiKeyFilter(ClassifierConfig config) {
        this.keys = config.adminApiKeys().stream()
                .map(String::trim)
                .filter(key -> !key.isEmpty())
                .map(key -> key.getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    @ServerRequestFilter
    public Optional<Response> requireAdminApiKey(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            byte[] presented = authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
            boolean known = false;
            for (byte[] key : keys) {
                known |= MessageDigest.isEqual(key, presented);
            }
            if (known) {
                return Optional.empty();
            }
        }
        return Optional.of(ProblemResponses.unauthorized());
    }
}
