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
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.tandem.contracts.ConversationMessageReceived.Author;
import io.tandem.ingest.CustomerMessage;
import io.tandem.ingest.IntercomNotification;
import io.tandem.ingest.IntercomTopic;

/**
 * Reads Intercom's notification envelope ({@code type}, {@code app_id}, {@code id}, {@code topic},
 * {@code data.item}, {@code created_at}, ...) and the conversation in {@code data.item}, in both the current 2.x
 * shape ({@code item.source}) and the legacy 1.x shape ({@code item.conversation_message}).
 */
@ApplicationScoped
public class NotificationParser {

    static final String NOTIFICATION_EVENT = "notification_event";
    /** Intercom author types that are the customer side of a conversation. */
    static final Set<String> CUSTOMER_AUTHOR_TYPES = Set.of("user", "lead", "contact");

    private final ObjectReader reader;

    public NotificationParser(ObjectMapper mapper) {
        this.reader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Parses the body as a JSON object; its {@code app_id} tells whose secret the signature is checked with. */
    public Envelope envelope(byte[] body) {
        JsonNode root;
        try {
            root = reader.readTree(body);
        } catch (JsonProcessingException e) {
            throw WebhookRejectedException.malformed(fieldAt(e), "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw WebhookRejectedException.malformed("body", "the body could not be read as JSON");
        }
        if (root == null || root.isMissingNode()) {
            throw WebhookRejectedException.malformed("body", "the body is empty");
        }
        JsonField envelope = JsonField.root(root).requireObject();
        return new Envelope(envelope, envelope.get("app_id").requireText());
    }

    /** A parsed body; only read beyond {@code app_id} once the signature is verified. */
    public record Envelope(JsonField root, String appId) {

        /** The webhook topic, after checking this is a notification event. */
        public String topic() {
            JsonField type = root.get("type");
            if (!NOTIFICATION_EVENT.equals(type.requireText())) {
                throw WebhookRejectedException.malformed("type", "type must be " + NOTIFICATION_EVENT);
            }
            return root.get("topic").requireText();
        }

        public IntercomNotification notification(IntercomTopic topic) {
            String notificationId = root.get("id").requireText();
            Instant createdAt = root.get("created_at").requireEpochSeconds();
            // read for validation only: Intercom always sends them, Tandem does not use them
            root.get("delivery_attempts").optionalInteger();
            root.get("first_sent_at").optionalEpochSeconds();
            JsonField item = root.get("data").requireObject().get("item").requireObject();
            String conversationId = item.get("id").requireId();
            List<CustomerMessage> messages = switch (topic) {
                case CONVERSATION_USER_CREATED -> List.of(openingMessage(item, topic, createdAt));
                case CONVERSATION_USER_REPLIED -> newCustomerParts(item, topic, createdAt);
            };
            return new IntercomNotification(appId, notificationId, topic, conversationId, createdAt, messages);
        }
    }

    /** The message that opened the conversation: {@code item.source} (2.x) or {@code item.conversation_message}. */
    private static CustomerMessage openingMessage(JsonField item, IntercomTopic topic, Instant notifiedAt) {
        JsonField source = item.get("source");
        if (!source.present()) {
            JsonField legacy = item.get("conversation_message");
            source = legacy.present() ? legacy : source;
        }
        source.requireObject();
        Instant createdAt = item.get("created_at").optionalEpochSeconds().orElse(notifiedAt);
        return new CustomerMessage(topic.kind(), source.get("id").requireId(), author(source), text(source),
                createdAt);
    }

    /** The customer-written parts among {@code item.conversation_parts.conversation_parts}, which holds only new parts. */
    private static List<CustomerMessage> newCustomerParts(JsonField item, IntercomTopic topic, Instant notifiedAt) {
        JsonField parts = item.get("conversation_parts").requireObject().get("conversation_parts").requireArray();
        if (parts.node().isEmpty()) {
            throw parts.problem("must hold the new part");
        }
        List<CustomerMessage> messages = new ArrayList<>();
        for (int i = 0; i < parts.node().size(); i++) {
            JsonField part = parts.at(i).requireObject();
            String authorType = part.get("author").requireObject().get("type").requireText();
            if (CUSTOMER_AUTHOR_TYPES.contains(authorType)) {
                Instant createdAt = part.get("created_at").optionalEpochSeconds().orElse(notifiedAt);
                messages.add(new CustomerMessage(topic.kind(), part.get("id").requireId(), author(part), text(part),
                        createdAt));
            }
        }
        return messages;
    }

    private static Author author(JsonField message) {
        JsonField author = message.get("author").requireObject();
        return new Author(author.get("type").requireText(), author.get("id").requireId());
    }

    private static String text(JsonField message) {
        return MessageText.toPlainText(message.get("body").optionalText());
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
