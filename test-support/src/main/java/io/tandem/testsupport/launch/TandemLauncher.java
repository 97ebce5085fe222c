package io.tandem.testsupport.launch;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.tandem.testsupport.InfrastructureException;
import io.tandem.testsupport.TempDirectories;

/**
 * {@code ./tandem up}: starts the whole system on embedded defaults and keeps it running until Ctrl-C or
 * {@code ./tandem down} (SIGTERM), then stops everything.
 */
public final class TandemLauncher {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private TandemLauncher() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        Path root = Path.of("").toAbsolutePath();
        Path state = root.resolve(".tandem");
        // world-traversable: as root, PostgreSQL runs as the postgres user and must reach its data directory
        Files.createDirectories(state, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path dataDir = Files.createTempDirectory(state, "run-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path logDir = state.resolve("logs");
        Files.createDirectories(logDir);
        LocalSettings settings = LocalSettings.from(System::getenv);

        long begin = System.nanoTime();
        TandemSystem system;
        try {
            system = TandemSystem.start(root, Ports.from(System::getenv), settings, System.getenv(), dataDir, logDir,
                    line -> out.println(LocalTime.now().format(CLOCK) + "  " + line));
        } catch (InfrastructureException | IllegalArgumentException e) {
            System.err.println("tandem: " + e.getMessage());
            TempDirectories.deleteQuietly(dataDir);
            System.exit(1);
            return;
        }
        try {
            LocalWorkspace.configure(system.url(TandemSystem.ROUTER), settings, LocalWorkspace.LOCAL_THRESHOLD);
            out.println(LocalTime.now().format(CLOCK) + "  workspace '" + settings.appId()
                    + "': Tandem acts as admin " + settings.botAdminId() + " and monitors the Unassigned inbox");
            Duration answered = PipelineCheck.run(system.url(TandemSystem.SANDBOX));
            out.printf("%s  startup check: a customer message was answered in %.1f s%n", LocalTime.now().format(CLOCK),
                    answered.toMillis() / 1e3);
        } catch (InfrastructureException e) {
            System.err.println("tandem: " + e.getMessage());
            system.close();
            TempDirectories.deleteQuietly(dataDir);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println(LocalTime.now().format(CLOCK) + "  stopping Tandem");
            system.close();
            TempDirectories.deleteQuietly(dataDir);
            out.println(LocalTime.now().format(CLOCK) + "  stopped; no process left");
            stopped.countDown();
        }, "tandem-stop"));

        out.printf("%nTandem is up (%.1f s). Ctrl-C or ./tandem down stops it.%n%n", (System.nanoTime() - begin) / 1e9);
        out.printf("  %-20s %-28s %s%n", "service", "url", "log");
        for (String module : List.of(TandemSystem.INGEST, TandemSystem.CLASSIFIER, TandemSystem.ROUTER,
                TandemSystem.RESPONDER, TandemSystem.SANDBOX)) {
            out.printf("  %-20s %-28s %s%n", module, system.url(module), root.relativize(system.log(module)));
        }
        out.printf("  %-20s %s%n", "kafka", system.infrastructure().kafka().bootstrapServers());
        out.printf("  %-20s %s%n", "postgresql", system.infrastructure().postgres().jdbcUrl());
        out.printf("%nIntercom app_id '%s'. Try it:%n", settings.appId());
        out.printf("  curl -s -X POST %s/sandbox/conversations -H 'Content-Type: application/json' "
                + "-d '{\"body\":\"Where is my order?\"}'%n", system.url(TandemSystem.SANDBOX));
        out.printf("  curl -s %s/sandbox/conversations/<id>%n%n", system.url(TandemSystem.SANDBOX));
        stopped.await();
    }

}
