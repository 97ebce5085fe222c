package io.tandem.classifier.rest;

import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.tandem.classifier.InvalidSkillException;
import io.tandem.classifier.SkillNotFoundException;
import io.tandem.classifier.rest.ProblemDetail.FieldProblem;

/**
 * Turns errors at the HTTP edge into problem JSON, never a stack trace.
 */
public class ProblemResponses {

    private static final Logger LOG = Logger.getLogger(ProblemResponses.class);

    static final String TYPE_PREFIX = "urn:tandem:problem:";

    @ServerExceptionMapper
    public Response invalidSkill(InvalidSkillException e) {
        List<FieldProblem> errors = e.problems().stream()
                .map(problem -> new FieldProblem(problem.field(), problem.detail()))
                .toList();
        String detail = errors.size() == 1
                ? errors.get(0).field() + " " + errors.get(0).detail()
                : errors.size() + " problems prevent training the skill; see errors";
        return problem(new ProblemDetail(TYPE_PREFIX + "invalid-skill", "The skill cannot be trained", 400, detail,
                errors.get(0).field(), errors));
    }

    @ServerExceptionMapper
    public Response skillNotFound(SkillNotFoundException e) {
        if (e.version() != null) {
            return problem(new ProblemDetail(TYPE_PREFIX + "skill-version-not-found", "No such skill version", 404,
                    "app " + e.appId() + " has no skill version " + e.version() + "; GET .../skill/versions lists them",
                    "version", null));
        }
        return problem(new ProblemDetail(TYPE_PREFIX + "skill-not-found", "No skill", 404,
                "app " + e.appId() + " has no skill; PUT one first", "appId", null));
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return problem(new ProblemDetail(TYPE_PREFIX + "invalid-request", "Bad Request", 400, e.getMessage(),
                e.field(), null));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.StatusType reason = Response.Status.fromStatusCode(status);
        String title = reason == null ? "HTTP " + status : reason.getReasonPhrase();
        return problem(new ProblemDetail(TYPE_PREFIX + "http-" + status, title, status, e.getMessage(), null, null));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("request failed", e);
        return problem(new ProblemDetail(TYPE_PREFIX + "internal-error", "Internal Server Error", 500,
                "the request failed unexpectedly; the service log has the details", null, null));
    }

    static Response unauthorized() {
        return Response.fromResponse(problem(new ProblemDetail(TYPE_PREFIX + "unauthorized", "Unauthorized", 401,
                        "send a valid admin API key as 'Authorization: Bearer <key>'", HttpHeaders.AUTHORIZATION,
                        null)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    static Response forbidden(String appId) {
        return problem(new ProblemDetail(TYPE_PREFIX + "forbidden", "Forbidden", 403,
                "this admin API key is not valid for workspace " + appId, HttpHeaders.AUTHORIZATION, null));
    }

    static Response problem(ProblemDetail problem) {
        return Response.status(problem.status()).type(ProblemDetail.MEDIA_TYPE).entity(problem).build();
    }
}
