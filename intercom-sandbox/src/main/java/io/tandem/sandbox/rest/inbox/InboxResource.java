package io.tandem.sandbox.rest.inbox;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tandem.sandbox.Conversation;
import io.tandem.sandbox.ConversationNotFoundException;
import io.tandem.sandbox.InvalidParameterException;
import io.tandem.sandbox.PartType;
import io.tandem.sandbox.rest.inbox.InboxView.ConversationList;
import io.tandem.sandbox.rest.inbox.InboxView.ConversationView;
import io.tandem.sandbox.service.ConversationService;
import io.tandem.sandbox.service.TeammateService;
import io.tandem.sandbox.service.Workspace;

/**
 * The sandbox inbox at {@code /}: the customer writes on the left, the teammate watches and acts on the right. Every
 * action goes through the same service as the REST API, so it is announced by the same webhooks. The page asks every
 * second whether the list or the open conversation changed ({@code version}); 204 when they did not.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class InboxResource {

    private final InboxViews views;
    private final ConversationService conversations;
    private final TeammateService teammates;
    private final Workspace workspace;

    InboxResource(InboxViews views, ConversationService conversations, TeammateService teammates,
            Workspace workspace) {
        this.views = views;
        this.conversations = conversations;
        this.teammates = teammates;
        this.workspace = workspace;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(InboxView view);

        static native TemplateInstance inbox$conversations(ConversationList conversations);

        static native TemplateInstance inbox$conversation(ConversationView conversation);
    }

    @GET
    public TemplateInstance page(@QueryParam("conversation") String conversationId,
            @QueryParam("teammate") String teammateId) {
        return Templates.inbox(views.page(blankToNull(conversationId), teammateId, null));
    }

    @GET
    @Path("inbox/conversations")
    public Response list(@QueryParam("selected") String selectedId, @QueryParam("teammate") String teammateId,
            @QueryParam("version") String version) {
        ConversationList list = views.list(selectedId, teammateId);
        return list.version().equals(version) ? Response.noContent().build()
                : Response.ok(Templates.inbox$conversations(list)).build();
    }

    @GET
    @Path("inbox/conversations/{id}")
    public Response conversation(@PathParam("id") String conversationId, @QueryParam("version") String version) {
        ConversationView conversation = views.conversation(conversationId);
        return String.valueOf(conversation.version()).equals(version) ? Response.noContent().build()
                : Response.ok(Templates.inbox$conversation(conversation)).build();
    }

    /** The customer opens a conversation; announced with {@code conversation.user.created}. */
    @POST
    @Path("inbox/conversations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@RestForm String message, @RestForm String email, @RestForm String name,
            @RestForm String teammate) {
        String body = required("message", message, "Write what the customer says");
        String address = blankToNull(email);
        if (address != null && !address.contains("@")) {
            throw InvalidParameterException.invalid("email", "The customer's email must be an email address");
        }
        Conversation conversation = conversations.start(body, address, blankToNull(name));
        return backTo(conversation.id(), teammate);
    }

    /** The customer writes again; announced with {@code conversation.user.replied}. */
    @POST
    @Path("inbox/conversations/{id}/customer-replies")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response customerReply(@PathParam("id") String conversationId, @RestForm String message,
            @RestForm String teammate) {
        conversations.customerReplied(conversationId, required("message", message, "Write what the customer says"));
        return backTo(conversationId, teammate);
    }

    /** The customer clicks a quick-reply button; their answer is announced with {@code conversation.user.replied}. */
    @POST
    @Path("inbox/conversations/{id}/quick-reply-choices")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response quickReply(@PathParam("id") String conversationId, @RestForm String uuid,
            @RestForm String teammate) {
        conversations.quickReplyChosen(conversationId, required("uuid", uuid, "Choose a button"));
        return backTo(conversationId, teammate);
    }

    /** The teammate replies to the customer; announced with {@code conversation.admin.replied}. */
    @POST
    @Path("inbox/conversations/{id}/teammate-replies")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response teammateReply(@PathParam("id") String conversationId, @RestForm("admin_id") String adminId,
            @RestForm String message) {
        conversations.adminReplied(conversationId, PartType.COMMENT, adminId,
                required("message", message, "Write the reply"));
        return backTo(conversationId, adminId);
    }

    /** The teammate writes a note (a {@code /tandem} command is a note too); announced with {@code conversation.admin.noted}. */
    @POST
    @Path("inbox/conversations/{id}/teammate-notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response teammateNote(@PathParam("id") String conversationId, @RestForm("admin_id") String adminId,
            @RestForm String message) {
        conversations.adminReplied(conversationId, PartType.NOTE, adminId,
                required("message", message, "Write the note"));
        return backTo(conversationId, adminId);
    }

    /**
     * The teammate assigns the conversation: {@code admin:<id>}, {@code team:<id>}, {@code bot} (back to the
     * assistant) or empty (unassigned); announced with {@code conversation.admin.assigned}.
     */
    @POST
    @Path("inbox/conversations/{id}/assignments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("id") String conversationId, @RestForm("admin_id") String adminId,
            @RestForm("assign_to") String assignTo) {
        String target = assignTo == null ? InboxViews.UNASSIGNED : assignTo.strip();
        if (target.equals(InboxViews.UNASSIGNED)) {
            conversations.assign(conversationId, adminId, "admin", "0", null);
        } else if (target.equals(InboxViews.ASSISTANT)) {
            conversations.assign(conversationId, adminId, "admin", workspace.bot().id(), null);
        } else if (target.startsWith(InboxViews.ADMIN_PREFIX)) {
            conversations.assign(conversationId, adminId, "admin",
                    target.substring(InboxViews.ADMIN_PREFIX.length()), null);
        } else if (target.startsWith(InboxViews.TEAM_PREFIX)) {
            conversations.assign(conversationId, adminId, "team", target.substring(InboxViews.TEAM_PREFIX.length()),
                    null);
        } else {
            throw InvalidParameterException.invalid("assign_to",
                    "assign_to must be admin:<id>, team:<id>, bot or empty (got " + target + ")");
        }
        return backTo(conversationId, adminId);
    }

    /** A teammate goes away or comes back; announced with {@code admin.away_mode_updated}. */
    @POST
    @Path("inbox/admins/{id}/away")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response away(@PathParam("id") String adminId, @RestForm String away) {
        teammates.setAway(adminId, Boolean.parseBoolean(away), false);
        return Response.noContent().build();
    }

    @ServerExceptionMapper
    public Response notFound(ConversationNotFoundException e) {
        return Response.status(404).type(MediaType.TEXT_HTML)
                .entity(Templates.inbox(views.page(null, null, "No conversation " + e.conversationId()))).build();
    }

    @ServerExceptionMapper
    public Response invalid(InvalidParameterException e) {
        return Response.status(400).type(MediaType.TEXT_HTML)
                .entity(Templates.inbox(views.page(null, null, e.getMessage()))).build();
    }

    private static Response backTo(String conversationId, String teammateId) {
        return Response.seeOther(URI.create("/?conversation=" + conversationId
                + (teammateId == null || teammateId.isBlank() ? "" : "&teammate=" + teammateId))).build();
    }

    private static String required(String field, String value, String hint) {
        if (value == null || value.isBlank()) {
            throw InvalidParameterException.invalid(field, hint + ": " + field + " is empty");
        }
        return value.strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
