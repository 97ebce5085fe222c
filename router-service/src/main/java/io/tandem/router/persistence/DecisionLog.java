package io.tandem.router.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Decisions in plain JDBC: a conversation's row (with whether an event was decided, in one round trip), and batches
 * of decisions each written together with the conversation's next state in one statement, the batch committed once
 * ({@link DecisionWriter}). The decision table is the consumer's message log (its key is the classified event id);
 * the conversation's version guards against a writer that read an older state (another replica during a rebalance).
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
        /** The conversation changed since its state was read: the decision alone was written, read it again. */
        STALE_CONVERSATION
    }

    /** The conversation's row (all null without one) and whether the event was decided, in one round trip. */
    private static final String FIND_CONVERSATION = """
            SELECT c.owner_admin_id, c.owner_team_id, c.human_owner, c.active_branch, c.pending::text,
                   c.transcript::text, c.version,
                   EXISTS (SELECT 1 FROM %1$s.decision WHERE classified_event_id = ?)
            FROM (SELECT 1) AS one
            LEFT JOIN %1$s.conversation AS c ON c.app_id = ? AND c.conversation_id = ?
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

    /** A decision alone, for a conversation another writer changed meanwhile (its actions were sent). */
    private static final String WRITE_DECISION_ONLY = """
            INSERT INTO %s.decision (classified_event_id, app_id, conversation_id, event_kind, outcome, reason, rule,
                    node, confidence, owner, goal, actions, decided_at, emitted_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS timestamptz), CAST(? AS timestamptz))
            ON CONFLICT (classified_event_id) DO NOTHING
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

    /**
     * What deciding on an event needs to know when the conversation is not in memory.
     *
     * @param conversation the stored conversation, or empty when none is stored yet
     * @param eventDecided whether the event was decided before
     */
    public record Stored(Optional<ConversationRow> conversation, boolean eventDecided) {
    }

    /** The stored conversation and whether {@code classifiedEventId} was decided, in one statement. */
    public Stored conversation(String appId, String conversationId, String classifiedEventId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(FIND_CONVERSATION)) {
            select.setString(1, classifiedEventId);
            select.setString(2, appId);
            select.setString(3, conversationId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                long version = row.getLong(7);
                Optional<ConversationRow> conversation = row.wasNull() ? Optional.empty()
                        : Optional.of(new ConversationRow(appId, conversationId, row.getString(1), row.getString(2),
                                row.getString(3), row.getString(4), row.getString(5), row.getString(6), version));
                return new Stored(conversation, row.getBoolean(8));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("conversation " + conversationId + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** A decision and the conversation's next state, to be stored together. */
    public record Pending(DecisionRow decision, ConversationRow next) {
    }

    /**
     * Stores several decisions in one transaction (one commit), in order: each with the conversation's next state,
     * unless the event was decided before or the conversation's stored version is no longer
     * {@code next.version() - 1}. A decision whose conversation changed meanwhile
     * ({@link Written#STALE_CONVERSATION}) is stored without the conversation's state: its actions were sent, and the
     * log tells what the assistant did.
     *
     * @throws StoreFailure when the transaction failed: nothing of it is stored
     */
    public List<Written> writeAll(List<Pending> pending) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement write = connection.prepareStatement(WRITE);
                    PreparedStatement decisionOnly = connection.prepareStatement(WRITE_DECISION_ONLY)) {
                List<Written> written = new ArrayList<>(pending.size());
                for (Pending one : pending) {
                    Written result = write(write, one.decision(), one.next());
                    if (result == Written.STALE_CONVERSATION) {
                        bindDecision(decisionOnly, 0, one.decision());
                        decisionOnly.executeUpdate();
                    }
                    written.add(result);
                }
                connection.commit();
                return written;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreFailure(pending.size() + " decision(s) cannot be stored: " + e.getMessage(),
                    e.getSQLState(), e);
        }
    }

    private static Written write(PreparedStatement write, DecisionRow decision, ConversationRow next)
            throws SQLException {
        int i = 0;
        write.setString(++i, next.appId());
        write.setString(++i, next.conversationId());
        write.setString(++i, next.ownerAdminId());
        write.setString(++i, next.ownerTeamId());
        write.setString(++i, next.humanOwner());
        write.setString(++i, next.activeBranch());
        write.setString(++i, next.pending());
        write.setString(++i, next.transcript());
        write.setString(++i, timestamp(decision.decidedAt()));
        write.setLong(++i, next.version());
        write.setString(++i, decision.classifiedEventId());
        write.setLong(++i, next.version() - 1);
        i = bindDecision(write, i, decision);
        write.setString(++i, decision.classifiedEventId());
        try (ResultSet result = write.executeQuery()) {
            result.next();
            return result.getLong(1) == 1 ? Written.STORED
                    : result.getBoolean(2) ? Written.DUPLICATE : Written.STALE_CONVERSATION;
        }
    }

    /** Binds the decision's 14 columns from parameter {@code i + 1} on; returns the last parameter bound. */
    private static int bindDecision(PreparedStatement statement, int i, DecisionRow decision) throws SQLException {
        statement.setString(++i, decision.classifiedEventId());
        statement.setString(++i, decision.appId());
        statement.setString(++i, decision.conversationId());
        statement.setString(++i, decision.eventKind());
        statement.setString(++i, decision.outcome());
        statement.setString(++i, decision.reason());
        statement.setString(++i, decision.rule());
        statement.setString(++i, decision.node());
        if (decision.confidence() == null) {
            statement.setNull(++i, Types.DOUBLE);
        } else {
            statement.setDouble(++i, decision.confidence());
        }
        statement.setString(++i, decision.owner());
        statement.setString(++i, decision.goal());
        statement.setString(++i, decision.actions());
        statement.setString(++i, timestamp(decision.decidedAt()));
        statement.setString(++i, timestamp(decision.emittedAt()));
        return i;
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
