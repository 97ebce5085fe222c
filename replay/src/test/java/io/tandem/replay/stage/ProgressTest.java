package io.tandem.replay.stage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void aLineSaysDoneOfTotalTheRateAndWhenTheRestWillBeDone() {
        assertThat(Progress.line("replay router-service consumed", 250, 1000, 10.0))
                .isEqualTo("  replay router-service consumed: 250 / 1000 records (25 %), 25.0 records/s, ETA 30 s");
    }

    @Test
    void longRunsShowMinutesAndHours() {
        assertThat(Progress.line("copied", 100, 100_000, 10.0)).endsWith("ETA 2h46m");
        assertThat(Progress.line("copied", 100, 1_000, 100.0)).endsWith("ETA 15m00s");
    }

    @Test
    void theLastLineSaysDone() {
        assertThat(Progress.line("copied", 40, 40, 2.0)).endsWith("(100 %), 20.0 records/s, done");
    }

    @Test
    void nothingDoneYetHasNoEta() {
        assertThat(Progress.line("copied", 0, 40, 2.0)).endsWith("ETA unknown");
    }
}
