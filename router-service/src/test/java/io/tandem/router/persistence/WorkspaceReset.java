package io.tandem.router.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Forgets a workspace's integration, rules and audit trail, so each test starts from the defaults. */
@ApplicationScoped
public class WorkspaceReset {

    private final EntityManager entityManager;

    public WorkspaceReset(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public void reset(String appId) {
        for (String table : new String[] { "integration", "backup_rule", "action_rule", "settings_change" }) {
            entityManager.createNativeQuery("DELETE FROM {h-schema}" + table + " WHERE app_id = :appId")
                    .setParameter("appId", appId)
                    .executeUpdate();
        }
    }
}
