package io.tandem.router.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SettingsChangeRepository implements PanacheRepositoryBase<SettingsChangeEntity, Long> {

    /** The newest changes first. */
    public List<SettingsChangeEntity> newestOf(String appId, int limit) {
        return find("appId = ?1 order by id desc", appId).page(0, limit).list();
    }
}
