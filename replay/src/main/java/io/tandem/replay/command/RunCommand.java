package io.tandem.replay.command;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tandem.replay.ReplayCli;
import io.tandem.replay.client.ClassifierAdmin;
import io.tandem.replay.client.RouterAdmin;
import io.tandem.replay.service.Connections;
import io.tandem.replay.service.ReplayResult;
import io.tandem.replay.service.StageReplay;
import io.tandem.replay.service.StageSetup;
import io.tandem.replay.stage.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ./tandem replay run}: a range of a stage's input through a replay instance of that stage. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Copies a range of a stage's input topic into replay.<run id>.<topic> and runs a replay"
                + " instance of the stage on it: its own consumer group, its own database (created on the live"
                + " server, dropped at the end), output to replay topics; the responder runs dry. The classifier is"
                + " loaded with the live active skill, the router with the live settings and rules.",
                "Waits until the stage has consumed every copied record, showing progress."})
public final class RunCommand implements java.util.concurrent.Callable<Integer> {

    @ParentCommand
    ReplayCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--stage", required = true, paramLabel = "STAGE",
            description = "classifier, router or responder (reads conversation.events, .classified, .actions)")
    Stage stage;

    @Mixin
    RangeOptions range;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--keep-database", description = "leave the replay database in place, to look at its rows")
    boolean keepDatabase;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "how long the stage may take after the copy (default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    public Integer call() {
        Connections connections = connection.connections(cli.out(), cli.stageEnv());
        ReplayResult result = new StageReplay(connections).run(StageReplay.newRunId(), List.of(stage),
                range.range(spec), range.filter(), liveSetup(connections), Duration.ofSeconds(timeoutSeconds),
                keepDatabase, null);
        if (result.copied() > 0) {
            cli.out().printf("replay %s done: %d record(s) replayed; output in %s%n", result.runId(),
                    result.copied(), String.join(", ", result.outputs().keySet()));
        }
        return 0;
    }

    /** The live skill and the live router settings, fetched when a stage needs them. */
    static StageSetup liveSetup(Connections connections) {
        ClassifierAdmin classifier = new ClassifierAdmin(connections.classifierUrl(), connections.adminKey());
        return new StageSetup(classifier::activeSkill, app -> liveSettings(connections, app));
    }

    static JsonNode liveSettings(Connections connections, String app) {
        RouterAdmin router = new RouterAdmin(connections.routerUrl(), connections.adminKey());
        JsonNode rules = router.rules(app);
        ObjectNode settings = rules == null ? new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                : ((ObjectNode) rules).deepCopy();
        JsonNode integration = router.integration(app);
        if (integration != null) {
            settings.set("integration", integration);
        }
        return settings;
    }
}
