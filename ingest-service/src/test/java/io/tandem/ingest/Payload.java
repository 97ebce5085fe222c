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
    /** A workspace whose Intercom app is on API 2.15+ (plain text bodies); signs with {@link #TEST_SECRET} too. */
    public static final String PLAIN_TEXT_APP = "plainapp";

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

    /**
     * The current (2.15+) shape: plain text bodies, the opening message in {@code source}, with an attachment; from
     * {@link #PLAIN_TEXT_APP}.
     */
    public static Payload userCreatedPlainText() {
        return of("conversation.user.created.v215.json", "conversation.user.created").with("appId", PLAIN_TEXT_APP);
    }

    /**
     * A notification about one new conversation part in the current (2.15+) shape, plain text body, from
     * {@link #PLAIN_TEXT_APP}; by default an
     * admin's comment in an open, unassigned conversation. Change it with {@link #with}: {@code partType},
     * {@code authorType}, {@code authorId}, {@code authorName}, {@code body}, {@code state}, {@code open},
     * {@code adminAssigneeId}, {@code teamAssigneeId}, {@code assignedTo}, {@code snoozedUntil} (JSON values).
     */
    public static Payload currentPart(String topic) {
        return partDefaults(of("conversation.part.v215.json", topic))
                .with("appId", PLAIN_TEXT_APP)
                .with("adminAssigneeId", "null")
                .with("teamAssigneeId", "null");
    }

    /** The same in the legacy (1.x) shape: HTML body, {@code assignee} object (JSON value), an attachment. */
    public static Payload legacyPart(String topic) {
        return partDefaults(of("conversation.part.legacy.json", topic))
                .with("assignee", "{\"type\": \"nobody_admin\", \"id\": null}");
    }

    private static Payload partDefaults(Payload payload) {
        return payload.with("partType", "comment")
                .with("authorType", "admin")
                .with("authorId", "991")
                .with("authorName", "Sam Support")
                .with("body", "Hello")
                .with("state", "open")
                .with("open", "true")
                .with("assignedTo", "null")
                .with("snoozedUntil", "null");
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

    /** The same notification with an empty {@code conversation_parts} list (templates with one part). */
    public Payload withoutParts() {
        String list = "\"conversation_parts\": [";
        int start = template.indexOf(list) + list.length();
        int end = template.indexOf("],\n        \"total_count\"");
        if (start < list.length() || end < start) {
            throw new IllegalStateException("the template has no conversation_parts list to empty");
        }
        return new Payload(template.substring(0, start) + template.substring(end), values);
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
