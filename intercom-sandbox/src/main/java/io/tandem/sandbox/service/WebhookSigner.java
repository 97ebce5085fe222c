package io.tandem.sandbox.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.tandem.sandbox.config.SandboxConfig;

/**
 * Signs webhook bodies as Intercom does: {@code sha1=} and the hex HMAC-SHA1 of the body, keyed with the app's
 * client secret.
 */
@ApplicationScoped
public class WebhookSigner {

    private static final String ALGORITHM = "HmacSHA1";

    private final SecretKeySpec key;

    WebhookSigner(SandboxConfig config) {
        this.key = new SecretKeySpec(config.webhookSecret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String signatureOf(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return "sha1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }
}
