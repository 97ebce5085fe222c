package io.tandem.replay.command;

import java.io.PrintStream;
import java.nio.file.Path;

import io.tandem.replay.service.Connections;
import io.tandem.replay.stage.JdbcServer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the live system is; every default comes from the environment the launcher and the services use. */
public class ConnectionOptions {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            defaultValue = "${env:TANDEM_JDBC_URL:-jdbc:postgresql://localhost:5432/postgres}",
            description = "the live PostgreSQL server; replays create their own database on it"
                    + " (env TANDEM_JDBC_URL; default ${DEFAULT-VALUE})")
    String jdbcUrl;

    @Option(names = "--jdbc-username", paramLabel = "USER", defaultValue = "${env:TANDEM_JDBC_USERNAME:-postgres}",
            description = "(env TANDEM_JDBC_USERNAME; default ${DEFAULT-VALUE})")
    String jdbcUsername;

    @Option(names = "--jdbc-password", paramLabel = "PASSWORD", defaultValue = "${env:TANDEM_JDBC_PASSWORD:-}",
            description = "(env TANDEM_JDBC_PASSWORD)")
    String jdbcPassword;

    @Option(names = "--classifier-url", paramLabel = "URL",
            defaultValue = "${env:TANDEM_CLASSIFIER_URL:-http://127.0.0.1:8081}",
            description = "the live classifier-service, whose skills are copied (default ${DEFAULT-VALUE})")
    String classifierUrl;

    @Option(names = "--router-url", paramLabel = "URL", defaultValue = "${env:TANDEM_ROUTER_URL:-http://127.0.0.1:8082}",
            description = "the live router-service, whose settings and rules are copied (default ${DEFAULT-VALUE})")
    String routerUrl;

    @Option(names = "--admin-key", paramLabel = "KEY", defaultValue = "${env:TANDEM_ADMIN_API_KEY:-local-admin-key}",
            description = "an operator key of the live admin APIs (env TANDEM_ADMIN_API_KEY)")
    String adminKey;

    @Option(names = "--intercom-url", paramLabel = "URL",
            defaultValue = "${env:TANDEM_INTERCOM_URL:-https://api.intercom.io}",
            description = "where a replay router reads admins and teams (read only; its token comes from env"
                    + " TANDEM_ROUTER_APPS_<APPID>_ACCESS_TOKEN); default ${DEFAULT-VALUE}")
    String intercomUrl;

    Connections connections(PrintStream out, java.util.Map<String, String> stageEnv) {
        Path root = Path.of(System.getProperty("tandem.root", ".")).toAbsolutePath().normalize();
        return new Connections(kafka.bootstrapServers, new JdbcServer(jdbcUrl, jdbcUsername, jdbcPassword), root,
                root.resolve(".tandem").resolve("logs"), classifierUrl, routerUrl, adminKey, intercomUrl, stageEnv, out);
    }
}
