package io.tandem.replay.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.tandem.replay.ReplayException;

class ReplayDatabaseTest {

    @Test
    void theReplayDatabaseIsOnTheLiveServerWithTheSameParameters() {
        assertThat(ReplayDatabase.withDatabase("jdbc:postgresql://db:5432/tandem?sslmode=require", "tandem_replay_x"))
                .isEqualTo("jdbc:postgresql://db:5432/tandem_replay_x?sslmode=require");
        assertThat(ReplayDatabase.withDatabase("jdbc:postgresql://127.0.0.1:41234/postgres", "r"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:41234/r");
    }

    @Test
    void anotherDatabaseThanPostgresqlIsRefused() {
        assertThatThrownBy(() -> ReplayDatabase.withDatabase("jdbc:mysql://db/tandem", "r"))
                .isInstanceOf(ReplayException.class).hasMessageContaining("not a PostgreSQL JDBC URL");
    }

    @Test
    void stagesAreConfiguredThroughTheirChannelsEnvironmentVariables() {
        assertThat(Stage.channelEnv("incoming", "events-in", "dead-letter-queue.topic"))
                .isEqualTo("MP_MESSAGING_INCOMING_EVENTS_IN_DEAD_LETTER_QUEUE_TOPIC");
        assertThat(Stage.channelEnv("outgoing", "classified-out", "topic"))
                .isEqualTo("MP_MESSAGING_OUTGOING_CLASSIFIED_OUT_TOPIC");
    }
}
