package io.tandem.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL cluster made with the installed binaries ({@code initdb}, {@code postgres}) in a directory of its
 * own, on a free loopback port. As root it runs as the {@code postgres} user, since PostgreSQL refuses to run as
 * root.
 */
public final class LocalPostgres {

    public static final String DATABASE = "tandem";
    public static final String USER = "tandem";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final List<Path> BINARY_DIRS = List.of(
            Path.of("/usr/lib/postgresql/17/bin"), Path.of("/usr/lib/postgresql/16/bin"),
            Path.of("/usr/lib/postgresql/15/bin"), Path.of("/usr/lib/postgresql/14/bin"),
            Path.of("/usr/local/pgsql/bin"), Path.of("/usr/pgsql-15/bin"), Path.of("/usr/bin"));

    private LocalPostgres() {
    }

    /** The directory holding initdb and postgres, from TANDEM_POSTGRES_BIN or the usual places. */
    public static Optional<Path> binaries() {
        Stream<Path> candidates = Optional.ofNullable(System.getenv("TANDEM_POSTGRES_BIN"))
                .map(dir -> Stream.of(Path.of(dir))).orElseGet(BINARY_DIRS::stream);
        return candidates.filter(dir -> Files.isExecutable(dir.resolve("initdb"))
                && Files.isExecutable(dir.resolve("postgres"))).findFirst();
    }

    /**
     * @param dataDir the cluster's directory: created with initdb when empty; deleted on close when {@code throwaway}
     */
    public static RunningPostgres start(Path dataDir, boolean throwaway) {
        return start(dataDir, throwaway, FreePorts.next());
    }

    public static RunningPostgres start(Path dataDir, boolean throwaway, int port) {
        Path bin = binaries().orElseThrow(() -> new InfrastructureException(
                "no PostgreSQL server binaries found (looked for initdb in " + BINARY_DIRS
                        + " and $TANDEM_POSTGRES_BIN): install PostgreSQL (Debian: apt-get install postgresql)"));
        boolean root = "root".equals(System.getProperty("user.name"));
        Path cluster = dataDir.resolve("cluster");
        Path log = dataDir.resolve("postgres.log");
        try {
            Files.createDirectories(dataDir);
            if (root) {
                chownToPostgres(dataDir);
            }
            if (!Files.exists(cluster.resolve("PG_VERSION"))) {
                initdb(bin, cluster, log, root);
            }
        } catch (IOException e) {
            throw new InfrastructureException("could not prepare " + dataDir + ": " + e.getMessage(), e);
        }
        List<String> command = asPostgresUser(root, List.of(bin.resolve("postgres").toString(),
                "-D", cluster.toString(), "-p", Integer.toString(port), "-k", dataDir.toString(),
                "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200",
                "-c", "fsync=" + (throwaway ? "off" : "on"), "-c", "synchronous_commit=" + (throwaway ? "off" : "on"),
                "-c", "full_page_writes=" + (throwaway ? "off" : "on")));
        // SIGINT is PostgreSQL's "fast" shutdown: it rolls back open transactions and stops cleanly
        ChildProcess server = ChildProcess.start("postgres", command, Map.of(), log, "INT", 10_000);
        String adminUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        if (!Waiting.until(READY_TIMEOUT, Duration.ofMillis(100), () -> server.isAlive() && connects(adminUrl))) {
            String tail = server.logTail(30);
            server.close();
            throw new InfrastructureException("the local PostgreSQL did not accept connections within "
                    + READY_TIMEOUT.toSeconds() + " s; its log " + log + " ends with:\n" + tail);
        }
        createDatabase(adminUrl);
        return new RunningPostgres("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, USER, USER,
                "local PostgreSQL cluster in " + dataDir, () -> {
                    server.close();
                    if (throwaway) {
                        TempDirectories.deleteQuietly(dataDir);
                    }
                });
    }

    private static void initdb(Path bin, Path cluster, Path log, boolean root) throws IOException {
        List<String> command = asPostgresUser(root, List.of(bin.resolve("initdb").toString(), "--auth=trust",
                "--username=" + USER, "--encoding=UTF8", "--locale=C", "--no-sync", "-D", cluster.toString()));
        try {
            Process initdb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!initdb.waitFor(60, TimeUnit.SECONDS) || initdb.exitValue() != 0) {
                initdb.destroyForcibly();
                throw new InfrastructureException("initdb failed; see " + log + ":\n" + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("interrupted while running initdb", e);
        }
    }

    /** setpriv execs in place (no fork), so signals sent to the process reach postgres itself. */
    private static List<String> asPostgresUser(boolean root, List<String> command) {
        if (!root) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=postgres", "--regid=postgres",
                "--init-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static void chownToPostgres(Path dir) throws IOException {
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        try {
            Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
        } catch (IOException e) {
            throw new InfrastructureException("running as root, the local PostgreSQL needs the 'postgres' user;"
                    + " install PostgreSQL (it creates that user) or run as another user", e);
        }
    }

    private static boolean connects(String url) {
        try (Connection ignored = DriverManager.getConnection(url, USER, USER)) {
            return true;
        } catch (SQLException notYet) {
            return false;
        }
    }

    private static void createDatabase(String adminUrl) {
        try (Connection connection = DriverManager.getConnection(adminUrl, USER, USER);
                Statement statement = connection.createStatement()) {
            boolean exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")
                    .next();
            if (!exists) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new InfrastructureException("could not create database " + DATABASE + ": " + e.getMessage(), e);
        }
    }
}
