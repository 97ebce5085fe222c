package io.tandem.responder.persistence;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.tandem.contracts.ActionDecided;

@ApplicationScoped
public class PerformedActionRepository implements PanacheRepositoryBase<PerformedAction, String> {

    /**
     * Inserts a PENDING row for the action, leased to the caller, its first call about to start, unless one exists;
     * safe against a concurrent claim of the same action.
     *
     * @return whether this call inserted the row
     */
    public boolean insertPendingIfAbsent(ActionDecided action, Instant now, String owner, Instant leaseUntil) {
        int inserted = getEntityManager().createNativeQuery("""
                INSERT INTO {h-schema}performed_action
                    (action_event_id, app_id, conversation_id, action_type, status, attempts, claimed_at,
                     parts_done, call_started_at, lease_owner, lease_until)
                VALUES (?1, ?2, ?3, ?4, 'PENDING', 1, ?5, 0, ?5, ?6, ?7)
                ON CONFLICT (action_event_id) DO NOTHING
                """)
                .setParameter(1, action.eventId())
                .setParameter(2, action.appId())
                .setParameter(3, action.conversationId())
                .setParameter(4, action.type().name())
                .setParameter(5, now)
                .setParameter(6, owner)
                .setParameter(7, leaseUntil)
                .executeUpdate();
        return inserted == 1;
    }

    /** The conversation's other actions in the ledger. */
    public List<PerformedAction> otherActionsOf(String appId, String conversationId, String actionEventId) {
        return list("appId = ?1 and conversationId = ?2 and actionEventId <> ?3", appId, conversationId,
                actionEventId);
    }
}
