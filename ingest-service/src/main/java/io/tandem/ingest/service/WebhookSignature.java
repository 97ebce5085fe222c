package io.tandem.ingest.service;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Intercom's webhook signature: {@code X-Hub-Signature: sha1=<hex HMAC-SHA1 of the raw body>}, keyed with the
 * app's client secret.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Hub-Signature";
    private static final String PREFIX = "sha1=";
    private static final String ALGORITHM = "HmacSHA1";

    private WebhookSignature() {
    }

    /** The header value Intercom would send for this body. */
    public static String sign(byte[] body, String clientSecret) {
        return PREFIX + HexFormat.of().formatHex(hmac(body, clientSecret));
    }

    /** Whether {@code header} is the signature of {@code body}, compared in constant time. */
    public static boolean matches(byte[] body, String clientSecret, String header) {
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(header.substring(PREFIX.length()).trim());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(hmac(body, clientSecret), presented);
    }

    private static byte[] hmac(byte[] body, String clientSecret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }
}
