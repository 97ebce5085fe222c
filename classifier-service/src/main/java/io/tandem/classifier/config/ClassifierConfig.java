package io.tandem.classifier.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of classifier-service.
 */
@ConfigMapping(prefix = "tandem.classifier")
public interface ClassifierConfig {

    /** Operator bearer keys, accepted by the admin API for every workspace; never logged. */
    List<String> adminApiKeys();

    /**
     * Per workspace settings by app id: {@code tandem.classifier.apps.<appId>.admin-api-keys} (env
     * {@code TANDEM_CLASSIFIER_APPS_<APPID>_ADMIN_API_KEYS}) are bearer keys valid for that workspace only.
     */
    Map<String, App> apps();

    interface App {

        /** Bearer keys valid for this workspace only; never logged. */
        Optional<List<String>> adminApiKeys();
    }

    /** Confidence below which no intent is recognized (Watson Assistant uses 0.2). */
    @WithDefault("0.2")
    double intentThreshold();

    /**
     * How long a replica trusts the active skill version it last read before reading it again: a version imported
     * or activated through another replica is used from that long after at most (through this one, at once). Zero
     * reads it for every message.
     */
    @WithDefault("1s")
    Duration activeVersionCheck();

    Seed seed();

    interface Seed {

        /** The app whose skill is imported at startup when it has none; unset means no seeding. */
        Optional<String> appId();

        /** Classpath resource holding the Watson Assistant v1 workspace to import. */
        @WithDefault("skills/online-store.json")
        String resource();
    }
}
