package io.tandem.responder.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * One row per Intercom app holding what is left of its rate limit window, shared by every replica. Each statement
 * is atomic on its own, so replicas never hand out the same call twice.
 */
@ApplicationScoped
public class RateBudgetRepository {

    /** What is left of an app's window after taking a call from it. */
    public record Window(int remaining, Instant resetAt, Integer limit) {
    }

    @Inject
    EntityManager em;

    /** Takes one call from the app's current window; empty when no window is known or the last one has passed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Window> take(String appId) {
        List<?> rows = em.createNativeQuery("""
                WITH taken AS (
                    UPDATE {h-schema}rate_budget SET remaining = remaining - 1
                    WHERE app_id = ?1 AND reset_at > now()
                    RETURNING remaining, reset_at, window_limit)
                SELECT remaining, reset_at, window_limit FROM taken
                """)
                .setParameter(1, appId)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Window(((Number) row[0]).intValue(), instant(row[1]),
                row[2] == null ? null : ((Number) row[2]).intValue()));
    }

    /**
     * Records what an answer said about the window: a later window replaces the known one; within the same window
     * the lower remaining count wins (answers of concurrent calls arrive in any order).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void observe(String appId, Integer limit, int remaining, Instant resetAt) {
        em.createNativeQuery("""
                INSERT INTO {h-schema}rate_budget AS b (app_id, window_limit, remaining, reset_at, updated_at)
                VALUES (?1, ?2, ?3, ?4, now())
                ON CONFLICT (app_id) DO UPDATE SET
                    remaining = CASE WHEN EXCLUDED.reset_at > b.reset_at THEN EXCLUDED.remaining
                                     ELSE LEAST(b.remaining, EXCLUDED.remaining) END,
                    reset_at = GREATEST(b.reset_at, EXCLUDED.reset_at),
                    window_limit = COALESCE(EXCLUDED.window_limit, b.window_limit),
                    updated_at = now()
                """)
                .setParameter(1, appId)
                .setParameter(2, limit)
                .setParameter(3, remaining)
                .setParameter(4, resetAt)
                .executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp " + value);
    }
}
