package io.tandem.router.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tandem.router.service.InsightsService;
import io.tandem.router.service.InvalidRequestException;

/** What the assistant did per root node over a period, and the goals it escalated most. */
@AdminApi
@Path("/api/workspaces/{appId}/insights")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "insights")
@SecurityRequirement(name = OpenApiDescription.BEARER)
public class InsightsResource {

    static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

    private final InsightsService insights;

    public InsightsResource(InsightsService insights) {
        this.insights = insights;
    }

    /**
     * @param from inclusive, an instant ({@code 2026-11-01T00:00:00Z}) or a date ({@code 2026-11-01}, its start in
     *             UTC); default: 30 days before {@code to}
     * @param to   exclusive, same forms (a date means the end of that day); default: now
     */
    @GET
    @Operation(summary = "Per root node: answered, clarified, suggested, sent, escalated, suggestions taken over; "
            + "escalations per customer goal")
    public InsightsService.Insights get(@PathParam("appId") String appId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Instant end = to == null || to.isBlank() ? Instant.now() : parse("to", to, true);
        Instant start = from == null || from.isBlank() ? end.minus(DEFAULT_PERIOD) : parse("from", from, false);
        if (!start.isBefore(end)) {
            throw new InvalidRequestException("from", "from must be before to");
        }
        return insights.between(appId, start, end);
    }

    private static Instant parse(String field, String value, boolean endOfDay) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate date = LocalDate.parse(value.strip());
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidRequestException(field, field + " must be an instant like 2026-11-01T00:00:00Z or "
                        + "a date like 2026-11-01, was '" + value + "'");
            }
        }
    }
}
