package io.tandem.sandbox.config;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of intercom-sandbox.
 */
@ConfigMapping(prefix = "tandem.sandbox")
public interface SandboxConfig {

    /** The Intercom app id the sandbox pretends to be: {@code app.id_code} of /me and {@code app_id} of webhooks. */
    @WithDefault("local")
    String appId();

    /** The bearer token every API request must carry; never logged. */
    String accessToken();

    /** The app's client secret that signs webhooks (X-Hub-Signature); never logged. */
    String webhookSecret();

    /** Where webhooks go, e.g. ingest-service's {@code http://localhost:8080/webhooks/intercom}. */
    URI webhookUrl();

    /** The admin id of the bot teammate the access token belongs to (answer of GET /me). */
    @WithDefault("991267")
    String botAdminId();

    /** How long to wait before the one retry of a webhook the receiver did not take (Intercom waits a minute). */
    @WithDefault("60s")
    Duration webhookRetryDelay();
}
