package io.tandem.sandbox.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * An OpenAPI 3.0 description read as a tree, with the few schema operations the conformance test needs: follow
 * {@code $ref}, flatten {@code allOf}, spread {@code oneOf} into its alternatives.
 */
final class OpenApiDocument {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final JsonNode root;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    static OpenApiDocument read(Path file) {
        try {
            return new OpenApiDocument(YAML.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OpenApiDocument parse(String text) {
        try {
            return new OpenApiDocument(YAML.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One shape a request body may take: its properties (name to schema) and required names. */
    record Variant(Map<String, JsonNode> properties, Set<String> required) {

        Variant merge(Variant other) {
            Map<String, JsonNode> mergedProperties = new LinkedHashMap<>(properties);
            mergedProperties.putAll(other.properties);
            Set<String> mergedRequired = new LinkedHashSet<>(required);
            mergedRequired.addAll(other.required);
            return new Variant(mergedProperties, mergedRequired);
        }
    }

    /** Every {@code path method} pair, e.g. {@code /me get}. */
    List<String> operations() {
        List<String> operations = new ArrayList<>();
        root.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> operations.add(path.getKey() + " " + method)));
        return operations;
    }

    Optional<JsonNode> operation(String pathAndMethod) {
        String[] parts = pathAndMethod.split(" ");
        JsonNode operation = root.path("paths").path(parts[0]).path(parts[1]);
        return operation.isMissingNode() ? Optional.empty() : Optional.of(operation);
    }

    /** The operation's parameters, {@code $ref}s followed, keyed {@code in:name}. */
    Map<String, JsonNode> parameters(JsonNode operation) {
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode resolved = resolve(parameter);
            parameters.put(resolved.path("in").asText() + ":" + resolved.path("name").asText(), resolved);
        }
        return parameters;
    }

    JsonNode requestSchema(JsonNode operation) {
        return operation.path("requestBody").path("content").path("application/json").path("schema");
    }

    Map<String, JsonNode> responseSchemas(JsonNode operation) {
        Map<String, JsonNode> schemas = new LinkedHashMap<>();
        operation.path("responses").fields().forEachRemaining(response -> {
            JsonNode schema = resolve(response.getValue()).path("content").path("application/json").path("schema");
            if (!schema.isMissingNode()) {
                schemas.put(response.getKey(), schema);
            }
        });
        return schemas;
    }

    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = root.at(current.path("$ref").asText().substring(1));
        }
        return current;
    }

    /** The JSON type a schema admits, looking through {@code $ref} and {@code allOf}; null when it does not say. */
    String typeOf(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("type")) {
            return resolved.path("type").asText();
        }
        for (JsonNode member : resolved.path("allOf")) {
            String type = typeOf(member);
            if (type != null) {
                return type;
            }
        }
        return resolved.has("properties") ? "object" : null;
    }

    Set<String> enumOf(JsonNode schema) {
        Set<String> values = new LinkedHashSet<>();
        resolve(schema).path("enum").forEach(value -> values.add(value.asText()));
        return values;
    }

    /** The properties of an object schema, those of its {@code allOf} members included. */
    Map<String, JsonNode> properties(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        for (JsonNode member : resolved.path("allOf")) {
            properties.putAll(properties(member));
        }
        resolved.path("properties").fields().forEachRemaining(p -> properties.put(p.getKey(), p.getValue()));
        return properties;
    }

    JsonNode items(JsonNode schema) {
        JsonNode items = resolve(schema).path("items");
        return items.isMissingNode() ? MissingNode.getInstance() : items;
    }

    /** Every shape the schema allows, {@code allOf} merged and {@code oneOf}/{@code anyOf} spread out. */
    List<Variant> variants(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        Set<String> required = new LinkedHashSet<>();
        resolved.path("required").forEach(name -> required.add(name.asText()));
        Map<String, JsonNode> own = new LinkedHashMap<>();
        resolved.path("properties").fields().forEachRemaining(p -> own.put(p.getKey(), p.getValue()));
        List<Variant> variants = List.of(new Variant(own, required));
        for (JsonNode member : resolved.path("allOf")) {
            variants = combine(variants, variants(member));
        }
        for (String combinator : List.of("oneOf", "anyOf")) {
            if (resolved.has(combinator)) {
                List<Variant> alternatives = new ArrayList<>();
                for (Iterator<JsonNode> it = resolved.path(combinator).elements(); it.hasNext();) {
                    alternatives.addAll(variants(it.next()));
                }
                variants = combine(variants, alternatives);
            }
        }
        return variants;
    }

    private static List<Variant> combine(List<Variant> left, List<Variant> right) {
        List<Variant> combined = new ArrayList<>();
        for (Variant l : left) {
            for (Variant r : right) {
                combined.add(l.merge(r));
            }
        }
        return combined;
    }
}
