package io.tandem.responder.persistence;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.tandem.contracts.ActionDecided;

/**
 * What dry runs would have sent ({@code dry_run_action}), one row per action; a repeated dry run keeps the first.
 */
@ApplicationScoped
public class DryRunRepository {

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(ActionDecided action, String requests, Instant now) {
        em.createNativeQuery("""
                INSERT INTO {h-schema}dry_run_action
                    (action_event_id, app_id, conversation_id, action_type, requests, recorded_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT (action_event_id) DO NOTHING
                """)
                .setParameter(1, action.eventId())
                .setParameter(2, action.appId())
                .setParameter(3, action.conversationId())
                .setParameter(4, action.type().name())
                .setParameter(5, requests)
                .setParameter(6, now)
                .executeUpdate();
    }

    /** The requests recorded for the action (a JSON array), or null. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String requests(String actionEventId) {
        var rows = em.createNativeQuery("SELECT requests FROM {h-schema}dry_run_action WHERE action_event_id = ?1")
                .setParameter(1, actionEventId).getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }
}
