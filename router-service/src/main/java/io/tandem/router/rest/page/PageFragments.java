package io.tandem.router.rest.page;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tandem.router.RuleAction;
import io.tandem.router.client.ClassifierRefusedException;
import io.tandem.router.client.ClassifierSkill;
import io.tandem.router.client.DownstreamUnavailableException;
import io.tandem.router.client.IntercomAdmins;
import io.tandem.router.client.IntercomConnection;
import io.tandem.router.client.IntercomTeammates;
import io.tandem.router.client.IntercomTeams;
import io.tandem.router.client.NoSkillException;
import io.tandem.router.client.SkillVersionInfo;
import io.tandem.router.client.Teammates;
import io.tandem.router.rest.AdminApi;
import io.tandem.router.rest.InsightsResource;
import io.tandem.router.rest.IntegrationResource;
import io.tandem.router.rest.IntegrationResource.IntegrationRequest;
import io.tandem.router.rest.IntegrationResource.IntegrationView;
import io.tandem.router.rest.RulesResource;
import io.tandem.router.rest.RulesResource.NodeView;
import io.tandem.router.rest.RulesResource.RulesView;
import io.tandem.router.rest.page.PageViews.Choice;
import io.tandem.router.rest.page.PageViews.FieldError;
import io.tandem.router.rest.page.PageViews.GoalRow;
import io.tandem.router.rest.page.PageViews.InsightRow;
import io.tandem.router.rest.page.PageViews.InsightView;
import io.tandem.router.rest.page.PageViews.IntegrationForm;
import io.tandem.router.rest.page.PageViews.ResponseView;
import io.tandem.router.rest.page.PageViews.RuleRow;
import io.tandem.router.rest.page.PageViews.RulesTable;
import io.tandem.router.rest.page.PageViews.Scored;
import io.tandem.router.rest.page.PageViews.Segment;
import io.tandem.router.rest.page.PageViews.SkillError;
import io.tandem.router.rest.page.PageViews.SkillView;
import io.tandem.router.rest.page.PageViews.TryView;
import io.tandem.router.service.InsightsService;
import io.tandem.router.service.InvalidRequestException;
import io.tandem.router.service.RuleNotFoundException;

/**
 * The integration page's parts, rendered on the server for a workspace. They sit behind the admin API's key (the
 * same filter, the same keys: 401 without one, 403 for another workspace's) and read and change everything through
 * the admin API's own resources, so the page validates, warns and records "who" exactly as the API does and holds
 * no state of its own.
 */
@AdminApi
@Path("/workspaces/{appId}/fragments")
@Produces(MediaType.TEXT_HTML)
public class PageFragments {

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    static final int DEFAULT_INSIGHT_DAYS = 30;
    private static final Pattern BACKUP = Pattern.compile("(team|admin):(.+)");
    private static final Pattern INDEXED_FIELD = Pattern.compile("(dialog_nodes|intents|entities)\\[(\\d+)](?:\\.(.*))?");

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance integration(IntegrationForm form);

        static native TemplateInstance rules(RulesTable table);

        static native TemplateInstance rules$row(RuleRow row);

        static native TemplateInstance insight(InsightView insight);

        static native TemplateInstance skill(SkillView skill);

        static native TemplateInstance tryResult(TryView result);
    }

    private final IntegrationResource integrations;
    private final RulesResource rules;
    private final InsightsResource insights;
    private final IntercomConnection connection;
    private final IntercomTeammates intercom;
    private final ClassifierSkill skill;
    private final ObjectMapper objectMapper;

    public PageFragments(IntegrationResource integrations, RulesResource rules, InsightsResource insights,
            IntercomConnection connection, IntercomTeammates intercom, ClassifierSkill skill,
            ObjectMapper objectMapper) {
        this.integrations = integrations;
        this.rules = rules;
        this.insights = insights;
        this.connection = connection;
        this.intercom = intercom;
        this.skill = skill;
        this.objectMapper = objectMapper;
    }

    /** What the submitted settings form held; booleans are checkboxes (absent: unchecked). */
    private record Submitted(String assistantAdminId, boolean dialogReady, boolean monitoring, String monitoredInbox,
            String threshold) {
    }

    @GET
    @Path("integration")
    @Operation(hidden = true, summary = "The page's connection state and settings form")
    public Response integration(@PathParam("appId") String appId) {
        IntegrationView stored = integrations.get(appId);
        return html(200, Templates.integration(integrationForm(appId, stored(stored), stored, false, null)));
    }

    @POST
    @Path("integration")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true, summary = "Saves the settings form through PUT /api/workspaces/{appId}/integration")
    public Response saveIntegration(@PathParam("appId") String appId,
            @FormParam("assistantAdminId") String assistantAdminId, @FormParam("dialogReady") String dialogReady,
            @FormParam("monitoring") String monitoring, @FormParam("monitoredInbox") String monitoredInbox,
            @FormParam("threshold") String threshold) {
        IntegrationView current = integrations.get(appId);
        Submitted submitted = new Submitted(strip(assistantAdminId), dialogReady != null, monitoring != null,
                strip(monitoredInbox).isEmpty() ? current.monitoredInbox() : strip(monitoredInbox), strip(threshold));
        try {
            // only what changed is sent: an unchanged assistant or inbox needs no look-up in Intercom
            String assistant = submitted.assistantAdminId().isEmpty()
                    || submitted.assistantAdminId().equals(current.assistantAdminId()) ? null
                            : submitted.assistantAdminId();
            String inbox = submitted.monitoredInbox().equals(current.monitoredInbox()) ? null
                    : submitted.monitoredInbox();
            IntegrationView saved = integrations.put(appId, new IntegrationRequest(assistant,
                    submitted.dialogReady(), submitted.monitoring(), inbox, threshold(submitted.threshold())));
            return html(200, Templates.integration(integrationForm(appId, stored(saved), saved, true, null)));
        } catch (InvalidRequestException e) {
            return html(400, Templates.integration(integrationForm(appId, submitted, current, false,
                    new FieldError(e.field(), e.getMessage()))));
        } catch (DownstreamUnavailableException e) {
            return html(503, Templates.integration(integrationForm(appId, submitted, current, false,
                    new FieldError(null, e.getMessage()))));
        }
    }

    @GET
    @Path("rules")
    @Operation(hidden = true, summary = "The rules table: the skill's root nodes with their action, backup and warnings")
    public Response rules(@PathParam("appId") String appId) {
        RulesView view = rules.get(appId);
        Lookup teammates = teammates(appId);
        List<RuleRow> rows = view.nodes().stream()
                .map(node -> row(node, teammates, warningsAbout(view, node.node()), false, null))
                .toList();
        List<String> general = view.warnings().stream()
                .filter(warning -> view.nodes().stream().noneMatch(node -> mentions(warning, node.node())))
                .toList();
        return html(200, Templates.rules(new RulesTable(rows, general, teammates.error())));
    }

    @POST
    @Path("rules")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true, summary = "Saves one row of the rules table through the rules API (PUT or DELETE of the node's "
            + "backup and action rules)")
    public Response saveRule(@PathParam("appId") String appId, @FormParam("node") String node,
            @FormParam("action") String action, @FormParam("backup") String backup) {
        String key = strip(node);
        Optional<NodeView> before = rules.get(appId).nodes().stream().filter(n -> n.node().equals(key)).findFirst();
        FieldError error = null;
        int status = 200;
        try {
            NodeView current = before.orElseThrow(() -> new InvalidRequestException("node",
                    "unknown node '" + key + "': not a root node of the workspace's skill"));
            // the backup first, so the action's warnings already know it
            saveBackup(appId, current, strip(backup));
            saveAction(appId, current, strip(action));
        } catch (InvalidRequestException e) {
            error = new FieldError(e.field(), e.getMessage());
            status = 400;
        } catch (RuleNotFoundException e) {
            error = new FieldError("node", e.getMessage());
            status = 404;
        } catch (DownstreamUnavailableException e) {
            error = new FieldError(null, e.getMessage());
            status = 503;
        }
        RulesView after = rules.get(appId);
        Optional<NodeView> stored = after.nodes().stream().filter(n -> n.node().equals(key)).findFirst();
        RuleRow row = stored.isPresent()
                ? row(stored.get(), teammates(appId), warningsAbout(after, key), error == null, error)
                : new RuleRow(key, null, null, false, false, List.of(), true, List.of(), List.of(), List.of(), false,
                        error);
        return html(status, Templates.rules$row(row));
    }

    @GET
    @Path("insight")
    @Operation(hidden = true, summary = "Insight over a period: per root node answered, suggested, sent, escalated, and the goals "
            + "escalated most, as a chart and tables")
    public Response insight(@PathParam("appId") String appId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String last = strip(to).isEmpty() ? today.toString() : strip(to);
        String first = strip(from).isEmpty() ? today.minusDays(DEFAULT_INSIGHT_DAYS).toString() : strip(from);
        try {
            return html(200, Templates.insight(insightView(first, last, insights.get(appId, first, last))));
        } catch (InvalidRequestException e) {
            return html(400, Templates.insight(new InsightView(first, last, List.of(), List.of(),
                    new FieldError(e.field(), e.getMessage()))));
        }
    }

    @GET
    @Path("skill")
    @Operation(hidden = true, summary = "The workspace's active skill version, from classifier-service")
    public Response skill(@PathParam("appId") String appId) {
        return html(200, Templates.skill(skillView(appId, null, List.of(), null)));
    }

    @POST
    @Path("skill")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM })
    @Operation(hidden = true, summary = "Uploads a Watson Assistant JSON export to classifier-service; its validation errors are "
            + "listed per node")
    public Response uploadSkill(@PathParam("appId") String appId, byte[] export) {
        if (export == null || export.length == 0) {
            return html(400, Templates.skill(skillView(appId, null, List.of(),
                    "choose a Watson Assistant JSON export (a .json file) to upload")));
        }
        try {
            SkillVersionInfo uploaded = skill.upload(appId, export);
            return html(201, Templates.skill(skillView(appId, uploaded, List.of(), null)));
        } catch (ClassifierRefusedException e) {
            return html(400, Templates.skill(skillView(appId, null, skillErrors(export, e.problem()), null)));
        } catch (DownstreamUnavailableException e) {
            return html(503, Templates.skill(skillView(appId, null, List.of(), e.getMessage())));
        }
    }

    @POST
    @Path("try")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true, summary = "Sends one message to the active skill (classifier-service's try-it-out) and shows "
            + "intents, entities, nodes and responses")
    public Response tryMessage(@PathParam("appId") String appId, @FormParam("text") String text,
            @FormParam("context") String context) {
        String message = text == null ? "" : text.strip();
        ObjectNode request = objectMapper.createObjectNode();
        request.putObject("input").put("text", message);
        try {
            if (!strip(context).isEmpty()) {
                request.set("context", objectMapper.readTree(context));
            }
            return html(200, Templates.tryResult(tryView(message, skill.tryMessage(appId, request))));
        } catch (JsonProcessingException e) {
            return html(400, Templates.tryResult(tryError(message, "the conversation's context is unreadable; "
                    + "start a new conversation")));
        } catch (NoSkillException e) {
            return html(404, Templates.tryResult(tryError(message, "workspace " + appId
                    + " has no dialog skill yet: upload one first")));
        } catch (ClassifierRefusedException e) {
            return html(400, Templates.tryResult(tryError(message, problemDetail(e.problem()))));
        } catch (DownstreamUnavailableException e) {
            return html(503, Templates.tryResult(tryError(message, e.getMessage())));
        }
    }

    // ---- settings

    private static Submitted stored(IntegrationView view) {
        return new Submitted(view.assistantAdminId() == null ? "" : view.assistantAdminId(), view.dialogReady(),
                view.monitoring(), view.monitoredInbox(), Double.toString(view.threshold()));
    }

    private IntegrationForm integrationForm(String appId, Submitted values, IntegrationView stored, boolean saved,
            FieldError error) {
        IntercomConnection.State state = connection.check(appId);
        Lookup teammates = teammates(appId);
        List<Choice> inboxes = new ArrayList<>();
        inboxes.add(new Choice("unassigned", "Unassigned", "unassigned".equals(values.monitoredInbox())));
        for (IntercomTeams.Team team : teammates.teams()) {
            inboxes.add(new Choice(team.id(), team.name() + " (team " + team.id() + ")",
                    team.id().equals(values.monitoredInbox())));
        }
        if (inboxes.stream().noneMatch(Choice::selected)) {
            inboxes.add(new Choice(values.monitoredInbox(), "team " + values.monitoredInbox(), true));
        }
        List<Choice> admins = teammates.admins().stream()
                .map(admin -> new Choice(admin.id(), admin.name(), admin.id().equals(values.assistantAdminId())))
                .toList();
        String assistantName = teammates.admins().stream()
                .filter(admin -> admin.id().equals(values.assistantAdminId()))
                .map(IntercomAdmins.Admin::name).findFirst().orElse(null);
        return new IntegrationForm(appId, state, values.assistantAdminId(), assistantName, values.dialogReady(),
                values.monitoring(), inboxes, admins, values.threshold(),
                stored.updatedAt() == null ? null : SHOWN.format(stored.updatedAt()), teammates.error(), saved, error);
    }

    private static Double threshold(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Double.valueOf(value);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("threshold", "threshold must be a number between 0 and 1, was '"
                    + value + "'");
        }
    }

    // ---- rules

    private void saveBackup(String appId, NodeView node, String backup) {
        if (backup.isEmpty()) {
            if (node.backup() != null) {
                rules.deleteBackup(appId, node.node());
            }
            return;
        }
        Matcher matcher = BACKUP.matcher(backup);
        if (!matcher.matches()) {
            throw new InvalidRequestException("backup", "backup must be team:<id> or admin:<id>, was '" + backup
                    + "'");
        }
        boolean unchanged = node.backup() != null && node.backup().type().equals(matcher.group(1))
                && node.backup().id().equals(matcher.group(2));
        if (!unchanged) {
            rules.putBackup(appId, node.node(), new RulesResource.BackupRequest(matcher.group(1), matcher.group(2)));
        }
    }

    private void saveAction(String appId, NodeView node, String action) {
        if (action.isEmpty()) {
            if (!node.actionIsDefault()) {
                rules.deleteAction(appId, node.node());
            }
            return;
        }
        if (node.actionIsDefault() || !node.action().name().equals(action)) {
            rules.putAction(appId, node.node(), new RulesResource.ActionRequest(action));
        }
    }

    private static RuleRow row(NodeView node, Lookup teammates, List<String> warnings, boolean saved,
            FieldError error) {
        List<Choice> actions = new ArrayList<>();
        actions.add(new Choice("", "Default (answer)", node.actionIsDefault()));
        for (RuleAction action : RuleAction.values()) {
            actions.add(new Choice(action.name(), label(action), !node.actionIsDefault() && node.action() == action));
        }
        String chosen = node.backup() == null ? null : node.backup().type() + ":" + node.backup().id();
        List<Choice> teams = new ArrayList<>(teammates.teams().stream()
                .map(team -> new Choice("team:" + team.id(), team.name(), ("team:" + team.id()).equals(chosen)))
                .toList());
        List<Choice> admins = new ArrayList<>(teammates.admins().stream()
                .map(admin -> new Choice("admin:" + admin.id(), admin.name() + (admin.awayModeEnabled() ? " (away)" : ""),
                        ("admin:" + admin.id()).equals(chosen)))
                .toList());
        if (chosen != null && teams.stream().noneMatch(Choice::selected) && admins.stream().noneMatch(Choice::selected)) {
            // Intercom did not list it (or did not answer): still show what is stored
            (chosen.startsWith("team:") ? teams : admins).add(new Choice(chosen, node.backup().type() + " "
                    + node.backup().id(), true));
        }
        return new RuleRow(node.node(), node.title(), node.userLabel(), node.hasChildren(), node.connectToAgent(),
                actions, chosen == null, teams, admins, warnings, saved, error);
    }

    private static String label(RuleAction action) {
        return switch (action) {
            case DO_NOTHING -> "Do nothing";
            case SEND -> "Send to backup";
            case SUGGEST -> "Suggest to backup";
            case ANSWER -> "Answer";
        };
    }

    /** The API's warnings name their node in quotes ({@code 'Returns' has the action SUGGEST but ...}). */
    private static List<String> warningsAbout(RulesView view, String node) {
        return view.warnings().stream().filter(warning -> mentions(warning, node)).toList();
    }

    private static boolean mentions(String warning, String node) {
        return warning.contains("'" + node + "'");
    }

    /** A workspace's admins and teams, or why Intercom could not list them. */
    private record Lookup(List<IntercomAdmins.Admin> admins, List<IntercomTeams.Team> teams, String error) {
    }

    private Lookup teammates(String appId) {
        try {
            Teammates teammates = intercom.fetch(appId);
            return new Lookup(teammates.admins(), teammates.teams(), null);
        } catch (DownstreamUnavailableException e) {
            return new Lookup(List.of(), List.of(), e.getMessage());
        }
    }

    // ---- insight

    private static InsightView insightView(String from, String to, InsightsService.Insights insights) {
        long busiest = insights.nodes().stream().mapToLong(PageFragments::total).max().orElse(0);
        List<InsightRow> rows = insights.nodes().stream().map(node -> {
            long total = total(node);
            List<Segment> segments = new ArrayList<>();
            segment(segments, "answered", "answered", node.answered(), total);
            segment(segments, "clarified", "asked \"did you mean\"", node.clarified(), total);
            segment(segments, "suggested", "suggested", node.suggested(), total);
            segment(segments, "sent", "sent", node.sent(), total);
            segment(segments, "escalated", "escalated", node.escalated(), total);
            segment(segments, "taken-over", "taken over", node.suggestionsTakenOver(), total);
            String summary = node.node() + ": " + String.join(", ",
                    segments.stream().map(segment -> segment.count() + " " + segment.label()).toList());
            return new InsightRow(node.node(), node.answered(), node.clarified(), node.suggested(), node.sent(),
                    node.escalated(), node.suggestionsTakenOver(), total, percent(total, busiest), segments, summary);
        }).toList();
        long mostEscalations = insights.escalationsByGoal().stream()
                .mapToLong(InsightsService.GoalInsight::escalations).max().orElse(0);
        List<GoalRow> goals = insights.escalationsByGoal().stream()
                .map(goal -> new GoalRow(goal.goal(), goal.escalations(), percent(goal.escalations(), mostEscalations)))
                .toList();
        return new InsightView(from, to, rows, goals, null);
    }

    private static long total(InsightsService.NodeInsight node) {
        return node.answered() + node.clarified() + node.suggested() + node.sent() + node.escalated()
                + node.suggestionsTakenOver();
    }

    private static void segment(List<Segment> segments, String kind, String label, long count, long total) {
        if (count > 0) {
            segments.add(new Segment(kind, label, count, percent(count, total)));
        }
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "0" : String.format(Locale.ROOT, "%.1f", 100.0 * part / whole);
    }

    // ---- skill

    private SkillView skillView(String appId, SkillVersionInfo uploaded, List<SkillError> errors, String error) {
        if (uploaded != null && uploaded.active()) {
            return new SkillView(uploaded, null, uploaded, errors, error);
        }
        try {
            return new SkillView(skill.active(appId).orElse(null), null, uploaded, errors, error);
        } catch (DownstreamUnavailableException e) {
            return new SkillView(null, e.getMessage(), uploaded, errors, error);
        }
    }

    /**
     * classifier-service's problems ({@code errors}: {@code field}, {@code detail}), each with the node, intent or
     * entity it lies in, looked up in the uploaded export ({@code dialog_nodes[3].parent} is node 3's).
     */
    private List<SkillError> skillErrors(byte[] export, String problemJson) {
        JsonNode problem = readQuietly(problemJson.getBytes(StandardCharsets.UTF_8));
        JsonNode workspace = readQuietly(export);
        List<SkillError> errors = new ArrayList<>();
        if (problem.path("errors").isArray() && !problem.path("errors").isEmpty()) {
            problem.path("errors").forEach(item -> errors.add(skillError(workspace,
                    item.path("field").asText(""), item.path("detail").asText(""))));
        } else {
            errors.add(skillError(workspace, problem.path("field").asText(""), problemDetail(problemJson)));
        }
        return errors;
    }

    private static SkillError skillError(JsonNode workspace, String field, String detail) {
        Matcher matcher = INDEXED_FIELD.matcher(field);
        if (!matcher.matches()) {
            return new SkillError(null, field, detail);
        }
        JsonNode element = workspace.path(matcher.group(1)).path(Integer.parseInt(matcher.group(2)));
        String rest = matcher.group(3) == null ? "" : matcher.group(3);
        String where = switch (matcher.group(1)) {
            case "dialog_nodes" -> named("node", element.path("dialog_node"), element.path("title"), matcher.group(2));
            case "intents" -> named("intent", element.path("intent"), null, matcher.group(2));
            default -> named("entity", element.path("entity"), null, matcher.group(2));
        };
        return new SkillError(where, rest.isEmpty() ? field : rest, detail);
    }

    private static String named(String kind, JsonNode id, JsonNode title, String index) {
        if (!id.isTextual()) {
            return kind + " #" + index;
        }
        String name = kind + " '" + id.asText() + "'";
        return title != null && title.isTextual() && !title.asText().isBlank()
                ? name + " (" + title.asText() + ")"
                : name;
    }

    private JsonNode readQuietly(byte[] json) {
        try {
            JsonNode node = objectMapper.readTree(json);
            return node == null ? objectMapper.missingNode() : node;
        } catch (IOException e) {
            return objectMapper.missingNode();
        }
    }

    private String problemDetail(String problemJson) {
        JsonNode problem = readQuietly(problemJson.getBytes(StandardCharsets.UTF_8));
        String detail = problem.path("detail").asText("");
        return detail.isEmpty() ? "classifier-service refused the request" : detail;
    }

    // ---- try it

    private static TryView tryError(String text, String error) {
        return new TryView(text, List.of(), List.of(), List.of(), List.of(), "", error);
    }

    private TryView tryView(String text, JsonNode answer) throws JsonProcessingException {
        List<Scored> intents = new ArrayList<>();
        answer.path("intents").forEach(intent -> intents.add(new Scored("#" + intent.path("intent").asText(),
                confidence(intent.path("confidence")))));
        List<Scored> entities = new ArrayList<>();
        answer.path("entities").forEach(entity -> entities.add(new Scored(
                "@" + entity.path("entity").asText() + ":" + entity.path("value").asText(),
                confidence(entity.path("confidence")))));
        List<String> visited = new ArrayList<>();
        answer.path("output").path("nodes_visited").forEach(node -> visited.add(node.asText()));
        List<ResponseView> responses = new ArrayList<>();
        answer.path("output").path("generic").forEach(item -> responses.add(response(item)));
        JsonNode context = answer.path("context");
        return new TryView(text, intents, entities, visited, responses,
                context.isObject() ? objectMapper.writeValueAsString(context) : "", null);
    }

    private static String confidence(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%.0f%%", 100 * value.asDouble()) : "";
    }

    private static ResponseView response(JsonNode item) {
        String type = item.path("response_type").asText("");
        Function<String, String> text = name -> item.path(name).asText("");
        return switch (type) {
            case "text" -> new ResponseView(type, text.apply("text"), List.of(), null);
            case "option" -> {
                List<String> options = new ArrayList<>();
                item.path("options").forEach(option -> options.add(option.path("label").asText()));
                yield new ResponseView(type, text.apply("title"), options, emptyToNull(text.apply("description")));
            }
            case "image" -> new ResponseView(type, text.apply("title").isEmpty() ? "image" : text.apply("title"),
                    List.of(), emptyToNull(text.apply("source")));
            case "pause" -> new ResponseView(type, "pause of " + item.path("time").asLong() + " ms", List.of(), null);
            case "connect_to_agent" -> new ResponseView(type, text.apply("message_to_human_agent"), List.of(),
                    "agent available: \"" + item.path("agent_available").path("message").asText("") + "\"; "
                            + "unavailable: \"" + item.path("agent_unavailable").path("message").asText("") + "\"");
            default -> new ResponseView(type, item.toString(), List.of(), null);
        };
    }

    // ---- helpers

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static Response html(int status, TemplateInstance template) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset(StandardCharsets.UTF_8.name()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(template.render())
                .build();
    }
}
