package io.tandem.responder.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Checks a request the responder sends against an Intercom OpenAPI description, with the headers the gateway adds.
 */
final class IntercomRequestContract {

    private final OpenApiInteractionValidator validator;

    private IntercomRequestContract(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    static IntercomRequestContract of(Path description) {
        try {
            return new IntercomRequestContract(OpenApiInteractionValidator
                    .createForInlineApiSpecification(Files.readString(description))
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Only the operations Tandem calls and what they refer to: Intercom's full description has errors elsewhere
     * (in ticket and reporting operations) that keep the validator from loading it whole.
     */
    static IntercomRequestContract ofOperations(Path description, List<String> paths) {
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            ObjectNode full = (ObjectNode) yaml.readTree(description.toFile());
            ObjectNode narrowed = full.deepCopy();
            ObjectNode keptPaths = narrowed.putObject("paths");
            for (String path : paths) {
                keptPaths.set(path, full.get("paths").get(path));
            }
            ObjectNode components = (ObjectNode) full.get("components");
            ObjectNode keptComponents = narrowed.putObject("components");
            if (components.has("securitySchemes")) {
                keptComponents.set("securitySchemes", components.get("securitySchemes"));
            }
            Deque<JsonNode> toVisit = new ArrayDeque<>(List.of(keptPaths));
            Set<String> seen = new HashSet<>();
            while (!toVisit.isEmpty()) {
                JsonNode node = toVisit.pop();
                if (node.isObject() && node.has("$ref") && node.get("$ref").asText().startsWith("#/components/")) {
                    String[] ref = node.get("$ref").asText().substring("#/components/".length()).split("/", 2);
                    if (seen.add(ref[0] + "/" + ref[1])) {
                        JsonNode target = components.get(ref[0]).get(ref[1]);
                        ((ObjectNode) keptComponents.withObject("/" + ref[0])).set(ref[1], target);
                        toVisit.push(target);
                    }
                }
                node.elements().forEachRemaining(toVisit::push);
            }
            return new IntercomRequestContract(OpenApiInteractionValidator
                    .createForInlineApiSpecification(yaml.writeValueAsString(narrowed))
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void assertConforms(IntercomRequests.Request request) {
        SimpleRequest.Builder builder = "GET".equals(request.method())
                ? SimpleRequest.Builder.get(request.path())
                : SimpleRequest.Builder.post(request.path());
        builder.withHeader("Authorization", "Bearer test-token")
                .withHeader(IntercomApi.INTERCOM_VERSION, IntercomGateway.API_VERSION)
                .withAccept("application/json");
        if (request.body() != null) {
            builder.withContentType("application/json").withBody(request.body());
        }
        Request built = builder.build();
        ValidationReport report = validator.validateRequest(built);
        assertThat(report.hasErrors())
                .as("%s %s (%s) conforms:%n%s%n%s", request.method(), request.path(), request.name(), request.body(),
                        SimpleValidationReportFormat.getInstance().apply(report))
                .isFalse();
    }
}
