package io.tandem.router.rest;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tandem.router.Backup;
import io.tandem.router.RuleAction;
import io.tandem.router.Rules;
import io.tandem.router.client.SkillNode;
import io.tandem.router.service.InvalidRequestException;
import io.tandem.router.service.SettingsService;

/**
 * Backup and action rules per root node; {@code {node}} is the node name, or its id when it has none.
 */
@AdminApi
@Path("/api/workspaces/{appId}/rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "rules")
@SecurityRequirement(name = OpenApiDescription.BEARER)
public class RulesResource {

    private final SettingsService settings;
    private final CurrentCaller caller;

    public RulesResource(SettingsService settings, CurrentCaller caller) {
        this.settings = settings;
        this.caller = caller;
    }

    /** {@code type}: {@code team} or {@code admin}. */
    public record BackupRequest(String type, String id) {
    }

    /** {@code action}: DO_NOTHING, SEND, SUGGEST or ANSWER. */
    public record ActionRequest(String action) {
    }

    public record BackupRuleView(String node, String type, String id, List<String> warnings) {
    }

    public record ActionRuleView(String node, RuleAction action, List<String> warnings) {
    }

    public record DeletedRuleView(String node, List<String> warnings) {
    }

    /** A root node of the skill with the rules that apply to it ({@code actionIsDefault}: no rule, answer). */
    public record NodeView(String node, String id, String title, String userLabel, boolean hasChildren,
            boolean connectToAgent, RuleAction action, boolean actionIsDefault, BackupView backup) {
    }

    public record BackupView(String type, String id) {

        static BackupView of(Backup backup) {
            return backup == null ? null : new BackupView(backup.type().name().toLowerCase(Locale.ROOT), backup.id());
        }
    }

    public record StoredBackupRule(String node, String type, String id) {
    }

    public record StoredActionRule(String node, RuleAction action) {
    }

    /**
     * @param nodes       the skill's root nodes with their rules (empty when classifier-service cannot tell)
     * @param backupRules every stored backup rule
     * @param actionRules every stored action rule
     */
    public record RulesView(String appId, List<NodeView> nodes, List<StoredBackupRule> backupRules,
            List<StoredActionRule> actionRules, List<String> warnings) {
    }

    @GET
    @Operation(summary = "The skill's root nodes with their rules, every stored rule, and warnings")
    public RulesView get(@PathParam("appId") String appId) {
        SettingsService.RulesOverview overview = settings.overview(appId);
        Rules rules = overview.rules();
        List<NodeView> nodes = overview.nodes().stream().map(node -> nodeView(node, rules)).toList();
        List<StoredBackupRule> backups = rules.backups().entrySet().stream()
                .map(rule -> new StoredBackupRule(rule.getKey(),
                        rule.getValue().type().name().toLowerCase(Locale.ROOT), rule.getValue().id()))
                .toList();
        List<StoredActionRule> actions = rules.actions().entrySet().stream()
                .map(rule -> new StoredActionRule(rule.getKey(), rule.getValue()))
                .toList();
        return new RulesView(appId, nodes, backups, actions, overview.warnings());
    }

    @PUT
    @Path("backup/{node}")
    @Operation(summary = "Sets who takes conversations of the node's branch when the assistant cannot go on")
    public BackupRuleView putBackup(@PathParam("appId") String appId, @PathParam("node") String node,
            BackupRequest request) {
        if (request == null) {
            throw new InvalidRequestException("type", "a JSON object {\"type\": \"team\"|\"admin\", \"id\": ...} is required");
        }
        SettingsService.RuleChange change = settings.putBackup(appId, node, request.type(), request.id(),
                caller.name());
        return new BackupRuleView(change.node(), request.type().strip().toLowerCase(Locale.ROOT),
                request.id().strip(), change.warnings());
    }

    @DELETE
    @Path("backup/{node}")
    @Operation(summary = "Removes the node's backup rule: its branch falls back to the Unassigned inbox")
    public DeletedRuleView deleteBackup(@PathParam("appId") String appId, @PathParam("node") String node) {
        SettingsService.RuleChange change = settings.deleteBackup(appId, node, caller.name());
        return new DeletedRuleView(change.node(), change.warnings());
    }

    @PUT
    @Path("actions/{node}")
    @Operation(summary = "Sets what the assistant does in the node's branch at or above the threshold")
    public ActionRuleView putAction(@PathParam("appId") String appId, @PathParam("node") String node,
            ActionRequest request) {
        if (request == null) {
            throw new InvalidRequestException("action", "a JSON object {\"action\": ...} is required");
        }
        SettingsService.RuleChange change = settings.putAction(appId, node, request.action(), caller.name());
        return new ActionRuleView(change.node(), RuleAction.valueOf(request.action().strip().toUpperCase(Locale.ROOT)),
                change.warnings());
    }

    @DELETE
    @Path("actions/{node}")
    @Operation(summary = "Removes the node's action rule: its branch is answered when confident")
    public DeletedRuleView deleteAction(@PathParam("appId") String appId, @PathParam("node") String node) {
        SettingsService.RuleChange change = settings.deleteAction(appId, node, caller.name());
        return new DeletedRuleView(change.node(), change.warnings());
    }

    private static NodeView nodeView(SkillNode node, Rules rules) {
        return new NodeView(node.key(), node.id(), node.title(), node.userLabel(), node.hasChildren(),
                node.connectToAgent(), rules.actionFor(node.key()), !rules.hasActionRule(node.key()),
                BackupView.of(rules.backupFor(node.key())));
    }
}
