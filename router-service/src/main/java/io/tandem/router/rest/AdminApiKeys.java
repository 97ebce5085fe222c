package io.tandem.router.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.tandem.router.config.RouterConfig;

/**
 * The configured admin API keys. A normal-scoped bean, so the filter (built at static init) reads runtime
 * configuration only on the first request.
 */
@ApplicationScoped
public class AdminApiKeys {

    private final List<byte[]> keys;

    public AdminApiKeys(RouterConfig config) {
        this.keys = config.adminApiKeys().orElse(Set.of()).stream()
                .map(String::strip)
                .filter(key -> !key.isEmpty())
                .map(key -> key.getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    public boolean isKnown(String candidate) {
        byte[] given = candidate.getBytes(StandardCharsets.UTF_8);
        boolean known = false;
        for (byte[] key : keys) {
            // no early exit, so timing does not tell which key matched
            known |= MessageDigest.isEqual(given, key);
        }
        return known;
    }
}
