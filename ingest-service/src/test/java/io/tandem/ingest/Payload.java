package io.tandem.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A webhook body made from a template in src/test/resources/webhooks with fresh ids, so tests neither collide
 * with each other nor with records left by an earlier run.
 */
public record Payload(String template, Map<String, String> values) {

    public static final String TEST_APP = "testapp";
    public static final String TEST_SECRET = "test-webhook-secret";
    public static final String OTHER_APP = "otherapp";
    public static final String OTHER_SECRET = "other-webhook-secret";

    public Payload {
        values = Map.copyOf(values);
    }

    public static Payload userCreated() {
        return of("conversation.user.created.v2.json", "conversation.user.created");
    }

    public static Payload userCreatedLegacy() {
        return of("conversation.user.created.legacy.json", "conversation.user.created");
    }

    public static Payload userReplied() {
        return of("conversation.user.replied.v2.json", "conversation.user.replied");
    }

    public static Payload ping() {
        return of("ping.json", "ping");
    }

    private static Payload of(String file, String topic) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("appId", TEST_APP);
        values.put("topic", topic);
        values.put("notificationId", "notif_" + UUID.randomUUID());
        values.put("conversationId", randomDigits());
        values.put("partId", randomDigits());
        values.put("sourceId", randomDigits());
        values.put("botPartId", randomDigits());
        return new Payload(read("webhooks/" + file), values);
    }

    public Payload with(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(values);
        changed.put(name, value);
        return new Payload(template, changed);
    }

    public String value(String name) {
        return values.get(name);
    }

    public String json() {
        String json = template;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            json = json.replace("${" + entry.getKey() + "}", entry.getValue());
        }
        return json;
    }

    public byte[] bytes() {
        return json().getBytes(StandardCharsets.UTF_8);
    }

    static String randomDigits() {
        return Long.toString(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999_999L));
    }

    private static String read(String resource) {
        try (InputStream in = Payload.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
