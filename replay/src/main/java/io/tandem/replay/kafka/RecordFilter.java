package io.tandem.replay.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keeps one workspace's or one conversation's records: the record key is the conversation id; the workspace is the
 * CloudEvents header {@code ce_appid}, or the JSON's {@code appId} when a record has no such header.
 *
 * @param appId          null: every workspace
 * @param conversationId null: every conversation
 */
public record RecordFilter(String appId, String conversationId) {

    public static final RecordFilter NONE = new RecordFilter(null, null);
    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean matches(ConsumerRecord<String, byte[]> record) {
        if (conversationId != null && !conversationId.equals(record.key())) {
            return false;
        }
        return appId == null || appId.equals(appIdOf(record));
    }

    public static String appIdOf(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("ce_appid");
        if (header != null && header.value() != null) {
            return new String(header.value(), StandardCharsets.UTF_8);
        }
        if (record.value() == null) {
            return null;
        }
        try {
            JsonNode app = JSON.readTree(record.value()).get("appId");
            return app == null || app.isNull() ? null : app.asText();
        } catch (java.io.IOException notJson) {
            return null;
        }
    }

    @Override
    public String toString() {
        if (appId == null && conversationId == null) {
            return "every workspace and conversation";
        }
        return (appId == null ? "" : "workspace " + appId) + (appId != null && conversationId != null ? ", " : "")
                + (conversationId == null ? "" : "conversation " + conversationId);
    }
}
