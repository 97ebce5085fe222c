package io.tandem.router.persistence;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ConversationRepository implements PanacheRepositoryBase<ConversationEntity, ConversationId> {

    /**
     * The conversation's row, created when missing, locked until the transaction ends: the events of one
     * conversation are decided one after the other, even by two consumers during a rebalance.
     */
    public ConversationEntity lock(String appId, String conversationId, Instant now) {
        getEntityManager().createNativeQuery("""
                INSERT INTO {h-schema}conversation (app_id, conversation_id, transcript, updated_at)
                VALUES (:appId, :conversationId, CAST('[]' AS jsonb), :now)
                ON CONFLICT (app_id, conversation_id) DO NOTHING
                """)
                .setParameter("appId", appId)
                .setParameter("conversationId", conversationId)
                .setParameter("now", now)
                .executeUpdate();
        return getEntityManager().find(ConversationEntity.class, new ConversationId(appId, conversationId),
                LockModeType.PESSIMISTIC_WRITE);
    }
}
