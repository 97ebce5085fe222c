package io.tandem.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared corpus (real Intercom payloads and published API descriptions), found through system property
 * {@code tandem.shared.dir}, which the root pom's shared-corpus profile sets.
 */
public final class SharedCorpus {

    private SharedCorpus() {
    }

    /** @param relative e.g. {@code intercom/webhooks} */
    public static Path path(String relative) {
        String dir = System.getProperty("tandem.shared.dir", "");
        assertThat(dir).as("system property tandem.shared.dir (run with -Pshared-corpus)").isNotBlank();
        Path path = Path.of(dir).resolve(relative);
        assertThat(Files.exists(path)).as("%s exists", path).isTrue();
        return path;
    }
}
