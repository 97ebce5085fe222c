package io.tandem.responder.persistence;

import java.time.Instant;
import java.util.ArrayList;
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

    /** The Intercom parts recorded for the conversation's other actions (comma-separated ids, as stored). */
    @SuppressWarnings("unchecked")
    public List<String> partIdsOfOtherActions(String appId, String conversationId, String actionEventId) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT part_ids, intercom_part_id FROM {h-schema}performed_action
                WHERE app_id = ?1 AND conversation_id = ?2 AND action_event_id <> ?3
                """)
                .setParameter(1, appId)
                .setParameter(2, conversationId)
                .setParameter(3, actionEventId)
                .getResultList();
        List<String> ids = new ArrayList<>();
        for (Object[] row : rows) {
            for (Object column : row) {
                if (column != null) {
                    for (String id : column.toString().split(",")) {
                        if (!id.isBlank() && !"?".equals(id)) {
                            ids.add(id.strip());
                        }
                    }
                }
            }
        }
        return ids;
    }
}
