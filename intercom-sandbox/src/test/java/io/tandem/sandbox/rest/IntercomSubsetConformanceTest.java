package io.tandem.sandbox.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.tandem.sandbox.SharedCorpus;
import io.tandem.sandbox.SubsetDescription;
import io.tandem.sandbox.rest.OpenApiDocument.Variant;

/**
 * The sandbox's Intercom API description promises nothing Intercom's published description does not: same
 * operations, parameters, request bodies and answer properties, with the same types.
 */
@Tag("shared-corpus")
class IntercomSubsetConformanceTest {

    private static final OpenApiDocument SUBSET = OpenApiDocument.parse(SubsetDescription.text());

    @ParameterizedTest
    @ValueSource(strings = {"2.14", "2.15", "2.16"})
    void everyOperationOfTheSubsetIsPublished(String version) {
        OpenApiDocument published = published(version);

        assertThat(SUBSET.operations()).hasSize(7)
                .allSatisfy(operation -> assertThat(published.operation(operation)).as(operation).isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.14", "2.15", "2.16"})
    void everyParameterOfTheSubsetIsPublishedWithTheSameType(String version) {
        OpenApiDocument published = published(version);
        List<String> problems = new ArrayList<>();

        for (String operation : SUBSET.operations()) {
            Map<String, JsonNode> publishedParameters = published.parameters(published.operation(operation)
                    .orElseThrow());
            SUBSET.parameters(SUBSET.operation(operation).orElseThrow()).forEach((key, parameter) -> {
                JsonNode match = publishedParameters.get(key);
                if (match == null) {
                    problems.add(operation + ": parameter " + key + " is not published");
                } else if (!Objects.equals(SUBSET.typeOf(parameter.path("schema")),
                        published.typeOf(match.path("schema")))) {
                    problems.add(operation + ": parameter " + key + " has another type than published");
                }
            });
        }

        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.14", "2.15", "2.16"})
    void everyRequestBodyShapeOfTheSubsetIsAPublishedOne(String version) {
        OpenApiDocument published = published(version);
        List<String> problems = new ArrayList<>();

        for (String operation : SUBSET.operations()) {
            JsonNode subsetBody = SUBSET.requestSchema(SUBSET.operation(operation).orElseThrow());
            if (subsetBody.isMissingNode()) {
                continue;
            }
            List<Variant> publishedVariants = published.variants(
                    published.requestSchema(published.operation(operation).orElseThrow()));
            for (Variant variant : SUBSET.variants(subsetBody)) {
                List<String> closest = publishedVariants.stream()
                        .map(candidate -> differences(variant, candidate, published))
                        .min(Comparator.comparingInt(List::size))
                        .orElse(List.of("no published request body"));
                closest.forEach(difference -> problems.add(operation + " " + variant.properties().keySet() + ": "
                        + difference));
            }
        }

        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.14", "2.15", "2.16"})
    void everyAnswerPropertyOfTheSubsetIsPublishedWithTheSameType(String version) {
        OpenApiDocument published = published(version);
        List<String> problems = new ArrayList<>();
        int compared = 0;

        for (String operation : SUBSET.operations()) {
            Map<String, JsonNode> publishedAnswers = published.responseSchemas(published.operation(operation)
                    .orElseThrow());
            for (Map.Entry<String, JsonNode> answer : SUBSET.responseSchemas(SUBSET.operation(operation)
                    .orElseThrow()).entrySet()) {
                JsonNode publishedAnswer = publishedAnswers.get(answer.getKey());
                if (publishedAnswer != null) {
                    compared++;
                    compare(answer.getValue(), publishedAnswer, published, operation + " " + answer.getKey() + ":",
                            problems);
                } else if ("200".equals(answer.getKey())) {
                    problems.add(operation + ": no published 200 answer");
                }
            }
        }

        assertThat(compared).as("answers compared").isGreaterThanOrEqualTo(SUBSET.operations().size());
        assertThat(problems).isEmpty();
    }

    private static List<String> differences(Variant subset, Variant candidate, OpenApiDocument published) {
        List<String> differences = new ArrayList<>();
        subset.properties().forEach((name, schema) -> {
            JsonNode match = candidate.properties().get(name);
            if (match == null) {
                differences.add(name + " is not published");
                return;
            }
            String type = SUBSET.typeOf(schema);
            if (!Objects.equals(type, published.typeOf(match))) {
                differences.add(name + " is " + type + ", published " + published.typeOf(match));
            }
            Set<String> publishedValues = published.enumOf(match);
            if (!publishedValues.isEmpty() && !publishedValues.containsAll(SUBSET.enumOf(schema))) {
                differences.add(name + " allows " + SUBSET.enumOf(schema) + ", published only " + publishedValues);
            }
        });
        if (!subset.required().equals(candidate.required())) {
            differences.add("requires " + subset.required() + ", published " + candidate.required());
        }
        return differences;
    }

    /** Walks the subset's answer schema and finds each property in the published one. */
    private static void compare(JsonNode subset, JsonNode published, OpenApiDocument publishedDocument, String at,
            List<String> problems) {
        String type = SUBSET.typeOf(subset);
        String publishedType = publishedDocument.typeOf(published);
        if (!Objects.equals(type, publishedType)) {
            problems.add(at + " is " + type + ", published " + publishedType);
            return;
        }
        Set<String> publishedValues = publishedDocument.enumOf(published);
        if (!publishedValues.isEmpty() && !publishedValues.containsAll(SUBSET.enumOf(subset))) {
            problems.add(at + " allows " + SUBSET.enumOf(subset) + ", published only " + publishedValues);
        }
        if ("array".equals(type)) {
            compare(SUBSET.items(subset), publishedDocument.items(published), publishedDocument, at + "[]", problems);
            return;
        }
        Map<String, JsonNode> publishedProperties = publishedDocument.properties(published);
        SUBSET.properties(subset).forEach((name, schema) -> {
            JsonNode match = publishedProperties.get(name);
            if (match == null) {
                problems.add(child(at, name) + " is not published");
            } else {
                compare(schema, match, publishedDocument, child(at, name), problems);
            }
        });
    }

    private static String child(String at, String name) {
        return at.endsWith(":") ? at + " " + name : at + "." + name;
    }

    private static OpenApiDocument published(String version) {
        return OpenApiDocument.read(SharedCorpus.path("intercom/openapi/" + version + "/api.intercom.io.yaml"));
    }
}
