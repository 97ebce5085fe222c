package io.tandem.replay.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.tandem.replay.ReplayException;
import io.tandem.replay.stage.JdbcServer;

/**
 * Reads a stored skill version from the live classifier's schema ({@code classifier.skill_version}), read only:
 * the admin API serves only the active version's workspace.
 */
public final class LiveSkillVersions {

    private final JdbcServer server;

    public LiveSkillVersions(JdbcServer server) {
        this.server = server;
    }

    /** The workspace JSON of the app's version, as it was uploaded; null when the app has no such version. */
    public String workspace(String appId, int version) {
        try (Connection connection = server.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT workspace FROM classifier.skill_version WHERE app_id = ? AND version = ?")) {
            connection.setReadOnly(true);
            query.setString(1, appId);
            query.setInt(2, version);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new ReplayException("could not read skill version " + version + " of workspace " + appId + " from "
                    + server.url() + ": " + e.getMessage(), e);
        }
    }
}
