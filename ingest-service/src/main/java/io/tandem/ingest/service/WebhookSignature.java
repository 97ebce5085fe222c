package io.tandem.ingest.service;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

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
    /** Per thread (event loops, a few): the app's secrets, a handful per deployment. */
    private static final ThreadLocal<Map<String, Mac>> MACS = ThreadLocal.withInitial(HashMap::new);

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
        // a Mac is not thread-safe and costly to look up: one per thread and secret, reset by doFinal
        Mac mac = MACS.get().computeIfAbsent(clientSecret, WebhookSignature::newMac);
        return mac.doFinal(body);
    }

    private static Mac newMac(String clientSecret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }
}
