package io.tandem.replay.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tandem.replay.ReplayCli;
import io.tandem.replay.ReplayException;
import io.tandem.replay.client.ClassifierAdmin;
import io.tandem.replay.persistence.LiveSkillVersions;
import io.tandem.replay.report.ReportWriter;
import io.tandem.replay.report.WhatIfReport;
import io.tandem.replay.service.Connections;
import io.tandem.replay.service.StageReplay;
import io.tandem.replay.service.StageSetup;
import io.tandem.replay.service.WhatIf;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ./tandem replay what-if}: a period's customer messages against another skill version or other rules. */
@Command(name = "what-if", mixinStandardHelpOptions = true,
        description = {"Replays a period's conversation events through a replay classifier (another skill version,"
                + " or the live one) and a replay router (other rules, or the live ones), then prints per customer"
                + " message the decision then (the live topics) and now: node, confidence, actions; with totals of"
                + " what changed. Writes what-if.json and what-if.html into --out.",
                "The dialog state starts empty: choose a period that holds whole conversations."})
public final class WhatIfCommand implements java.util.concurrent.Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    ReplayCli cli;

    @Spec
    CommandSpec spec;

    @Mixin
    RangeOptions range;

    @Mixin
    ConnectionOptions connection;

    @ArgGroup(exclusive = true)
    SkillChoice skill;

    static final class SkillChoice {

        @Option(names = "--skill", paramLabel = "FILE", description = "a Watson Assistant v1 workspace JSON file")
        Path file;

        @Option(names = "--skill-version", paramLabel = "N",
                description = "a stored version of the workspace's skill (read from the live classifier schema)")
        Integer version;
    }

    @Option(names = "--rules", paramLabel = "FILE", description = "router rules: the JSON of GET"
            + " /api/workspaces/{appId}/rules (backupRules, actionRules), optionally with \"integration\" (the JSON"
            + " of GET .../integration); default: the live ones")
    Path rules;

    @Option(names = "--out", paramLabel = "DIR", description = "where what-if.json and what-if.html go"
            + " (default .tandem/replay/<run id>)")
    Path out;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "how long the replay may take after the copy (default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    public Integer call() {
        if (range.from == null && range.fromOffset == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--from=TIME'");
        }
        if (skill != null && skill.version != null && skill.version < 1) {
            throw new ParameterException(spec.commandLine(), "--skill-version must be 1 or more");
        }
        Connections connections = connection.connections(cli.out(), cli.stageEnv());
        String runId = StageReplay.newRunId();
        StageSetup live = RunCommand.liveSetup(connections);
        Function<String, String> skills = live.skills();
        String changes = "the live skill";
        if (skill != null && skill.file != null) {
            String workspace = WhatIf.readSkillFile(skill.file);
            skills = app -> workspace;
            changes = "skill " + skill.file.getFileName();
        } else if (skill != null && skill.version != null) {
            LiveSkillVersions versions = new LiveSkillVersions(connections.postgres());
            int version = skill.version;
            skills = app -> {
                String workspace = versions.workspace(app, version);
                if (workspace == null) {
                    throw new ReplayException("workspace " + app + " has no skill version " + version);
                }
                return workspace;
            };
            changes = "skill version " + version;
        }
        Function<String, JsonNode> settings = live.settings();
        if (rules != null) {
            JsonNode given = readRules(rules);
            settings = app -> {
                ObjectNode merged = given.deepCopy();
                if (!merged.has("integration")) {
                    JsonNode liveIntegration = RunCommand.liveSettings(connections, app).path("integration");
                    if (liveIntegration.isObject()) {
                        merged.set("integration", liveIntegration);
                    }
                }
                return merged;
            };
            changes += ", rules " + rules.getFileName();
        } else {
            changes += ", the live rules";
        }
        WhatIfReport report = new WhatIf(connections).run(runId, range.range(spec), range.filter(),
                new StageSetup(skills, settings), changes, Duration.ofSeconds(timeoutSeconds));
        cli.out().println();
        ReportWriter.table(report, cli.out());
        Path dir = out != null ? out : connections.root().resolve(".tandem").resolve("replay").resolve(runId);
        Path json = ReportWriter.write(report, dir);
        cli.out().printf("%nreport: %s and %s%n", json, dir.resolve(ReportWriter.HTML_FILE));
        return 0;
    }

    private JsonNode readRules(Path file) {
        try {
            JsonNode rulesJson = JSON.readTree(Files.readString(file));
            if (!rulesJson.isObject()) {
                throw new ParameterException(spec.commandLine(), "--rules " + file + ": not a JSON object");
            }
            return rulesJson;
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--rules " + file + ": cannot read it as JSON ("
                    + e.getMessage() + ")");
        }
    }
}
