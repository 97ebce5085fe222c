package io.tandem.replay.command;

import io.tandem.replay.ReplayCli;
import io.tandem.replay.kafka.RecordFilter;
import io.tandem.replay.service.Redrive;
import io.tandem.replay.stage.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ./tandem replay redrive}: a dead letter topic's records back into their stage, once. */
@Command(name = "redrive", mixinStandardHelpOptions = true,
        description = "Re-drives the records of a dead letter topic into its stage's input topic (after the fix),"
                + " keeping key, headers and the original bytes; reads with the group tandem-redrive-<topic>, so"
                + " each record is re-driven once however often this runs.")
public final class RedriveCommand implements java.util.concurrent.Callable<Integer> {

    @ParentCommand
    ReplayCli cli;

    @Option(names = "--dlq", required = true, paramLabel = "TOPIC",
            description = "the dead letter topic, e.g. conversation.events.classifier-dlq")
    String deadLetterTopic;

    @Option(names = "--to-stage", paramLabel = "STAGE",
            description = "the stage whose input topic gets the records (default: the dead letter topic's stage)")
    Stage stage;

    @Option(names = "--app", paramLabel = "APP_ID", description = "only this workspace's records")
    String appId;

    @Option(names = "--conversation", paramLabel = "ID", description = "only this conversation's records")
    String conversationId;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() {
        new Redrive(kafka.bootstrapServers, cli.out()).run(deadLetterTopic,
                stage == null ? null : stage.inputTopic(), new RecordFilter(appId, conversationId));
        return 0;
    }
}
