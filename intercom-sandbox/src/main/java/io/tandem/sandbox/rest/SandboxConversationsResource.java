package io.tandem.sandbox.rest;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.tandem.sandbox.Conversation;
import io.tandem.sandbox.ConversationNotFoundException;
import io.tandem.sandbox.InvalidParameterException;
import io.tandem.sandbox.service.ConversationService;

/**
 * The sandbox playing the customer: open a conversation, write in it, and see it whole, with every part Tandem
 * wrote. No access token needed.
 */
@Path("/sandbox/conversations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SandboxConversationsResource {

    private final ConversationService conversations;

    SandboxConversationsResource(ConversationService conversations) {
        this.conversations = conversations;
    }

    /** Opens a conversation and announces it with a {@code conversation.user.created} webhook. */
    @POST
    public Response open(CustomerMessage message, @Context UriInfo uri) {
        requireBody(message == null ? null : message.body());
        String email = blankToNull(message.email());
        if (email != null && !email.contains("@")) {
            throw new InvalidCustomerMessageException("email", "email must be an email address");
        }
        Conversation conversation = conversations.start(message.body(), email, blankToNull(message.name()));
        URI location = uri.getAbsolutePathBuilder().path(conversation.id()).build();
        return Response.created(location).entity(conversation).build();
    }

    /** The customer writes again; announced with a {@code conversation.user.replied} webhook. */
    @POST
    @Path("{id}/user-replies")
    public Conversation reply(@PathParam("id") String conversationId, CustomerMessage message) {
        requireBody(message == null ? null : message.body());
        return conversations.customerReplied(conversationId, message.body());
    }

    /**
     * The customer clicks a quick-reply button (named by its uuid): their comment with the button's text, announced
     * with a {@code conversation.user.replied} webhook.
     */
    @POST
    @Path("{id}/quick-reply-choices")
    public Conversation chooseQuickReply(@PathParam("id") String conversationId, QuickReplyChoice choice) {
        if (choice == null || choice.uuid() == null || choice.uuid().isBlank()) {
            throw new InvalidCustomerMessageException("uuid", "uuid must name the quick-reply button clicked");
        }
        try {
            return conversations.quickReplyChosen(conversationId, choice.uuid().strip());
        } catch (InvalidParameterException e) {
            throw new InvalidCustomerMessageException(e.field(), e.getMessage());
        }
    }

    /** The conversation exactly as Intercom's "retrieve a conversation" shows it. */
    @GET
    @Path("{id}")
    public Conversation get(@PathParam("id") String conversationId) {
        return conversations.find(conversationId);
    }

    @ServerExceptionMapper
    public Response notFound(ConversationNotFoundException e) {
        return Problem.notFound("No conversation " + e.conversationId());
    }

    @ServerExceptionMapper
    public Response invalid(InvalidCustomerMessageException e) {
        return Problem.invalidRequest(e.field(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return Problem.invalidRequest(null, "The request body is not valid JSON");
    }

    @ServerExceptionMapper
    public Response httpError(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException) {
            return unreadable((JsonProcessingException) e.getCause());
        }
        return Problem.httpError(e.getResponse().getStatusInfo(), e.getMessage());
    }

    private static void requireBody(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidCustomerMessageException("body", "body must say what the customer writes");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
