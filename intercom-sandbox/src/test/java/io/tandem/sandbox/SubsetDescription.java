package io.tandem.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;

import io.tandem.sandbox.rest.IntercomRequestGuard;

/**
 * The sandbox's Intercom API description, for checking that answers have the shape it promises.
 */
public final class SubsetDescription {

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(text())
            .withLevelResolver(LevelResolver.create()
                    // an answer may carry more than the subset describes, as Intercom's do
                    .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                    .build())
            .build();

    private SubsetDescription() {
    }

    public static String text() {
        try (InputStream in = SubsetDescription.class.getClassLoader()
                .getResourceAsStream(IntercomRequestGuard.DESCRIPTION)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void assertAnswerConforms(Request.Method method, String path, int status, String body) {
        ValidationReport report = VALIDATOR.validateResponse(path, method, SimpleResponse.Builder.status(status)
                .withContentType("application/json").withBody(body).build());
        assertThat(report.hasErrors())
                .as("%s %s answer conforms to the subset:%n%s", method, path,
                        SimpleValidationReportFormat.getInstance().apply(report))
                .isFalse();
    }
}
