package io.tandem.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server process that cannot outlive the JVM that started it: it runs under a small shell wrapper that stops it
 * as soon as its standard input closes, which happens on {@link #close()} and also when this JVM dies, however it
 * dies. Its output goes to a log file.
 */
public final class ChildProcess implements AutoCloseable {

    /** Waits on stdin; at end of input sends the stop signal, then SIGKILL after the grace period. */
    private static final String WRAPPER = """
            "$@" </dev/null & child=$!
            read -r _ignored
            kill -s "$TANDEM_STOP_SIGNAL" "$child" 2>/dev/null
            i=0
            while kill -0 "$child" 2>/dev/null; do
              i=$((i + 1))
              if [ "$i" -gt "$TANDEM_STOP_GRACE_TENTHS" ]; then kill -s KILL "$child" 2>/dev/null; break; fi
              sleep 0.1
            done
            wait "$child" 2>/dev/null
            """;

    private final String name;
    private final Process wrapper;
    private final Path log;
    private final long graceMillis;

    private ChildProcess(String name, Process wrapper, Path log, long graceMillis) {
        this.name = name;
        this.wrapper = wrapper;
        this.log = log;
        this.graceMillis = graceMillis;
    }

    /**
     * @param stopSignal  signal that asks the server to stop cleanly (TERM, INT)
     * @param graceMillis how long it gets before it is killed
     */
    public static ChildProcess start(String name, List<String> command, Map<String, String> environment,
            Path log, String stopSignal, long graceMillis) {
        List<String> wrapped = new ArrayList<>(List.of("sh", "-c", WRAPPER, name));
        wrapped.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(wrapped)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("TANDEM_STOP_SIGNAL", stopSignal);
        builder.environment().put("TANDEM_STOP_GRACE_TENTHS", Long.toString(Math.max(1, graceMillis / 100)));
        try {
            Files.createDirectories(log.getParent());
            return new ChildProcess(name, builder.start(), log, graceMillis);
        } catch (IOException e) {
            throw new InfrastructureException("could not start " + name + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return wrapper.isAlive();
    }

    /** The last lines of the log, for error messages. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (!wrapper.isAlive()) {
            return;
        }
        try (OutputStream stdin = wrapper.getOutputStream()) {
            stdin.write('\n');
        } catch (IOException alreadyGone) {
            // the wrapper stops on end of input as well
        }
        try {
            if (!wrapper.waitFor(graceMillis + 5_000, TimeUnit.MILLISECONDS)) {
                wrapper.descendants().forEach(ProcessHandle::destroyForcibly);
                wrapper.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            wrapper.descendants().forEach(ProcessHandle::destroyForcibly);
            wrapper.destroyForcibly();
        }
    }
}
