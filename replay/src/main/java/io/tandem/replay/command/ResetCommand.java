package io.tandem.replay.command;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.tandem.replay.ReplayCli;
import io.tandem.replay.service.GroupReset;
import io.tandem.replay.stage.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ./tandem replay reset}: a stopped live stage's consumer group back to a time. */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Resets a live stage's consumer group on its input topic to a time, so it reads again from"
                + " there when started; its idempotent consumer does nothing twice. The stage must be stopped:"
                + " Kafka refuses to reset an active group.", "Asks for confirmation unless --yes."})
public final class ResetCommand implements java.util.concurrent.Callable<Integer> {

    @ParentCommand
    ReplayCli cli;

    @Option(names = "--stage", required = true, paramLabel = "STAGE", description = "classifier, router or responder")
    Stage stage;

    @Option(names = "--to", required = true, paramLabel = "TIME", converter = InstantConverter.class,
            description = "the time to read again from (ISO-8601)")
    Instant to;

    @Option(names = "--yes", description = "do not ask for confirmation")
    boolean yes;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() {
        BufferedReader confirmation = yes ? null
                : new BufferedReader(new InputStreamReader(cli.in(), StandardCharsets.UTF_8));
        return new GroupReset(kafka.bootstrapServers, cli.out()).run(stage, to, confirmation) ? 0 : 1;
    }
}
