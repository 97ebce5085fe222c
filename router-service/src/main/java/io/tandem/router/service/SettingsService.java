package io.tandem.router.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tandem.router.Backup;
import io.tandem.router.Integration;
import io.tandem.router.RuleAction;
import io.tandem.router.Rules;
import io.tandem.router.client.DownstreamUnavailableException;
import io.tandem.router.client.IntercomTeammates;
import io.tandem.router.client.NoSkillException;
import io.tandem.router.client.SkillCatalog;
import io.tandem.router.client.SkillNode;
import io.tandem.router.client.Teammates;
import io.tandem.router.config.RouterConfig;
import io.tandem.router.persistence.ActionRuleEntity;
import io.tandem.router.persistence.BackupRuleEntity;
import io.tandem.router.persistence.IntegrationEntity;
import io.tandem.router.persistence.IntegrationRepository;
import io.tandem.router.persistence.RuleId;
import io.tandem.router.persistence.RuleRepositories;
import io.tandem.router.persistence.SettingsChangeEntity;
import io.tandem.router.persistence.SettingsChangeRepository;
import io.tandem.router.persistence.SettingsChanged;

/**
 * A workspace's integration settings and rules: read for every decision, changed through the admin API after
 * validation against the skill's root nodes (classifier-service) and the workspace's admins and teams (Intercom).
 * Every change is recorded with who made it, when, and the value before and after.
 */
@ApplicationScoped
public class SettingsService {

    static final int MAX_ID_LENGTH = 255;
    private static final String ACTIONS = Arrays.stream(RuleAction.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private final IntegrationRepository integrations;
    private final RuleRepositories.BackupRules backups;
    private final RuleRepositories.ActionRules actions;
    private final SettingsChangeRepository changes;
    private final SkillCatalog skills;
    private final IntercomTeammates intercom;
    private final ObjectMapper objectMapper;
    private final RouterConfig config;
    private final TransactionSynchronizationRegistry transactions;
    private final Map<String, CachedSnapshot> snapshots = new ConcurrentHashMap<>();
    private final AtomicLong invalidations = new AtomicLong();

    public SettingsService(IntegrationRepository integrations, RuleRepositories.BackupRules backups,
            RuleRepositories.ActionRules actions, SettingsChangeRepository changes, SkillCatalog skills,
            IntercomTeammates intercom, ObjectMapper objectMapper, RouterConfig config,
            TransactionSynchronizationRegistry transactions) {
        this.config = config;
        this.transactions = transactions;
        this.integrations = integrations;
        this.backups = backups;
        this.actions = actions;
        this.changes = changes;
        this.skills = skills;
        this.intercom = intercom;
        this.objectMapper = objectMapper;
    }

    /** What {@code PUT /integration} may change; a null field keeps its current value. */
    public record IntegrationChange(String assistantAdminId, Boolean dialogReady, Boolean monitoring,
            String monitoredInbox, Double threshold) {
    }

    /** The stored rules of a workspace, with what deserves a second look. */
    public record RulesOverview(Rules rules, List<SkillNode> nodes, List<String> warnings) {
    }

    /** A workspace's integration and rules as one decision reads them. */
    public record Snapshot(Integration integration, Rules rules) {
    }

    /**
     * The integration and rules for deciding, from memory: a change is seen at once when made through this instance
     * (after its commit), and within milliseconds when made elsewhere (PostgreSQL notifies {@link SettingsChanged});
     * {@code tandem.router.settings-cache-ttl} bounds the reuse should a notification be missed.
     */
    public Snapshot forDecision(String appId) {
        long ttl = config.settingsCacheTtl().toNanos();
        if (ttl > 0) {
            CachedSnapshot cached = snapshots.get(appId);
            if (cached != null && System.nanoTime() - cached.loadedAt() < ttl) {
                return cached.snapshot();
            }
        }
        long generation = invalidations.get();
        long loadedAt = System.nanoTime();
        Snapshot snapshot = QuarkusTransaction.joiningExisting()
                .call(() -> new Snapshot(integration(appId), rules(appId)));
        // a change committed while loading may not be in what was read: keep it only when none was announced
        if (ttl > 0 && invalidations.get() == generation) {
            snapshots.put(appId, new CachedSnapshot(snapshot, loadedAt));
        }
        return snapshot;
    }

    /** Forgets the workspace's settings (all workspaces' for a null appId), so the next decision reads them. */
    void forget(@Observes SettingsChanged change) {
        invalidations.incrementAndGet();
        if (change.appId() == null) {
            snapshots.clear();
        } else {
            snapshots.remove(change.appId());
        }
    }

    private record CachedSnapshot(Snapshot snapshot, long loadedAt) {
    }

    public Integration integration(String appId) {
        return integrations.findByIdOptional(appId)
                .map(IntegrationEntity::toIntegration)
                .orElseGet(() -> Integration.defaults(appId));
    }

    public Rules rules(String appId) {
        Map<String, Backup> backupRules = new LinkedHashMap<>();
        backups.ofApp(appId).forEach(rule -> backupRules.put(rule.node, rule.toBackup()));
        Map<String, RuleAction> actionRules = new LinkedHashMap<>();
        actions.ofApp(appId).forEach(rule -> actionRules.put(rule.node, rule.action));
        return new Rules(backupRules, actionRules);
    }

    /**
     * @throws InvalidRequestException naming the first offending field
     */
    @Transactional
    public Integration changeIntegration(String appId, IntegrationChange change, String who) {
        requireId("appId", appId);
        Integration current = integration(appId);
        String assistant = current.assistantAdminId();
        String monitoredTeam = current.monitoredTeamId();
        Teammates teammates = null;
        if (change.assistantAdminId() != null) {
            assistant = requireId("assistantAdminId", change.assistantAdminId().strip());
            teammates = intercom.fetch(appId);
            if (teammates.admin(assistant).isEmpty()) {
                throw new InvalidRequestException("assistantAdminId",
                        "unknown admin '" + assistant + "': not a teammate of workspace " + appId);
            }
        }
        if (change.monitoredInbox() != null) {
            String inbox = change.monitoredInbox().strip();
            if (inbox.isEmpty() || inbox.equalsIgnoreCase(Integration.UNASSIGNED_INBOX)) {
                monitoredTeam = null;
            } else {
                monitoredTeam = requireId("monitoredInbox", inbox);
                teammates = teammates == null ? intercom.fetch(appId) : teammates;
                if (teammates.team(monitoredTeam).isEmpty()) {
                    throw new InvalidRequestException("monitoredInbox", "unknown team '" + monitoredTeam
                            + "': the monitored inbox is \"" + Integration.UNASSIGNED_INBOX + "\" or a team id");
                }
            }
        }
        double threshold = current.threshold();
        if (change.threshold() != null) {
            threshold = change.threshold();
            if (!(threshold >= 0.0 && threshold <= 1.0)) {
                throw new InvalidRequestException("threshold", "threshold must be between 0 and 1, was " + threshold);
            }
        }
        boolean dialogReady = change.dialogReady() == null ? current.dialogReady() : change.dialogReady();
        boolean monitoring = change.monitoring() == null ? current.monitoring() : change.monitoring();
        if (monitoring && !dialogReady) {
            boolean askedForMonitoring = Boolean.TRUE.equals(change.monitoring());
            throw new InvalidRequestException(askedForMonitoring ? "monitoring" : "dialogReady",
                    "monitoring cannot be switched on before the dialog skill is ready (dialogReady)"
                            + (askedForMonitoring ? "" : "; switch monitoring off first"));
        }
        if (monitoring && assistant == null) {
            throw new InvalidRequestException("assistantAdminId",
                    "monitoring needs the assistant's admin id (assistantAdminId): the teammate Tandem acts as");
        }
        if (dialogReady && !current.dialogReady()) {
            requireSkill(appId);
        }
        Integration next = new Integration(appId, assistant, dialogReady, monitoring, monitoredTeam, threshold,
                Instant.now());
        if (current.updatedAt() != null && sameSettings(current, next)) {
            return current;
        }
        IntegrationEntity entity = integrations.findByIdOptional(appId).orElseGet(() -> {
            IntegrationEntity created = new IntegrationEntity();
            created.appId = appId;
            return created;
        });
        entity.apply(next);
        integrations.persist(entity);
        record(appId, "integration", who, current.updatedAt() == null ? null : integrationJson(current),
                integrationJson(next));
        return next;
    }

    /** Stores an integration without validation, unless one exists: the configured seed of the local run. */
    @Transactional
    public boolean seed(String appId, String assistantAdminId, boolean monitoring, double threshold, String who) {
        if (integrations.findByIdOptional(appId).isPresent()) {
            return false;
        }
        if (!(threshold >= 0.0 && threshold <= 1.0)) {
            throw new IllegalStateException("tandem.router.seed.threshold must be within [0, 1], was " + threshold);
        }
        Integration seeded = new Integration(appId, assistantAdminId, true, monitoring, null, threshold,
                Instant.now());
        IntegrationEntity entity = new IntegrationEntity();
        entity.appId = appId;
        entity.apply(seeded);
        integrations.persist(entity);
        record(appId, "integration", who, null, integrationJson(seeded));
        return true;
    }

    /**
     * @return the node's key and the warnings about it after the change
     */
    @Transactional
    public RuleChange putBackup(String appId, String node, String type, String id, String who) {
        SkillNode skillNode = resolve(appId, node);
        Backup.Type backupType = parseBackupType(type);
        String assignee = requireId("id", id == null ? null : id.strip());
        Teammates teammates = intercom.fetch(appId);
        boolean known = backupType == Backup.Type.TEAM ? teammates.team(assignee).isPresent()
                : teammates.admin(assignee).isPresent();
        if (!known) {
            throw new InvalidRequestException("id", "unknown " + (backupType == Backup.Type.TEAM ? "team" : "admin")
                    + " '" + assignee + "' in workspace " + appId);
        }
        RuleId ruleId = new RuleId(appId, skillNode.key());
        BackupRuleEntity entity = backups.findByIdOptional(ruleId).orElse(null);
        Map<String, Object> before = entity == null ? null : backupJson(entity.toBackup());
        if (entity == null) {
            entity = new BackupRuleEntity();
            entity.appId = appId;
            entity.node = skillNode.key();
        }
        entity.assigneeType = backupType;
        entity.assigneeId = assignee;
        entity.updatedAt = Instant.now();
        backups.persist(entity);
        Map<String, Object> after = backupJson(entity.toBackup());
        if (!after.equals(before)) {
            record(appId, "backup rule '" + skillNode.key() + "'", who, before, after);
        }
        return new RuleChange(skillNode.key(), warnings(appId, skillNode.key(), Optional.of(skillNode)));
    }

    @Transactional
    public RuleChange deleteBackup(String appId, String node, String who) {
        BackupRuleEntity entity = backups.findByIdOptional(new RuleId(appId, node))
                .orElseThrow(() -> new RuleNotFoundException("no backup rule for node '" + node + "'"));
        record(appId, "backup rule '" + node + "'", who, backupJson(entity.toBackup()), null);
        backups.delete(entity);
        backups.flush();
        return new RuleChange(node, warnings(appId, node, knownNode(appId, node)));
    }

    @Transactional
    public RuleChange putAction(String appId, String node, String action, String who) {
        SkillNode skillNode = resolve(appId, node);
        RuleAction ruleAction = parseAction(action);
        RuleId ruleId = new RuleId(appId, skillNode.key());
        ActionRuleEntity entity = actions.findByIdOptional(ruleId).orElse(null);
        Map<String, Object> before = entity == null ? null : Map.of("action", entity.action.name());
        if (entity == null) {
            entity = new ActionRuleEntity();
            entity.appId = appId;
            entity.node = skillNode.key();
        }
        entity.action = ruleAction;
        entity.updatedAt = Instant.now();
        actions.persist(entity);
        actions.flush();
        Map<String, Object> after = Map.of("action", ruleAction.name());
        if (!after.equals(before)) {
            record(appId, "action rule '" + skillNode.key() + "'", who, before, after);
        }
        return new RuleChange(skillNode.key(), warnings(appId, skillNode.key(), Optional.of(skillNode)));
    }

    @Transactional
    public RuleChange deleteAction(String appId, String node, String who) {
        ActionRuleEntity entity = actions.findByIdOptional(new RuleId(appId, node))
                .orElseThrow(() -> new RuleNotFoundException("no action rule for node '" + node + "'"));
        record(appId, "action rule '" + node + "'", who, Map.of("action", entity.action.name()), null);
        actions.delete(entity);
        actions.flush();
        return new RuleChange(node, warnings(appId, node, knownNode(appId, node)));
    }

    /** The node a rule was written for, and the warnings about it. */
    public record RuleChange(String node, List<String> warnings) {
    }

    /** The stored rules, the skill's root nodes when classifier-service answers, and every warning. */
    public RulesOverview overview(String appId) {
        Rules rules = rules(appId);
        List<SkillNode> nodes = List.of();
        List<String> warnings = new ArrayList<>();
        try {
            nodes = skills.rootNodes(appId);
        } catch (NoSkillException e) {
            warnings.add("the workspace has no dialog skill yet");
        } catch (DownstreamUnavailableException e) {
            warnings.add("the skill's nodes could not be read: " + e.getMessage());
        }
        for (SkillNode node : nodes) {
            warnings.addAll(warnings(rules, node.key(), Optional.of(node)));
        }
        for (String node : rules.actions().keySet()) {
            if (nodes.stream().noneMatch(skillNode -> skillNode.key().equals(node))) {
                warnings.addAll(warnings(rules, node, Optional.empty()));
                if (!nodes.isEmpty()) {
                    warnings.add("the action rule for '" + node + "' names a node the skill no longer has");
                }
            }
        }
        for (String node : rules.backups().keySet()) {
            if (!nodes.isEmpty() && nodes.stream().noneMatch(skillNode -> skillNode.key().equals(node))) {
                warnings.add("the backup rule for '" + node + "' names a node the skill no longer has");
            }
        }
        return new RulesOverview(rules, nodes, warnings);
    }

    /** The newest changes of a workspace's settings first. */
    public List<SettingsChangeEntity> changes(String appId, int limit) {
        return changes.newestOf(appId, limit);
    }

    private List<String> warnings(String appId, String node, Optional<SkillNode> skillNode) {
        return warnings(rules(appId), node, skillNode);
    }

    private static List<String> warnings(Rules rules, String node, Optional<SkillNode> skillNode) {
        List<String> warnings = new ArrayList<>();
        if (rules.backupFor(node) != null) {
            return warnings;
        }
        RuleAction action = rules.actions().get(node);
        if (action == RuleAction.SEND || action == RuleAction.SUGGEST) {
            warnings.add("'" + node + "' has the action " + action + " but no backup rule: its conversations go "
                    + "to the Unassigned inbox");
        }
        if (skillNode.map(SkillNode::connectToAgent).orElse(false)) {
            warnings.add("branch '" + node + "' has a connect-to-agent response but no backup rule: its "
                    + "escalations go to the Unassigned inbox");
        }
        return warnings;
    }

    private Optional<SkillNode> knownNode(String appId, String node) {
        try {
            return skills.rootNodes(appId).stream().filter(skillNode -> skillNode.key().equals(node)).findFirst();
        } catch (NoSkillException | DownstreamUnavailableException e) {
            return Optional.empty();
        }
    }

    /** The root node a rule names, by name, or by id when it has none (its id is accepted too). */
    private SkillNode resolve(String appId, String node) {
        String name = requireId("node", node);
        List<SkillNode> nodes;
        try {
            nodes = skills.rootNodes(appId);
        } catch (NoSkillException e) {
            throw new InvalidRequestException("node", "unknown node '" + name + "': workspace " + appId
                    + " has no dialog skill");
        }
        return nodes.stream().filter(skillNode -> name.equals(skillNode.key())).findFirst()
                .or(() -> nodes.stream().filter(skillNode -> name.equals(skillNode.id())).findFirst())
                .orElseThrow(() -> new InvalidRequestException("node", "unknown node '" + name
                        + "': not a root node of the workspace's skill"));
    }

    private void requireSkill(String appId) {
        try {
            if (skills.rootNodes(appId).isEmpty()) {
                throw new InvalidRequestException("dialogReady", "the workspace's dialog skill has no root node");
            }
        } catch (NoSkillException e) {
            throw new InvalidRequestException("dialogReady", "workspace " + appId + " has no dialog skill yet");
        }
    }

    private static Backup.Type parseBackupType(String type) {
        if (type == null || type.isBlank()) {
            throw new InvalidRequestException("type", "type is required: \"team\" or \"admin\"");
        }
        return switch (type.strip().toLowerCase(Locale.ROOT)) {
            case "team" -> Backup.Type.TEAM;
            case "admin" -> Backup.Type.ADMIN;
            default -> throw new InvalidRequestException("type", "unknown type '" + type + "': \"team\" or \"admin\"");
        };
    }

    private static RuleAction parseAction(String action) {
        if (action == null || action.isBlank()) {
            throw new InvalidRequestException("action", "action is required, one of " + ACTIONS);
        }
        try {
            return RuleAction.valueOf(action.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("action", "unknown action '" + action + "', one of " + ACTIONS);
        }
    }

    private static String requireId(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, field + " is required");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new InvalidRequestException(field, field + " is longer than " + MAX_ID_LENGTH + " characters");
        }
        return value;
    }

    private static boolean sameSettings(Integration a, Integration b) {
        return Objects.equals(a.assistantAdminId(), b.assistantAdminId()) && a.dialogReady() == b.dialogReady()
                && a.monitoring() == b.monitoring() && Objects.equals(a.monitoredTeamId(), b.monitoredTeamId())
                && a.threshold() == b.threshold();
    }

    private static Map<String, Object> integrationJson(Integration integration) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("assistantAdminId", integration.assistantAdminId());
        json.put("dialogReady", integration.dialogReady());
        json.put("monitoring", integration.monitoring());
        json.put("monitoredInbox", integration.monitoredInbox());
        json.put("threshold", integration.threshold());
        return json;
    }

    private static Map<String, Object> backupJson(Backup backup) {
        return Map.of("type", backup.type().name().toLowerCase(Locale.ROOT), "id", backup.id());
    }

    private void record(String appId, String subject, String who, Map<String, Object> before,
            Map<String, Object> after) {
        forget(new SettingsChanged(appId));
        // and once more when committed, lest a decision meanwhile cached what was stored before
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                forget(new SettingsChanged(appId));
            }
        });
        SettingsChangeEntity change = new SettingsChangeEntity();
        change.appId = appId;
        change.subject = subject;
        change.changedBy = who;
        change.changedAt = Instant.now();
        change.before = json(before);
        change.after = json(after);
        changes.persist(change);
    }

    private String json(Map<String, Object> value) {
        if (value == null) {
            return null;
        }
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a settings change cannot be written as JSON", e);
        }
    }
}
