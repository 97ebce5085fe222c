package io.tandem.router.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.tandem.router.config.RouterConfig;

/**
 * The configured admin API keys: operator keys ({@code tandem.router.admin-api-keys}) and per-workspace keys
 * ({@code tandem.router.apps.<appId>.admin-api-keys}). Compared in constant time; a key is named in the audit
 * trail by the first 8 hex digits of its SHA-256, never by itself.
 */
@ApplicationScoped
public class AdminApiKeys {

    private final List<Known> keys = new ArrayList<>();

    public AdminApiKeys(RouterConfig config) {
        config.adminApiKeys().orElse(Set.of()).forEach(key -> add(key, null));
        config.apps().forEach((appId, app) -> app.adminApiKeys().orElse(Set.of()).forEach(key -> add(key, appId)));
    }

    private void add(String key, String workspace) {
        String stripped = key.strip();
        if (stripped.isEmpty()) {
            return;
        }
        byte[] bytes = stripped.getBytes(StandardCharsets.UTF_8);
        String fingerprint = HexFormat.of().formatHex(sha256(bytes)).substring(0, 8);
        String name = workspace == null ? "operator key " + fingerprint
                : "workspace " + workspace + " key " + fingerprint;
        keys.add(new Known(bytes, new Caller(name, workspace)));
    }

    /** The caller a presented key belongs to, if any. */
    public Optional<Caller> identify(String candidate) {
        byte[] given = candidate.getBytes(StandardCharsets.UTF_8);
        Caller found = null;
        for (Known key : keys) {
            // no early exit, so timing does not tell which key matched
            if (MessageDigest.isEqual(given, key.bytes()) && found == null) {
                found = key.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private record Known(byte[] bytes, Caller caller) {
    }
}
