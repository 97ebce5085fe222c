package io.tandem.replay;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;

import io.tandem.replay.command.RedriveCommand;
import io.tandem.replay.command.ResetCommand;
import io.tandem.replay.command.RunCommand;
import io.tandem.replay.command.WhatIfCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./tandem replay}: re-runs recorded traffic through replay instances of a stage, compares a period's
 * decisions against another skill or rules, re-drives dead letters, resets a stopped stage's consumer group.
 * Exit status 0 done, 1 failed (the message says why), 2 wrong usage (the option named).
 */
@Command(name = "./tandem replay", mixinStandardHelpOptions = true, version = "tandem replay 1.0",
        description = "Re-runs recorded Kafka traffic through Tandem's stages without touching live consumer groups,"
                + " data or customers.",
        subcommands = {RunCommand.class, WhatIfCommand.class, RedriveCommand.class, ResetCommand.class})
public final class ReplayCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final PrintStream out;
    private final InputStream in;
    private final Map<String, String> stageEnv;

    public ReplayCli(PrintStream out, InputStream in, Map<String, String> stageEnv) {
        this.out = out;
        this.in = in;
        this.stageEnv = Map.copyOf(stageEnv);
    }

    /** Environment replay instances get on top of this process's own (which they inherit). */
    public Map<String, String> stageEnv() {
        return stageEnv;
    }

    public PrintStream out() {
        return out;
    }

    public InputStream in() {
        return in;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: run, what-if, redrive, reset");
    }

    public static void main(String[] args) {
        System.exit(execute(System.out, System.err, System.in, Map.of(), args));
    }

    /** Runs the command line; returns the exit status. */
    public static int execute(PrintStream out, PrintStream err, InputStream in, Map<String, String> stageEnv,
            String... args) {
        CommandLine commandLine = new CommandLine(new ReplayCli(out, in, stageEnv))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof ReplayException) {
                        err.println("tandem replay: " + e.getMessage());
                        return 1;
                    }
                    throw e;
                });
        return commandLine.execute(args);
    }
}
