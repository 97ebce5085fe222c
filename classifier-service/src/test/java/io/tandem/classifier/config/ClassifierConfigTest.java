package io.tandem.classifier.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Workspace keys reach the service the way Kubernetes Secrets pass them: as environment variables. */
class ClassifierConfigTest {

    @Test
    void workspaceKeysComeFromEnvironmentVariables() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(Map.of(
                        "TANDEM_CLASSIFIER_ADMIN_API_KEYS", "operator-key",
                        "TANDEM_CLASSIFIER_APPS_ABC123_ADMIN_API_KEYS", "key-one,key-two"), 300))
                // as Quarkus reads durations ("1s")
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(ClassifierConfig.class)
                .build();
        ClassifierConfig classifier = config.getConfigMapping(ClassifierConfig.class);

        assertThat(classifier.adminApiKeys()).containsExactly("operator-key");
        assertThat(classifier.apps()).hasSize(1);
        Map.Entry<String, ClassifierConfig.App> app = classifier.apps().entrySet().iterator().next();
        assertThat(app.getKey()).isEqualToIgnoringCase("abc123");
        assertThat(app.getValue().adminApiKeys()).contains(List.of("key-one", "key-two"));
        assertThat(classifier.activeVersionCheck()).isEqualTo(Duration.ofSeconds(1));
    }
}
