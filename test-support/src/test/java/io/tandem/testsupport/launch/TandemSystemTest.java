package io.tandem.testsupport.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TandemSystemTest {

    @Test
    void localDefaultsApplyWhereNoEnvironmentVariableIsSet() {
        LocalSettings settings = LocalSettings.from(name -> null);

        assertThat(settings).isEqualTo(new LocalSettings("local", "local-webhook-secret", "local-token",
                "local-admin-key", "991267"));
    }

    @Test
    void eachDefaultIsOverriddenByItsEnvironmentVariable() {
        Map<String, String> env = Map.of(LocalSettings.APP_ID_ENV, "i6wc9ipe", LocalSettings.WEBHOOK_SECRET_ENV, "s",
                LocalSettings.ACCESS_TOKEN_ENV, "t", LocalSettings.ADMIN_API_KEY_ENV, "k", LocalSettings.BOT_ADMIN_ID_ENV,
                "42");

        assertThat(LocalSettings.from(env::get)).isEqualTo(new LocalSettings("i6wc9ipe", "s", "t", "k", "42"));
    }

    @Test
    void settingsNeverPrintTheirSecrets() {
        assertThat(LocalSettings.from(name -> null).toString()).doesNotContain("local-webhook-secret", "local-token",
                "local-admin-key");
    }

    @Test
    void wiresEachServiceToItsNeighboursAndTheAppsSecrets() {
        Ports ports = new Ports(1, 2, 3, 4, 5);
        Map<String, Map<String, String>> byModule = new java.util.HashMap<>();
        List<ServiceSpec> specs = TandemSystem.specs(ports, new LocalSettings("my-app", "sec", "tok", "key", "77"));
        specs.forEach(spec -> byModule.put(spec.module(), spec.environment()));

        assertThat(byModule.keySet()).containsExactlyInAnyOrderElementsOf(TandemSystem.MODULES);
        assertThat(byModule.get(TandemSystem.SANDBOX)).containsEntry("TANDEM_SANDBOX_WEBHOOK_URL",
                "http://127.0.0.1:1/webhooks/intercom").containsEntry("TANDEM_SANDBOX_WEBHOOK_SECRET", "sec");
        assertThat(byModule.get(TandemSystem.SANDBOX)).containsEntry("TANDEM_SANDBOX_BOT_ADMIN_ID", "77");
        assertThat(byModule.get(TandemSystem.INGEST)).containsEntry("TANDEM_INGEST_APPS_MY_APP_CLIENT_SECRET", "sec")
                .containsEntry("TANDEM_INGEST_APPS_MY_APP_BOT_ADMIN_ID", "77");
        assertThat(byModule.get(TandemSystem.ROUTER))
                .containsEntry("QUARKUS_REST_CLIENT_CLASSIFIER_URL", "http://127.0.0.1:2")
                .containsEntry("TANDEM_ROUTER_CLASSIFIER_API_KEY", "key")
                .containsEntry("QUARKUS_REST_CLIENT_INTERCOM_URL", "http://127.0.0.1:5")
                .containsEntry("TANDEM_ROUTER_APPS_MY_APP_ACCESS_TOKEN", "tok");
        assertThat(byModule.get(TandemSystem.RESPONDER))
                .containsEntry("QUARKUS_REST_CLIENT_INTERCOM_URL", "http://127.0.0.1:5")
                .containsEntry("TANDEM_RESPONDER_APPS_MY_APP_ACCESS_TOKEN", "tok");
        assertThat(byModule.get(TandemSystem.CLASSIFIER)).containsEntry("TANDEM_CLASSIFIER_SEED_APP_ID", "my-app");
        specs.forEach(spec -> assertThat(spec.environment()).containsEntry("QUARKUS_HTTP_PORT",
                Integer.toString(spec.port())));
    }

    @Test
    void portsAreTheDocumentedOnesUnlessAnEnvironmentVariableSaysOtherwise() {
        assertThat(Ports.from(name -> null)).isEqualTo(new Ports(8080, 8081, 8082, 8083, 8090));
        assertThat(Ports.from(Map.of("TANDEM_SANDBOX_PORT", "9090")::get).sandbox()).isEqualTo(9090);
    }

    @Test
    void aPortThatIsNotOneIsRefusedNamingTheVariable() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Ports.from(Map.of("TANDEM_INGEST_PORT", "80800")::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TANDEM_INGEST_PORT");
    }
}
