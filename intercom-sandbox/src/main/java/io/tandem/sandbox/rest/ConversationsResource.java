package io.tandem.sandbox.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tandem.sandbox.Conversation;
import io.tandem.sandbox.ConversationNotFoundException;
import io.tandem.sandbox.InvalidParameterException;
import io.tandem.sandbox.PartType;
import io.tandem.sandbox.service.ConversationService;

/**
 * Intercom's conversation operations Tandem uses: retrieve, reply, and manage (assign, close, open, snooze).
 * Bodies are taken raw, checked against the API description, and only then read.
 */
@Path("/conversations/{conversation_id}")
@Produces(MediaType.APPLICATION_JSON)
public class ConversationsResource {

    private final IntercomRequestGuard guard;
    private final ConversationService conversations;
    private final ObjectMapper json;

    ConversationsResource(IntercomRequestGuard guard, ConversationService conversations, ObjectMapper json) {
        this.guard = guard;
        this.conversations = conversations;
        this.json = json;
    }

    @GET
    public Conversation retrieve(@PathParam("conversation_id") String conversationId, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        guard.check("GET", uri, headers, null);
        return conversations.find(conversationId);
    }

    @POST
    @Path("reply")
    public Conversation reply(@PathParam("conversation_id") String conversationId, @Context UriInfo uri,
            @Context HttpHeaders headers, String body) {
        guard.check("POST", uri, headers, body);
        ReplyRequest reply = read(body, ReplyRequest.class);
        if (ReplyRequest.CONTACT.equals(reply.type())) {
            return conversations.contactReplied(conversationId, reply.intercomUserId(), reply.email(),
                    reply.userId(), reply.body());
        }
        PartType messageType = switch (reply.messageType()) {
            case ReplyRequest.NOTE -> PartType.NOTE;
            case ReplyRequest.QUICK_REPLY -> PartType.QUICK_REPLY;
            default -> PartType.COMMENT;
        };
        return conversations.adminReplied(conversationId, messageType, reply.adminId(), reply.body(),
                reply.replyOptions(), reply.attachmentUrls());
    }

    @POST
    @Path("parts")
    public Conversation manage(@PathParam("conversation_id") String conversationId, @Context UriInfo uri,
            @Context HttpHeaders headers, String body) {
        guard.check("POST", uri, headers, body);
        ManageRequest request = read(body, ManageRequest.class);
        return switch (request.messageType()) {
            case "assignment" -> conversations.assign(conversationId, request.adminId(), request.type(),
                    request.assigneeId(), request.body());
            case "close" -> conversations.close(conversationId, request.adminId(), request.body());
            case "open" -> conversations.open(conversationId, request.adminId());
            case "snoozed" -> conversations.snooze(conversationId, request.adminId(), request.snoozedUntil());
            default -> throw new IllegalStateException("The API description lets no " + request.messageType()
                    + " through");
        };
    }

    @ServerExceptionMapper
    public Response notFound(ConversationNotFoundException e) {
        return IntercomErrorList.response(404, new IntercomError(IntercomError.NOT_FOUND, "Resource Not Found", null));
    }

    @ServerExceptionMapper
    public Response invalid(InvalidParameterException e) {
        String code = e.missing() ? IntercomError.PARAMETER_NOT_FOUND : IntercomError.PARAMETER_INVALID;
        return IntercomErrorList.response(400, new IntercomError(code, e.getMessage(), e.field()));
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            // cannot happen for a body the API description accepted
            throw new IntercomApiException(400, new IntercomError(IntercomError.PARAMETER_INVALID,
                    "The request body is not valid JSON", null));
        }
    }
}
