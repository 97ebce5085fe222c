package io.tandem.classifier.persistence;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SkillRepository implements PanacheRepositoryBase<SkillEntity, String> {

    /**
     * Creates the app's skill row unless it exists; the primary key makes concurrent callers (other replicas
     * seeding at startup, parallel imports) agree on one creator.
     *
     * @return whether this call created it
     */
    public boolean createIfAbsent(String appId, Instant now) {
        int inserted = getEntityManager()
                .createNativeQuery("INSERT INTO classifier.skill (app_id, updated_at) VALUES (?1, ?2)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter(1, appId)
                .setParameter(2, now)
                .executeUpdate();
        return inserted == 1;
    }

    /** The app's skill row, locked until the transaction ends. */
    public Optional<SkillEntity> findForUpdate(String appId) {
        return findByIdOptional(appId, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<Integer> activeVersion(String appId) {
        return findByIdOptional(appId).map(skill -> skill.activeVersion);
    }
}
