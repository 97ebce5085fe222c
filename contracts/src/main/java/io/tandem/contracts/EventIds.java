package io.tandem.contracts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.UUID;

/**
 * Deterministic event ids: a name-based UUID (version 5, SHA-1, RFC 9562) of the event kind and what caused it.
 * Processing the same cause twice, or replaying a topic, yields the same id, which consumers use to de-duplicate.
 */
public final class EventIds {

    private static final UUID TANDEM_NAMESPACE = UUID.fromString("6f1c2b56-4a0e-5d3b-9a57-7a6e2d3c1b01");

    private EventIds() {
    }

    /**
     * @param kind  what sort of event this is, e.g. {@code "message-classified"}
     * @param cause the ids it derives from, in a fixed order; none may be null
     */
    public static String derive(String kind, String... cause) {
        Objects.requireNonNull(kind, "kind");
        StringBuilder name = new StringBuilder(kind);
        for (String part : cause) {
            // the length prefix keeps ("ab","c") and ("a","bc") apart
            String value = Objects.requireNonNull(part, "cause part");
            name.append('\u001f').append(value.length()).append(':').append(value);
        }
        return nameBased(TANDEM_NAMESPACE, name.toString()).toString();
    }

    static UUID nameBased(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
        sha1.update(toBytes(namespace));
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (hash[i] & 0xff);
            lsb = (lsb << 8) | (hash[i + 8] & 0xff);
        }
        return new UUID(msb, lsb);
    }

    private static byte[] toBytes(UUID uuid) {
        byte[] bytes = new byte[16];
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (msb >>> (56 - 8 * i));
            bytes[i + 8] = (byte) (lsb >>> (56 - 8 * i));
        }
        return bytes;
    }
}
