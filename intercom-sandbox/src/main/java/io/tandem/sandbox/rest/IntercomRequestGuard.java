package io.tandem.sandbox.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import io.quarkus.runtime.Startup;
import io.tandem.sandbox.config.SandboxConfig;

/**
 * Lets an API request through only as Intercom would: with the access token, a known {@code Intercom-Version}, and
 * conforming to the sandbox's Intercom API description ({@value #DESCRIPTION}).
 */
@Startup
@ApplicationScoped
public class IntercomRequestGuard {

    public static final String DESCRIPTION = "openapi/intercom-subset.yaml";
    public static final String VERSION_HEADER = "Intercom-Version";
    public static final List<String> KNOWN_VERSIONS = List.of("2.14", "2.15", "2.16");

    private final OpenApiInteractionValidator validator;
    private final byte[] expectedAuthorization;

    IntercomRequestGuard(SandboxConfig config) {
        this.expectedAuthorization = ("Bearer " + config.accessToken()).getBytes(StandardCharsets.UTF_8);
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(description())
                .withLevelResolver(LevelResolver.create()
                        // Intercom ignores properties it does not know, and so does the sandbox
                        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /**
     * @param body the raw request body, null for requests without one
     * @throws IntercomApiException 401, or 400 with one error per offending field
     */
    public void check(String method, UriInfo uri, HttpHeaders headers, String body) {
        authenticate(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        checkVersion(headers.getHeaderString(VERSION_HEADER));
        List<IntercomError> errors = ValidationReportTranslator.errorsOf(
                validator.validateRequest(request(method, uri, headers, body)));
        if (!errors.isEmpty()) {
            throw new IntercomApiException(400, errors);
        }
    }

    private void authenticate(String authorization) {
        boolean valid = authorization != null
                && MessageDigest.isEqual(expectedAuthorization, authorization.getBytes(StandardCharsets.UTF_8));
        if (!valid) {
            throw new IntercomApiException(401, new IntercomError(IntercomError.UNAUTHORIZED, "Access Token Invalid",
                    null));
        }
    }

    private static void checkVersion(String version) {
        if (version == null || !KNOWN_VERSIONS.contains(version)) {
            String message = version == null
                    ? "The Intercom-Version header is required; this sandbox knows " + String.join(", ", KNOWN_VERSIONS)
                    : "Requested version " + version + " is not known to this sandbox; it knows "
                            + String.join(", ", KNOWN_VERSIONS);
            throw new IntercomApiException(400, new IntercomError(IntercomError.VERSION_INVALID, message,
                    VERSION_HEADER));
        }
    }

    private static SimpleRequest request(String method, UriInfo uri, HttpHeaders headers, String body) {
        String path = uri.getPath().startsWith("/") ? uri.getPath() : "/" + uri.getPath();
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
        headers.getRequestHeaders().forEach(request::withHeader);
        uri.getQueryParameters().forEach(request::withQueryParam);
        if (body != null && !body.isEmpty()) {
            request.withBody(body);
        }
        return request.build();
    }

    private static String description() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DESCRIPTION)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + DESCRIPTION + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
