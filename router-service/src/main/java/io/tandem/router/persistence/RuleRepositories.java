package io.tandem.router.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The backup and action rules of the workspaces. */
public final class RuleRepositories {

    private RuleRepositories() {
    }

    @ApplicationScoped
    public static class BackupRules implements PanacheRepositoryBase<BackupRuleEntity, RuleId> {

        public List<BackupRuleEntity> ofApp(String appId) {
            return list("appId = ?1 order by node", appId);
        }
    }

    @ApplicationScoped
    public static class ActionRules implements PanacheRepositoryBase<ActionRuleEntity, RuleId> {

        public List<ActionRuleEntity> ofApp(String appId) {
            return list("appId = ?1 order by node", appId);
        }
    }
}
