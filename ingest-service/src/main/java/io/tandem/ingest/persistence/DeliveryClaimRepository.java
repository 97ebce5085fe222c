package io.tandem.ingest.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.tandem.ingest.config.IngestConfig;

/**
 * The claim table. The request path (claim, complete, release) is plain JDBC, one auto-committed statement each,
 * and each statement serves a batch of deliveries: one insert claims the ids of every webhook that arrived within
 * the last few milliseconds (one commit, one fsync), one update completes them. A redelivery costs a share of one
 * read-only statement (a conflicting {@code ON CONFLICT DO NOTHING} takes no lock and writes nothing).
 */
@ApplicationScoped
public class DeliveryClaimRepository implements PanacheRepositoryBase<DeliveryClaim, String> {

    // inserts the absent keys in sorted order (no deadlock between deliveries sharing keys) and reports every key;
    // the keys of one call are distinct
    private static final String CLAIM = """
            WITH wanted AS (SELECT * FROM unnest(?::text[], ?::uuid[]) AS wanted(claim_key, claim_token)),
            inserted AS (
                INSERT INTO ingest.delivery_claim (claim_key, claim_token, claimed_at)
                SELECT claim_key, claim_token, ? FROM wanted ORDER BY claim_key
                ON CONFLICT (claim_key) DO NOTHING
                RETURNING claim_key)
            SELECT wanted.claim_key, inserted.claim_key IS NOT NULL, existing.claimed_at, existing.published_at
            FROM wanted
            LEFT JOIN inserted ON inserted.claim_key = wanted.claim_key
            LEFT JOIN ingest.delivery_claim existing ON existing.claim_key = wanted.claim_key
            """;
    // takes over a claim that was never published and whose lease ran out
    private static final String TAKE_OVER = """
            UPDATE ingest.delivery_claim SET claim_token = ?, claimed_at = ?
            WHERE claim_key = ? AND published_at IS NULL AND claimed_at < ?
            """;
    private static final String PUBLISHED = """
            UPDATE ingest.delivery_claim AS claim SET published_at = ?
            FROM unnest(?::text[], ?::uuid[]) AS held(claim_key, claim_token)
            WHERE claim.claim_key = held.claim_key AND claim.claim_token = held.claim_token
            """;
    private static final String RELEASE = """
            DELETE FROM ingest.delivery_claim AS claim
            USING unnest(?::text[], ?::uuid[]) AS held(claim_key, claim_token)
            WHERE claim.claim_key = held.claim_key AND claim.claim_token = held.claim_token
            """;

    private final DataSource dataSource;
    private final int timeoutSeconds;

    public DeliveryClaimRepository(DataSource dataSource, IngestConfig config) {
        this.dataSource = dataSource;
        // JDBC's query timeout counts whole seconds
        this.timeoutSeconds = (int) Math.max(1, Math.ceil(config.claimTimeout().toMillis() / 1000.0));
    }

    /**
     * Claims each absent key for the holder of {@code token}, atomically across replicas.
     *
     * @return per key: whether this call claimed it, else when it was claimed and published by someone else (both
     *         null when a concurrent delivery claimed it while this statement ran)
     */
    public List<KeyState> claimAbsent(Collection<String> keys, UUID token, Instant now) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(keys));
        return claimAbsent(distinct, Collections.nCopies(distinct.size(), token), now);
    }

    /**
     * Claims each absent key for the holder of the token at the same position, in one statement: the keys of many
     * deliveries at once.
     *
     * @param keys distinct keys
     * @return per key, in no particular order: whether this call claimed it, else when it was claimed and published
     */
    public List<KeyState> claimAbsent(List<String> keys, List<UUID> tokens, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setQueryTimeout(timeoutSeconds);
            claim.setArray(1, textArray(connection, keys));
            claim.setArray(2, connection.createArrayOf("uuid", tokens.toArray()));
            claim.setObject(3, timestamp(now));
            List<KeyState> states = new ArrayList<>(keys.size());
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    states.add(new KeyState(rows.getString(1), rows.getBoolean(2), instant(rows.getObject(3, OffsetDateTime.class)),
                            instant(rows.getObject(4, OffsetDateTime.class))));
                }
            }
            return states;
        } catch (SQLException e) {
            throw new ClaimStoreException("claiming " + keys + " failed", e);
        }
    }

    /** @return whether {@code key}, unpublished and claimed before {@code abandonedBefore}, is now {@code token}'s */
    public boolean takeOver(String key, UUID token, Instant now, Instant abandonedBefore) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement takeOver = connection.prepareStatement(TAKE_OVER)) {
            takeOver.setObject(1, token);
            takeOver.setObject(2, timestamp(now));
            takeOver.setString(3, key);
            takeOver.setObject(4, timestamp(abandonedBefore));
            return takeOver.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new ClaimStoreException("taking over " + key + " failed", e);
        }
    }

    /** Marks each key published that is still held by the token at the same position. */
    public int markPublished(List<String> keys, List<UUID> tokens, Instant publishedAt) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement published = connection.prepareStatement(PUBLISHED)) {
            published.setQueryTimeout(timeoutSeconds);
            published.setObject(1, timestamp(publishedAt));
            published.setArray(2, textArray(connection, keys));
            published.setArray(3, connection.createArrayOf("uuid", tokens.toArray()));
            return published.executeUpdate();
        } catch (SQLException e) {
            throw new ClaimStoreException("marking " + keys + " published failed", e);
        }
    }

    public int release(Collection<String> keys, UUID token) {
        return release(List.copyOf(keys), Collections.nCopies(keys.size(), token));
    }

    /** Deletes each key still held by the token at the same position. */
    public int release(List<String> keys, List<UUID> tokens) {
        if (keys.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement release = connection.prepareStatement(RELEASE)) {
            release.setQueryTimeout(timeoutSeconds);
            release.setArray(1, textArray(connection, keys));
            release.setArray(2, connection.createArrayOf("uuid", tokens.toArray()));
            return release.executeUpdate();
        } catch (SQLException e) {
            throw new ClaimStoreException("releasing " + keys + " failed", e);
        }
    }

    public long deleteClaimedBefore(Instant cutoff) {
        return delete("claimedAt < ?1", cutoff);
    }

    private static Array textArray(Connection connection, Collection<String> keys) throws SQLException {
        return connection.createArrayOf("text", keys.toArray(String[]::new));
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * @param claimed     whether this call claimed the key
     * @param claimedAt   when someone else claimed it (null when this call did)
     * @param publishedAt when someone else's claim was published (null while in progress)
     */
    public record KeyState(String key, boolean claimed, Instant claimedAt, Instant publishedAt) {
    }
}
