package io.tandem.classifier.persistence;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class SkillVersionRepository implements PanacheRepository<SkillVersionEntity> {

    public Optional<SkillVersionEntity> find(String appId, int version) {
        return find("appId = ?1 and version = ?2", appId, version).firstResultOptional();
    }

    /** The highest version stored for the app, 0 when none. */
    public int latestVersion(String appId) {
        Integer latest = getEntityManager()
                .createQuery("select max(v.version) from SkillVersionEntity v where v.appId = ?1", Integer.class)
                .setParameter(1, appId)
                .getSingleResult();
        return latest == null ? 0 : latest;
    }
}
