package io.tandem.replay.stage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tandem.replay.ReplayException;

/**
 * A database of its own for a replay, created on the live PostgreSQL server: the replay instance's Flyway makes its
 * schemas there, so the live dialog state, decisions and ledger are never read or written by the replay.
 */
public final class ReplayDatabase implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?$");

    private final JdbcServer server;
    private final String name;
    private final String jdbcUrl;
    private final boolean keep;

    private ReplayDatabase(JdbcServer server, String name, String jdbcUrl, boolean keep) {
        this.server = server;
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.keep = keep;
    }

    /**
     * @param keep leave the database in place when the replay ends (to look at its rows)
     */
    public static ReplayDatabase create(JdbcServer server, String runId, boolean keep) {
        String name = "tandem_replay_" + runId.replaceAll("[^a-z0-9]", "_");
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new ReplayException("could not create the replay database " + name + " on " + server.url()
                    + ": " + e.getMessage(), e);
        }
        return new ReplayDatabase(server, name, withDatabase(server.url(), name), keep);
    }

    static String withDatabase(String jdbcUrl, String database) {
        Matcher matcher = URL.matcher(jdbcUrl);
        if (!matcher.matches()) {
            throw new ReplayException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        return matcher.group(1) + database + (matcher.group(3) == null ? "" : matcher.group(3));
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public JdbcServer server() {
        return server;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, server.username(), server.password());
    }

    @Override
    public void close() {
        if (keep) {
            return;
        }
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new ReplayException("could not drop the replay database " + name + ": " + e.getMessage(), e);
        }
    }
}
