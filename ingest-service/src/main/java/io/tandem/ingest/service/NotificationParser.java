package io.tandem.ingest.service;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.tandem.contracts.ConversationEvent.Attachment;
import io.tandem.contracts.ConversationEvent.Author;
import io.tandem.contracts.ConversationEvent.Owner;
import io.tandem.contracts.ConversationEvent.Part;
import io.tandem.ingest.BodyFormat;
import io.tandem.ingest.IntercomNotification;
import io.tandem.ingest.IntercomTopic;
import io.tandem.ingest.IntercomTopic.PartRule;

/**
 * Reads Intercom's notification envelope ({@code type}, {@code app_id}, {@code id}, {@code topic},
 * {@code data.item}, {@code created_at}, ...) and the conversation in {@code data.item}, in both the current 2.x
 * shape ({@code item.source}) and the legacy 1.x shape ({@code item.conversation_message}).
 */
@ApplicationScoped
public class NotificationParser {

    static final String NOTIFICATION_EVENT = "notification_event";
    /** The {@code partType} given to a conversation's opening message, which Intercom gives none. */
    public static final String OPENING_MESSAGE_PART_TYPE = "source";
    /** What {@link #envelope} keeps of a body before the signature is verified. */
    private static final Set<String> HEAD_FIELDS = Set.of("type", "app_id", "id", "topic");

    private final ObjectReader reader;

    public NotificationParser(ObjectMapper mapper) {
        this.reader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * Reads the body as one JSON object, but keeps only the envelope's own scalar fields ({@code type}, {@code app_id},
     * {@code id}, {@code topic}): its {@code app_id} tells whose secret the signature is checked with, and a
     * redelivery is recognized by its {@code id} without building the tree of the whole conversation. The whole body
     * is still checked to be valid JSON here; {@link Envelope#notification} builds its tree.
     */
    public Envelope envelope(byte[] body) {
        ObjectNode head;
        try {
            head = head(body);
            if (head == null) {
                // empty, or not an object: the tree tells which
                head = (ObjectNode) JsonField.root(tree(body)).requireObject().node();
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
        JsonField envelope = JsonField.root(head);
        return new Envelope(this, body, envelope, envelope.get("app_id").requireText());
    }

    /** The envelope's own fields, the rest skipped but checked to be JSON; null when the body is no object. */
    private ObjectNode head(byte[] body) throws IOException {
        try (JsonParser json = reader.createParser(body)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            ObjectNode head = JsonNodeFactory.instance.objectNode();
            for (JsonToken token = json.nextToken(); token == JsonToken.FIELD_NAME; token = json.nextToken()) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                if (HEAD_FIELDS.contains(name)) {
                    head.set(name, value.isScalarValue() ? scalar(json, value)
                            : value == JsonToken.START_ARRAY ? head.arrayNode() : head.objectNode());
                }
                json.skipChildren();
            }
            if (json.nextToken() != null) {
                throw WebhookRejectedException.malformed("body",
                        "the body is not valid JSON: more follows the object");
            }
            return head;
        }
    }

    private static JsonNode scalar(JsonParser json, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_STRING -> TextNode.valueOf(json.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> JsonNodeFactory.instance.numberNode(json.getDecimalValue());
            case VALUE_TRUE, VALUE_FALSE -> BooleanNode.valueOf(json.getBooleanValue());
            default -> NullNode.getInstance();
        };
    }

    private static WebhookRejectedException unreadable(IOException e) {
        return e instanceof JsonProcessingException json
                ? WebhookRejectedException.malformed(fieldAt(json), "the body is not valid JSON: " + json.getOriginalMessage())
                : WebhookRejectedException.malformed("body", "the body could not be read as JSON");
    }

    private JsonNode tree(byte[] body) throws IOException {
        JsonNode root = reader.readTree(body);
        if (root == null || root.isMissingNode()) {
            throw WebhookRejectedException.malformed("body", "the body is empty");
        }
        return root;
    }

    /** A body whose envelope was read; the conversation in it is only read once the signature is verified. */
    public static final class Envelope {

        private final NotificationParser parser;
        private final byte[] body;
        private final JsonField head;
        private final String appId;

        private Envelope(NotificationParser parser, byte[] body, JsonField head, String appId) {
            this.parser = parser;
            this.body = body;
            this.head = head;
            this.appId = appId;
        }

        public String appId() {
            return appId;
        }

        /** The webhook topic, after checking this is a notification event. */
        public String topic() {
            JsonField type = head.get("type");
            if (!NOTIFICATION_EVENT.equals(type.requireText())) {
                throw WebhookRejectedException.malformed("type", "type must be " + NOTIFICATION_EVENT);
            }
            return head.get("topic").requireText();
        }

        /** The notification's id (Intercom's {@code id}), the same in every delivery of it. */
        public String notificationId() {
            return head.get("id").requireText();
        }

        public IntercomNotification notification(IntercomTopic topic) {
            return notification(topic, BodyFormat.AUTO);
        }

        /** @param bodies what the app's bodies are; a legacy (1.x) payload's are HTML whatever it says */
        public IntercomNotification notification(IntercomTopic topic, BodyFormat bodies) {
            JsonField root = JsonField.root(parser.wholeBody(body));
            String notificationId = root.get("id").requireText();
            Instant createdAt = root.get("created_at").requireEpochSeconds();
            // read for validation only: Intercom always sends them, Tandem does not use them
            root.get("delivery_attempts").optionalInteger();
            root.get("first_sent_at").optionalEpochSeconds();
            JsonField item = root.get("data").requireObject().get("item").requireObject();
            String conversationId = item.get("id").requireId();
            BodyFormat format = item.get("conversation_message").present() ? BodyFormat.HTML : bodies;
            Part part = topic.partRule().openingMessage() ? openingMessage(item, format)
                    : newestPart(item, topic.partRule(), format);
            return new IntercomNotification(appId, notificationId, topic, conversationId, createdAt, part,
                    owner(item), state(item));
        }
    }

    private JsonNode wholeBody(byte[] body) {
        try {
            return tree(body);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** The message that opened the conversation: {@code item.source} (2.x) or {@code item.conversation_message}. */
    private static Part openingMessage(JsonField item, BodyFormat format) {
        JsonField source = item.get("source");
        if (!source.present()) {
            JsonField legacy = item.get("conversation_message");
            source = legacy.present() ? legacy : source;
        }
        source.requireObject();
        Instant createdAt = item.get("created_at").optionalEpochSeconds().orElse(null);
        return new Part(source.get("id").requireId(), OPENING_MESSAGE_PART_TYPE, author(source, item), text(source, format),
                attachments(source), createdAt);
    }

    /**
     * The part a notification is about among {@code item.conversation_parts.conversation_parts}, which in a webhook
     * hold only the new parts: the newest the topic prefers, else the newest of all; null when there is none and the
     * topic does without.
     */
    private static Part newestPart(JsonField item, PartRule rule, BodyFormat format) {
        JsonField list = item.get("conversation_parts");
        if (!list.present() && !rule.required()) {
            return null;
        }
        JsonField parts = list.requireObject().get("conversation_parts").requireArray();
        if (parts.node().isEmpty()) {
            if (rule.required()) {
                throw parts.problem("must hold the new part");
            }
            return null;
        }
        JsonField newest = null;
        JsonField newestPreferred = null;
        for (int i = 0; i < parts.node().size(); i++) {
            JsonField part = parts.at(i).requireObject();
            String authorType = part.get("author").requireObject().get("type").requireText();
            long createdAt = part.get("created_at").optionalInteger().orElse(0L);
            // parts come oldest first; on equal times the later one is the newer
            if (newest == null || createdAt >= createdAt(newest)) {
                newest = part;
            }
            if (rule.prefers(part.get("part_type").optionalText(), authorType)
                    && (newestPreferred == null || createdAt >= createdAt(newestPreferred))) {
                newestPreferred = part;
            }
        }
        JsonField chosen = newestPreferred != null ? newestPreferred : newest;
        return new Part(chosen.get("id").requireId(), chosen.get("part_type").optionalText(), author(chosen, item),
                text(chosen, format), attachments(chosen), chosen.get("created_at").optionalEpochSeconds().orElse(null));
    }

    private static long createdAt(JsonField part) {
        return part.get("created_at").optionalInteger().orElse(0L);
    }

    /**
     * The owner: {@code admin_assignee_id} and {@code team_assignee_id} (2.x, 0 or null when unassigned), or the
     * legacy {@code assignee} object ({@code type} admin, team or nobody_admin).
     */
    private static Owner owner(JsonField item) {
        JsonField admin = item.get("admin_assignee_id");
        JsonField team = item.get("team_assignee_id");
        if (admin.present() || team.present()) {
            return new Owner(admin.optionalId().orElse(null), team.optionalId().orElse(null));
        }
        JsonField assignee = item.get("assignee");
        if (!assignee.present()) {
            return Owner.UNASSIGNED;
        }
        assignee.requireObject();
        String id = assignee.get("id").optionalId().orElse(null);
        return switch (assignee.get("type").optionalText()) {
            case "admin" -> new Owner(id, null);
            case "team" -> new Owner(null, id);
            default -> Owner.UNASSIGNED;
        };
    }

    /** {@code item.state}, else derived from the legacy {@code item.open}; null when neither is there. */
    private static String state(JsonField item) {
        String state = item.get("state").optionalText();
        if (!state.isEmpty()) {
            return state;
        }
        JsonField open = item.get("open");
        if (!open.present()) {
            return null;
        }
        if (!open.node().isBoolean()) {
            throw open.problem("must be a boolean");
        }
        return open.node().booleanValue() ? "open" : "closed";
    }

    /** The author; a legacy opening message names its author only in {@code item.user}. */
    private static Author author(JsonField message, JsonField item) {
        JsonField author = message.get("author").requireObject();
        String id = author.get("id").requireId();
        String name = author.get("name").optionalText();
        if (name.isEmpty()) {
            JsonField user = item.get("user");
            if (user.node().isObject() && id.equals(user.get("id").optionalId().orElse(null))) {
                name = user.get("name").optionalText();
            }
        }
        return new Author(author.get("type").requireText(), id, name.isEmpty() ? null : name);
    }

    private static String text(JsonField message, BodyFormat format) {
        return MessageText.toPlainText(message.get("body").optionalText(), format);
    }

    private static List<Attachment> attachments(JsonField message) {
        JsonField attachments = message.get("attachments");
        if (!attachments.present()) {
            return List.of();
        }
        attachments.requireArray();
        List<Attachment> result = new ArrayList<>();
        for (int i = 0; i < attachments.node().size(); i++) {
            JsonField attachment = attachments.at(i).requireObject();
            result.add(new Attachment(emptyToNull(attachment.get("name").optionalText()),
                    emptyToNull(attachment.get("url").optionalText()), emptyToNull(attachment.get("content_type").optionalText())));
        }
        return result;
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    /** The dotted path of the value being read when parsing failed, e.g. {@code data.item}. */
    static String fieldAt(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser parser)) {
            return "body";
        }
        List<String> names = new ArrayList<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
                context = context.getParent()) {
            if (context.inArray()) {
                names.add(0, "[" + Math.max(context.getCurrentIndex(), 0) + "]");
            } else if (context.getCurrentName() != null) {
                names.add(0, "." + context.getCurrentName());
            }
        }
        String path = String.join("", names);
        return path.isEmpty() ? "body" : path.startsWith(".") ? path.substring(1) : path;
    }
}
