package io.tandem.classifier.persistence;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class ConversationContextRepository implements PanacheRepository<ConversationContextEntity> {

    /** The conversation's context, locked until the transaction ends. */
    public Optional<ConversationContextEntity> findForUpdate(String appId, String conversationId) {
        return find("appId = ?1 and conversationId = ?2", appId, conversationId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }
}
