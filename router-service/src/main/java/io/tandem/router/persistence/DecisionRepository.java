package io.tandem.router.persistence;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DecisionRepository implements PanacheRepositoryBase<DecisionEntity, String> {

    /** The decisions of one conversation, oldest first. */
    public List<DecisionEntity> ofConversation(String appId, String conversationId) {
        return list("appId = ?1 and conversationId = ?2 order by decidedAt, classifiedEventId", appId,
                conversationId);
    }

    /** How many decisions per node and outcome were taken in [from, to). */
    @SuppressWarnings("unchecked")
    public List<Object[]> countByNodeAndOutcome(String appId, Instant from, Instant to) {
        return getEntityManager().createQuery("""
                select d.node, d.outcome, count(d) from DecisionEntity d
                where d.appId = :appId and d.decidedAt >= :from and d.decidedAt < :to and d.outcome is not null
                group by d.node, d.outcome
                """)
                .setParameter("appId", appId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
    }

    /** How many escalations per customer goal were decided in [from, to), most first. */
    @SuppressWarnings("unchecked")
    public List<Object[]> escalationsByGoal(String appId, Instant from, Instant to) {
        return getEntityManager().createQuery("""
                select d.goal, count(d) from DecisionEntity d
                where d.appId = :appId and d.decidedAt >= :from and d.decidedAt < :to and d.outcome = 'ESCALATED'
                group by d.goal
                order by count(d) desc, d.goal
                """)
                .setParameter("appId", appId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
    }
}
