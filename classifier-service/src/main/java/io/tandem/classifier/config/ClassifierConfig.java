package io.tandem.classifier.config;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of classifier-service.
 */
@ConfigMapping(prefix = "tandem.classifier")
public interface ClassifierConfig {

    /** Bearer keys accepted by the admin API; never logged. */
    List<String> adminApiKeys();

    /** Confidence below which no intent is recognized (Watson Assistant uses 0.2). */
    @WithDefault("0.2")
    double intentThreshold();

    Seed seed();

    interface Seed {

        /** The app whose skill is imported at startup when it has none; unset means no seeding. */
        Optional<String> appId();

        /** Classpath resource holding the Watson Assistant v1 workspace to import. */
        @WithDefault("skills/online-store.json")
        String resource();
    }
}
