package io.tandem.sandbox.rest.inbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import io.tandem.sandbox.Admin;
import io.tandem.sandbox.Conversation;
import io.tandem.sandbox.ConversationPart;
import io.tandem.sandbox.PartAttachment;
import io.tandem.sandbox.PartType;
import io.tandem.sandbox.QuickReplyOption;
import io.tandem.sandbox.Reference;
import io.tandem.sandbox.Team;
import io.tandem.sandbox.config.SandboxConfig;
import io.tandem.sandbox.rest.inbox.InboxView.AwayToggle;
import io.tandem.sandbox.rest.inbox.InboxView.Button;
import io.tandem.sandbox.rest.inbox.InboxView.Choice;
import io.tandem.sandbox.rest.inbox.InboxView.ConversationList;
import io.tandem.sandbox.rest.inbox.InboxView.ConversationSummary;
import io.tandem.sandbox.rest.inbox.InboxView.ConversationView;
import io.tandem.sandbox.rest.inbox.InboxView.Image;
import io.tandem.sandbox.rest.inbox.InboxView.PartView;
import io.tandem.sandbox.service.ConversationService;
import io.tandem.sandbox.service.Workspace;

/**
 * Turns the sandbox's conversations and workspace into what the inbox page shows, naming admins and teams as the
 * workspace does.
 */
@ApplicationScoped
class InboxViews {

    /** {@code assign-to} values besides {@code admin:<id>} and {@code team:<id>}. */
    static final String ASSISTANT = "bot";
    static final String UNASSIGNED = "";
    static final String ADMIN_PREFIX = "admin:";
    static final String TEAM_PREFIX = "team:";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int PREVIEW_LENGTH = 60;

    private final ConversationService conversations;
    private final Workspace workspace;
    private final SandboxConfig config;

    InboxViews(ConversationService conversations, Workspace workspace, SandboxConfig config) {
        this.conversations = conversations;
        this.workspace = workspace;
        this.config = config;
    }

    /**
     * @param conversationId the conversation to open; null opens the newest
     * @param teammateId     the teammate who acts; null for the first human teammate
     */
    InboxView page(String conversationId, String teammateId, String error) {
        List<Conversation> all = conversations.all();
        Conversation selected = conversationId != null ? conversations.find(conversationId)
                : all.isEmpty() ? null : all.get(0);
        String actingId = actingTeammate(teammateId);
        Conversation current = selected;
        return new InboxView(config.appId(), list(all, current == null ? null : current.id(), actingId),
                current == null ? null : conversation(current), actingId, teammates(actingId),
                assignees(current), awayToggles(), error);
    }

    ConversationList list(String selectedId, String teammateId) {
        return list(conversations.all(), blankToNull(selectedId), actingTeammate(teammateId));
    }

    ConversationView conversation(String conversationId) {
        return conversation(conversations.find(conversationId));
    }

    /** The teammate acting on the page: the one asked for if they are a human teammate, else the first one. */
    String actingTeammate(String teammateId) {
        List<Admin> humans = humans();
        return humans.stream().map(Admin::id).filter(id -> id.equals(teammateId)).findFirst()
                .orElse(humans.isEmpty() ? workspace.bot().id() : humans.get(0).id());
    }

    private ConversationList list(List<Conversation> all, String selectedId, String teammateId) {
        long parts = all.stream().mapToLong(c -> c.conversationParts().totalCount()).sum();
        List<ConversationSummary> items = all.stream().map(c -> new ConversationSummary(c.id(), customerName(c),
                preview(c), owner(c), c.state().name().toLowerCase(java.util.Locale.ROOT),
                c.id().equals(selectedId), "/?conversation=" + c.id() + "&teammate=" + teammateId)).toList();
        return new ConversationList(all.size() + "." + parts + "." + selectedId, selectedId, teammateId, items);
    }

    private ConversationView conversation(Conversation conversation) {
        List<PartView> parts = new ArrayList<>();
        parts.add(new PartView(conversation.source().id(), PartType.COMMENT.value(), conversation.customer().type(),
                customerName(conversation), false, MessageHtml.ofText(conversation.source().body()), null, List.of(),
                false, null, List.of(), TIME.format(Instant.ofEpochSecond(conversation.createdAt()))));
        List<ConversationPart> all = conversation.conversationParts().conversationParts();
        int answerable = newestUnansweredQuickReply(all);
        for (int i = 0; i < all.size(); i++) {
            parts.add(part(conversation, all.get(i), i == answerable));
        }
        return new ConversationView(conversation.id(), conversation.conversationParts().totalCount(),
                customerName(conversation), conversation.customer().email(),
                conversation.state().name().toLowerCase(java.util.Locale.ROOT), owner(conversation), parts);
    }

    private PartView part(Conversation conversation, ConversationPart part, boolean answerable) {
        boolean byTandem = "admin".equals(part.author().type()) && workspace.bot().id().equals(part.author().id());
        List<Button> buttons = part.quickReplyOptions().stream().map(o -> new Button(o.text(), o.uuid())).toList();
        String chosen = part.metadata() == null || part.metadata().quickReplyUuid() == null ? null
                : conversation.quickReplyOption(part.metadata().quickReplyUuid()).map(QuickReplyOption::text)
                        .orElse(part.body());
        List<Image> images = part.attachments().stream().map(InboxViews::image).toList();
        return new PartView(part.id(), part.partType().value(), part.author().type(), part.author().name(), byTandem,
                isCustomer(part) ? MessageHtml.ofText(part.body()) : MessageHtml.of(part.body()), event(part), buttons,
                answerable, chosen, images,
                TIME.format(Instant.ofEpochSecond(part.createdAt())));
    }

    private static Image image(PartAttachment attachment) {
        return new Image(attachment.url(), attachment.name());
    }

    /** The index of the newest quick reply with buttons that no customer part follows; -1 when none. */
    private static int newestUnansweredQuickReply(List<ConversationPart> parts) {
        for (int i = parts.size() - 1; i >= 0; i--) {
            ConversationPart part = parts.get(i);
            if (isCustomer(part)) {
                return -1;
            }
            if (!part.quickReplyOptions().isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isCustomer(ConversationPart part) {
        String type = part.author().type();
        return !"admin".equals(type) && !"bot".equals(type) && !"team".equals(type);
    }

    private String event(ConversationPart part) {
        String who = part.author().name();
        return switch (part.partType()) {
            case ASSIGNMENT -> who + " assigned this conversation to " + assigneeName(part.assignedTo());
            case CLOSE -> who + " closed this conversation";
            case OPEN -> who + " reopened this conversation";
            case SNOOZED -> who + " snoozed this conversation";
            default -> null;
        };
    }

    private String assigneeName(Reference assignee) {
        if (assignee == null || assignee.id() == null) {
            return "nobody (unassigned)";
        }
        return "team".equals(assignee.type()) ? teamName(assignee.id()) : adminName(assignee.id());
    }

    private String owner(Conversation conversation) {
        List<String> owners = new ArrayList<>();
        if (conversation.teamAssigneeId() != null) {
            owners.add(teamName(String.valueOf(conversation.teamAssigneeId())));
        }
        if (conversation.adminAssigneeId() != null) {
            owners.add(adminName(String.valueOf(conversation.adminAssigneeId())));
        }
        return owners.isEmpty() ? "Unassigned" : String.join(" · ", owners);
    }

    private String teamName(String id) {
        return workspace.team(id).map(Team::name).map(name -> "team " + name).orElse("team " + id);
    }

    private String adminName(String id) {
        return workspace.admin(id).map(Admin::name).orElse("admin " + id);
    }

    private List<Choice> teammates(String actingId) {
        return humans().stream().map(a -> new Choice(a.id(), a.name(), a.id().equals(actingId))).toList();
    }

    private List<Choice> assignees(Conversation conversation) {
        String current = currentAssignee(conversation);
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice(UNASSIGNED, "Unassigned", UNASSIGNED.equals(current)));
        choices.add(new Choice(ASSISTANT, "The assistant (" + workspace.bot().name() + ")",
                ASSISTANT.equals(current)));
        for (Team team : workspace.teams().teams()) {
            choices.add(new Choice(TEAM_PREFIX + team.id(), "Team " + team.name(),
                    (TEAM_PREFIX + team.id()).equals(current)));
        }
        for (Admin admin : humans()) {
            choices.add(new Choice(ADMIN_PREFIX + admin.id(), admin.name() + (admin.awayModeEnabled() ? " (away)" : ""),
                    (ADMIN_PREFIX + admin.id()).equals(current)));
        }
        return choices;
    }

    private String currentAssignee(Conversation conversation) {
        if (conversation == null) {
            return null;
        }
        if (conversation.adminAssigneeId() != null) {
            String admin = String.valueOf(conversation.adminAssigneeId());
            return admin.equals(workspace.bot().id()) ? ASSISTANT : ADMIN_PREFIX + admin;
        }
        return conversation.teamAssigneeId() != null ? TEAM_PREFIX + conversation.teamAssigneeId() : UNASSIGNED;
    }

    private List<AwayToggle> awayToggles() {
        return workspace.admins().admins().stream()
                .map(a -> new AwayToggle(a.id(), a.name(), a.awayModeEnabled())).toList();
    }

    private List<Admin> humans() {
        return workspace.admins().admins().stream()
                .filter(admin -> !Objects.equals(admin.id(), workspace.bot().id())).toList();
    }

    private static String customerName(Conversation conversation) {
        String name = conversation.customer().name();
        if (name != null && !name.isBlank()) {
            return name;
        }
        String email = conversation.customer().email();
        return email != null && !email.isBlank() ? email : "Visitor " + conversation.customer().id();
    }

    private static String preview(Conversation conversation) {
        List<ConversationPart> parts = conversation.conversationParts().conversationParts();
        String body = conversation.source().body();
        for (int i = parts.size() - 1; i >= 0; i--) {
            if (parts.get(i).body() != null && parts.get(i).partType() != PartType.NOTE) {
                body = parts.get(i).body();
                break;
            }
        }
        String text = org.jsoup.Jsoup.parse(body == null ? "" : body).text();
        return text.length() <= PREVIEW_LENGTH ? text : text.substring(0, PREVIEW_LENGTH - 1) + "…";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
