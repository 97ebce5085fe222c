package io.tandem.ingest.service;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A JSON value with the dotted path it was found at, so a missing or mistyped field is reported by name
 * ({@code data.item.conversation_parts.conversation_parts[0].id}).
 */
record JsonField(JsonNode node, String path) {

    static JsonField root(JsonNode node) {
        return new JsonField(node, "");
    }

    JsonField get(String name) {
        JsonNode child = node.isObject() ? node.path(name) : MissingNode.getInstance();
        return new JsonField(child, path.isEmpty() ? name : path + "." + name);
    }

    JsonField at(int index) {
        return new JsonField(node.path(index), path + "[" + index + "]");
    }

    boolean present() {
        return !node.isMissingNode() && !node.isNull();
    }

    JsonField requireObject() {
        if (!node.isObject()) {
            throw problem("must be an object");
        }
        return this;
    }

    JsonField requireArray() {
        if (!node.isArray()) {
            throw problem("must be an array");
        }
        return this;
    }

    /** A non-blank string. */
    String requireText() {
        if (!node.isTextual() || node.asText().isBlank()) {
            throw problem("must be a non-empty string");
        }
        return node.asText();
    }

    /** An Intercom id: a non-blank string, or an integer (as some older payloads have it). */
    String requireId() {
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        return requireText();
    }

    /** An Intercom id (string or integer), or empty when absent or null. */
    Optional<String> optionalId() {
        return present() ? Optional.of(requireId()) : Optional.empty();
    }

    /** A string, or empty when absent or null. */
    String optionalText() {
        if (!present()) {
            return "";
        }
        if (!node.isTextual()) {
            throw problem("must be a string");
        }
        return node.asText();
    }

    /** A Unix timestamp in seconds. */
    Instant requireEpochSeconds() {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw problem("must be a Unix timestamp in seconds");
        }
        try {
            return Instant.ofEpochSecond(node.longValue());
        } catch (DateTimeException outOfRange) {
            throw problem("must be a Unix timestamp in seconds");
        }
    }

    Optional<Instant> optionalEpochSeconds() {
        return present() ? Optional.of(requireEpochSeconds()) : Optional.empty();
    }

    /** An integer, when present. */
    Optional<Long> optionalInteger() {
        if (!present()) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw problem("must be an integer");
        }
        return Optional.of(node.longValue());
    }

    WebhookRejectedException problem(String what) {
        String name = path.isEmpty() ? "body" : path;
        String found = node.isMissingNode() ? "is missing" : "is " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        return WebhookRejectedException.malformed(name, name + " " + what + " but " + found);
    }
}
