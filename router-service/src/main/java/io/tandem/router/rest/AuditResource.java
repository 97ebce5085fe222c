package io.tandem.router.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tandem.contracts.ActionDecided;
import io.tandem.router.persistence.DecisionEntity;
import io.tandem.router.persistence.DecisionRepository;
import io.tandem.router.persistence.SettingsChangeEntity;
import io.tandem.router.service.InvalidRequestException;
import io.tandem.router.service.SettingsService;

/** Why things are as they are: every settings change, and every decision in a conversation. */
@AdminApi
@Path("/api/workspaces/{appId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
@SecurityRequirement(name = OpenApiDescription.BEARER)
public class AuditResource {

    static final int MAX_LIMIT = 500;

    private final SettingsService settings;
    private final DecisionRepository decisions;
    private final ObjectMapper objectMapper;

    public AuditResource(SettingsService settings, DecisionRepository decisions, ObjectMapper objectMapper) {
        this.settings = settings;
        this.decisions = decisions;
        this.objectMapper = objectMapper;
    }

    /**
     * @param subject   {@code integration}, {@code backup rule '<node>'} or {@code action rule '<node>'}
     * @param changedBy the key that made the change, by its fingerprint
     * @param before    the value before (null: there was none)
     * @param after     the value after (null: deleted)
     */
    public record ChangeView(long id, String subject, String changedBy, Instant changedAt, JsonNode before,
            JsonNode after) {
    }

    /** One decision; {@code actions} are the types of the actions decided, in order. */
    public record DecisionView(String eventId, String eventKind, String outcome, String reason, String rule,
            String node, Double confidence, String owner, String goal, List<ActionDecided.Type> actions,
            Instant decidedAt) {
    }

    @GET
    @Path("changes")
    @Operation(summary = "Every change of the integration and the rules, newest first: who, when, before, after")
    public List<ChangeView> changes(@PathParam("appId") String appId,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return settings.changes(appId, limit).stream().map(this::view).toList();
    }

    @GET
    @Path("conversations/{conversationId}/decisions")
    @Operation(summary = "Every decision taken in a conversation, oldest first, with the rule, node, confidence "
            + "and owner behind it")
    public List<DecisionView> decisions(@PathParam("appId") String appId,
            @PathParam("conversationId") String conversationId) {
        return decisions.ofConversation(appId, conversationId).stream().map(this::view).toList();
    }

    private ChangeView view(SettingsChangeEntity change) {
        return new ChangeView(change.id, change.subject, change.changedBy, change.changedAt, tree(change.before),
                tree(change.after));
    }

    private DecisionView view(DecisionEntity decision) {
        List<ActionDecided.Type> types;
        try {
            List<ActionDecided.Type> read = new ArrayList<>();
            objectMapper.readTree(decision.actions)
                    .forEach(action -> read.add(ActionDecided.Type.valueOf(action.path("type").asText())));
            types = read;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            types = List.of();
        }
        return new DecisionView(decision.classifiedEventId, decision.eventKind, decision.outcome, decision.reason,
                decision.rule, decision.node, decision.confidence, decision.owner, decision.goal, types,
                decision.decidedAt);
    }

    private JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return objectMapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored settings change is unreadable", e);
        }
    }
}
