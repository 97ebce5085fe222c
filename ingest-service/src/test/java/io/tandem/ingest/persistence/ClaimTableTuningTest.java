package io.tandem.ingest.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tandem.testsupport.TandemInfraResource;

/** What keeps the claim statements cheap as the claim table grows (see the README's Speed section). */
@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
class ClaimTableTuningTest {

    @Inject
    DataSource dataSource;

    @Test
    void everyConnectionPlansEachStatementForTheTableAsItIsNotAsItWasWhenFirstPrepared() throws SQLException {
        // a cached generic plan made while the table was empty joins each batch by reading the whole table
        assertThat(single("SHOW plan_cache_mode")).isEqualTo("force_custom_plan");
    }

    @Test
    void aClaimIsCommittedWithoutWaitingForItsWalToReachTheDisk() throws SQLException {
        // a commit waiting for the WAL flush made every webhook wait out the disk's stalls (100-250 ms at times)
        assertThat(single("SHOW synchronous_commit")).isEqualTo("off");
    }

    @Test
    void theClaimTableLeavesRoomOnEachPageSoThatMarkingAClaimPublishedTouchesNoIndex() throws SQLException {
        assertThat(single("SELECT array_to_string(reloptions, ',') FROM pg_class"
                + " WHERE oid = 'ingest.delivery_claim'::regclass")).isEqualTo("fillfactor=75");
    }

    private String single(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }
}
