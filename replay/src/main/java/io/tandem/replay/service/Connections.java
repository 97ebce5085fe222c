package io.tandem.replay.service;

import java.io.PrintStream;
import java.nio.file.Path;

import io.tandem.replay.stage.JdbcServer;

/**
 * Where the live system is, as the replay tool reaches it.
 *
 * @param root          the repository root, where each stage's packaged application is
 * @param logDir        where replay instances write their logs
 * @param classifierUrl the live classifier-service (skills are copied from it)
 * @param routerUrl     the live router-service (integration and rules are copied from it)
 * @param adminKey      an operator key of the live admin APIs
 * @param intercomUrl   the Intercom API a replay router reads admins and teams from (responder runs dry)
 * @param stageEnv      environment replay instances get on top of this process's (which they inherit)
 */
public record Connections(String bootstrapServers, JdbcServer postgres, Path root, Path logDir, String classifierUrl,
        String routerUrl, String adminKey, String intercomUrl, java.util.Map<String, String> stageEnv,
        PrintStream out) {
}
