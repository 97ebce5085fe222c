package io.tandem.system.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's root directory: system property {@code tandem.root} (set by failsafe), else the nearest directory
 * above the working directory that holds {@code mvnw}.
 */
final class RepositoryRoot {

    private RepositoryRoot() {
    }

    static Path find() {
        String configured = System.getProperty("tandem.root", "");
        if (!configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No directory holding mvnw above " + start + "; set -Dtandem.root");
    }
}
