package io.tandem.replay.stage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The live PostgreSQL server, as the services reach it: the replay tool reads skills there and adds databases. */
public record JdbcServer(String url, String username, String password) {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    @Override
    public String toString() {
        return "JdbcServer[" + url + ", user " + username + "]";
    }
}
