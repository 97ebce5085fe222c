package io.tandem.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A process's command line in full. {@link ProcessHandle.Info} gives no arguments at all for a command line of more
 * than about 4 KB, as the Kafka broker's class path makes it; {@code /proc} has every one.
 */
final class CommandLines {

    private CommandLines() {
    }

    /** The command and its arguments, from {@code /proc} where there is one, else as the JDK tells them. */
    static List<String> of(ProcessHandle process) {
        try {
            byte[] line = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            return List.of(new String(line, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException | UncheckedIOException | UnsupportedOperationException notLinux) {
            return List.of(process.info().arguments().orElse(new String[0]));
        }
    }
}
