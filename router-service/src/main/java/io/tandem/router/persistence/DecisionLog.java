package io.tandem.router.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The hot path of deciding in plain JDBC: a conversation's row, and a decision written together with the
 * conversation's next state in one statement (one round trip, committed on its own). The decision table is the consumer's
 * message log (its key is the classified event id); the conversation's version guards against a writer that read
 * an older state (another replica during a rebalance).
 */
@ApplicationScoped
public class DecisionLog {

    /** The schema Flyway migrates ({@code quarkus.flyway.schemas}). */
    static final String SCHEMA = "router";

    /** What became of a decision written with {@link #write}. */
    public enum Written {
        /** The decision and the conversation's next state are stored. */
        STORED,
        /** The event was decided before: nothing was written. */
        DUPLICATE,
        /** The conversation changed since its state was read: nothing was written, read it again. */
        STALE_CONVERSATION
    }

    private static final String FIND_CONVERSATION = """
            SELECT owner_admin_id, owner_team_id, human_owner, active_branch, pending::text, transcript::text, version
            FROM %s.conversation WHERE app_id = ? AND conversation_id = ?
            """.formatted(SCHEMA);

    /**
     * One statement, committed on its own: the conversation is written only when the event was not decided and the
     * stored version is the one the state was read in (the row's lock makes a concurrent writer wait and then fail
     * that check), and the decision only when the conversation was written. The last column is an assertion that
     * both or neither were written: were it ever false, the division by zero would undo the whole statement.
     */
    private static final String WRITE = """
            WITH written AS (
                INSERT INTO %1$s.conversation AS c (app_id, conversation_id, owner_admin_id, owner_team_id, human_owner,
                        active_branch, pending, transcript, updated_at, version)
                SELECT ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), CAST(? AS timestamptz), ?
                WHERE NOT EXISTS (SELECT 1 FROM %1$s.decision WHERE classified_event_id = ?)
                ON CONFLICT (app_id, conversation_id) DO UPDATE SET owner_admin_id = EXCLUDED.owner_admin_id,
                        owner_team_id = EXCLUDED.owner_team_id, human_owner = EXCLUDED.human_owner,
                        active_branch = EXCLUDED.active_branch, pending = EXCLUDED.pending,
                        transcript = EXCLUDED.transcript, updated_at = EXCLUDED.updated_at, version = EXCLUDED.version
                    WHERE c.version = ?
                RETURNING 1),
            decided AS (
                INSERT INTO %1$s.decision (classified_event_id, app_id, conversation_id, event_kind, outcome, reason,
                        rule, node, confidence, owner, goal, actions, decided_at, emitted_at)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS timestamptz),
                        CAST(? AS timestamptz)
                WHERE EXISTS (SELECT 1 FROM written)
                ON CONFLICT (classified_event_id) DO NOTHING
                RETURNING 1)
            SELECT (SELECT count(*) FROM decided),
                   EXISTS (SELECT 1 FROM %1$s.decision WHERE classified_event_id = ?),
                   1 / CASE WHEN (SELECT count(*) FROM written) = (SELECT count(*) FROM decided) THEN 1 ELSE 0 END
            """.formatted(SCHEMA);

    private static final String FIND_DECISION = """
            SELECT app_id, conversation_id, event_kind, outcome, reason, rule, node, confidence, owner, goal,
                   actions::text, decided_at, emitted_at
            FROM %s.decision WHERE classified_event_id = ?
            """.formatted(SCHEMA);

    private static final String MARK_EMITTED = """
            UPDATE %s.decision SET emitted_at = CAST(? AS timestamptz)
            WHERE classified_event_id = ANY (?) AND emitted_at IS NULL
            """.formatted(SCHEMA);

    private final DataSource dataSource;

    public DecisionLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The stored conversation, or empty when none is stored yet. */
    public Optional<ConversationRow> conversation(String appId, String conversationId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(FIND_CONVERSATION)) {
            select.setString(1, appId);
            select.setString(2, conversationId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ConversationRow(appId, conversationId, row.getString(1), row.getString(2),
                        row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getLong(7)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("conversation " + conversationId + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Stores the decision and the conversation's next state in one transaction, unless the event was decided
     * before or the conversation's stored version is no longer {@code next.version() - 1}.
     */
    public Written write(DecisionRow decision, ConversationRow next, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement write = connection.prepareStatement(WRITE)) {
            int i = 0;
            write.setString(++i, next.appId());
            write.setString(++i, next.conversationId());
            write.setString(++i, next.ownerAdminId());
            write.setString(++i, next.ownerTeamId());
            write.setString(++i, next.humanOwner());
            write.setString(++i, next.activeBranch());
            write.setString(++i, next.pending());
            write.setString(++i, next.transcript());
            write.setString(++i, timestamp(now));
            write.setLong(++i, next.version());
            write.setString(++i, decision.classifiedEventId());
            write.setLong(++i, next.version() - 1);
            write.setString(++i, decision.classifiedEventId());
            write.setString(++i, decision.appId());
            write.setString(++i, decision.conversationId());
            write.setString(++i, decision.eventKind());
            write.setString(++i, decision.outcome());
            write.setString(++i, decision.reason());
            write.setString(++i, decision.rule());
            write.setString(++i, decision.node());
            if (decision.confidence() == null) {
                write.setNull(++i, Types.DOUBLE);
            } else {
                write.setDouble(++i, decision.confidence());
            }
            write.setString(++i, decision.owner());
            write.setString(++i, decision.goal());
            write.setString(++i, decision.actions());
            write.setString(++i, timestamp(decision.decidedAt()));
            write.setString(++i, timestamp(decision.emittedAt()));
            write.setString(++i, decision.classifiedEventId());
            try (ResultSet result = write.executeQuery()) {
                result.next();
                return result.getLong(1) == 1 ? Written.STORED
                        : result.getBoolean(2) ? Written.DUPLICATE : Written.STALE_CONVERSATION;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the decision on " + decision.classifiedEventId()
                    + " cannot be stored: " + e.getMessage(), e);
        }
    }

    /** The stored decision on an event, or empty when it was not decided yet. */
    public Optional<DecisionRow> decision(String classifiedEventId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(FIND_DECISION)) {
            select.setString(1, classifiedEventId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                double confidence = row.getDouble(8);
                return Optional.of(new DecisionRow(classifiedEventId, row.getString(1), row.getString(2),
                        row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                        row.wasNull() ? null : confidence, row.getString(9), row.getString(10), row.getString(11),
                        instant(row.getObject(12, OffsetDateTime.class)),
                        instant(row.getObject(13, OffsetDateTime.class))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the decision on " + classifiedEventId + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /** Notes, in one statement, that Kafka acknowledged every action of these decisions. */
    public void markEmitted(Collection<String> classifiedEventIds, Instant emittedAt) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(MARK_EMITTED)) {
            update.setString(1, timestamp(emittedAt));
            update.setArray(2, connection.createArrayOf("text", classifiedEventIds.toArray()));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(classifiedEventIds.size() + " decision(s) cannot be marked emitted: "
                    + e.getMessage(), e);
        }
    }

    /** As text (ISO 8601), which PostgreSQL parses: cheaper for the driver than a date-time object. */
    private static String timestamp(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(OffsetDateTime timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
