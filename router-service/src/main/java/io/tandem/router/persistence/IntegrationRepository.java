package io.tandem.router.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class IntegrationRepository implements PanacheRepositoryBase<IntegrationEntity, String> {
}
