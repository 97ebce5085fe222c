package io.tandem.responder.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tandem.contracts.ActionDecided;

/**
 * Actions kept in arrival order while their workspace's token is refused ({@code parked_action}).
 */
@ApplicationScoped
public class ParkedActionRepository {

    /** A parked action with its place in line. */
    public record Parked(long seq, ActionDecided action) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void park(ActionDecided action, String reason, Instant now) {
        em.createNativeQuery("""
                INSERT INTO {h-schema}parked_action (action_event_id, app_id, conversation_id, action, reason, parked_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT (action_event_id) DO NOTHING
                """)
                .setParameter(1, action.eventId())
                .setParameter(2, action.appId())
                .setParameter(3, action.conversationId())
                .setParameter(4, write(action))
                .setParameter(5, reason.length() > 500 ? reason.substring(0, 500) : reason)
                .setParameter(6, now)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean hasParked(String appId, String conversationId) {
        return !em.createNativeQuery("""
                SELECT 1 FROM {h-schema}parked_action WHERE app_id = ?1 AND conversation_id = ?2 LIMIT 1
                """)
                .setParameter(1, appId)
                .setParameter(2, conversationId)
                .getResultList().isEmpty();
    }

    /** The conversations of the app with parked actions, the one waiting longest first. */
    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> conversationsWithParked(String appId) {
        return em.createNativeQuery("""
                SELECT conversation_id FROM {h-schema}parked_action WHERE app_id = ?1
                GROUP BY conversation_id ORDER BY min(seq)
                """)
                .setParameter(1, appId)
                .getResultList();
    }

    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> appsWithParked() {
        return em.createNativeQuery("SELECT DISTINCT app_id FROM {h-schema}parked_action").getResultList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Parked> oldest(String appId, String conversationId) {
        List<?> rows = em.createNativeQuery("""
                SELECT seq, action FROM {h-schema}parked_action WHERE app_id = ?1 AND conversation_id = ?2
                ORDER BY seq LIMIT 1
                """)
                .setParameter(1, appId)
                .setParameter(2, conversationId)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Parked(((Number) row[0]).longValue(), read((String) row[1])));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long count(String appId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM {h-schema}parked_action WHERE app_id = ?1")
                .setParameter(1, appId).getSingleResult()).longValue();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void remove(long seq) {
        em.createNativeQuery("DELETE FROM {h-schema}parked_action WHERE seq = ?1").setParameter(1, seq).executeUpdate();
    }

    private String write(ActionDecided action) {
        try {
            return json.writeValueAsString(action);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ActionDecided could not be written as JSON", e);
        }
    }

    private ActionDecided read(String value) {
        try {
            return json.readValue(value, ActionDecided.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parked action could not be read", e);
        }
    }
}
