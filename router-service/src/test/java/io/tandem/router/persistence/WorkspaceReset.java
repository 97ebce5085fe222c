package io.tandem.router.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Forgets a workspace's integration, rules and audit trail, so each test starts from the defaults. */
@ApplicationScoped
public class WorkspaceReset {

    private final EntityManager entityManager;
    private final Event<SettingsChanged> changes;

    public WorkspaceReset(EntityManager entityManager, Event<SettingsChanged> changes) {
        this.entityManager = entityManager;
        this.changes = changes;
    }

    /** Deletes the rows straight in the database, and tells deciding at once rather than by PostgreSQL's notice. */
    public void reset(String appId) {
        delete(appId);
        changes.fire(new SettingsChanged(appId));
    }

    @Transactional
    void delete(String appId) {
        for (String table : new String[] { "integration", "backup_rule", "action_rule", "settings_change" }) {
            entityManager.createNativeQuery("DELETE FROM {h-schema}" + table + " WHERE app_id = :appId")
                    .setParameter("appId", appId)
                    .executeUpdate();
        }
    }
}
