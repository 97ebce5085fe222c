package io.tandem.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Wrong usage exits 2 and names the option, before anything is reached. */
class ReplayCommandLineTest {

    record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ReplayCli.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), InputStream.nullInputStream(), Map.of(), args);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheCommands() {
        Result help = run("--help");

        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("run", "what-if", "redrive", "reset");
    }

    @Test
    void noCommandIsAUsageError() {
        Result none = run();

        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).contains("name a command: run, what-if, redrive, reset");
    }

    @Test
    void runWithoutStageNamesTheOption() {
        Result run = run("run", "--from", "2026-11-26T10:00:00Z");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--stage=STAGE'");
    }

    @Test
    void anUnknownStageNamesTheOptionAndTheStages() {
        Result run = run("run", "--stage", "ingest");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for option '--stage'").contains("CLASSIFIER, ROUTER, RESPONDER");
    }

    @Test
    void aTimeThatIsNoIsoTimeNamesTheOption() {
        Result run = run("run", "--stage", "router", "--from", "yesterday");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for option '--from'").contains("'yesterday' is not an ISO-8601");
    }

    @Test
    void fromAndFromOffsetExcludeEachOther() {
        Result run = run("run", "--stage", "classifier", "--from", "2026-11-26", "--from-offset", "3");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--from and --from-offset exclude each other");
    }

    @Test
    void toBeforeFromIsRefused() {
        Result run = run("run", "--stage", "classifier", "--from", "2026-11-26T10:00:00Z", "--to",
                "2026-11-26T09:00:00Z");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--to must be after --from");
    }

    @Test
    void whatIfNeedsFrom() {
        Result run = run("what-if", "--to", "2026-11-26T10:00:00Z");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--from=TIME'");
    }

    @Test
    void whatIfTakesOneSkillOnly() {
        Result run = run("what-if", "--from", "2026-11-26", "--skill", "a.json", "--skill-version", "2");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--skill=FILE, --skill-version=N are mutually exclusive");
    }

    @Test
    void resetNeedsATime() {
        Result run = run("reset", "--stage", "responder");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--to=TIME'");
    }

    @Test
    void redriveNeedsTheDeadLetterTopic() {
        Result run = run("redrive");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--dlq=TOPIC'");
    }

    @Test
    void anUnknownOptionIsNamed() {
        Result run = run("reset", "--stage", "router", "--to", "2026-11-26", "--force");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--force'");
    }
}
