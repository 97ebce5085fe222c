package io.tandem.testsupport.launch;

import java.util.Locale;
import java.util.function.Function;

/**
 * The local defaults of a Tandem run, each overridable by an environment variable.
 *
 * @param appId         the Intercom workspace (TANDEM_APP_ID, default {@code local})
 * @param webhookSecret the Intercom app's client secret that signs webhooks (TANDEM_WEBHOOK_SECRET)
 * @param accessToken   the Intercom access token (TANDEM_INTERCOM_TOKEN)
 * @param adminApiKey   the bearer key of Tandem's admin APIs (TANDEM_ADMIN_API_KEY)
 * @param botAdminId    the Intercom admin Tandem acts as: the sandbox's bot teammate (TANDEM_BOT_ADMIN_ID)
 */
public record LocalSettings(String appId, String webhookSecret, String accessToken, String adminApiKey,
        String botAdminId) {

    public static final String APP_ID_ENV = "TANDEM_APP_ID";
    public static final String WEBHOOK_SECRET_ENV = "TANDEM_WEBHOOK_SECRET";
    public static final String ACCESS_TOKEN_ENV = "TANDEM_INTERCOM_TOKEN";
    public static final String ADMIN_API_KEY_ENV = "TANDEM_ADMIN_API_KEY";
    public static final String BOT_ADMIN_ID_ENV = "TANDEM_BOT_ADMIN_ID";

    public static LocalSettings from(Function<String, String> env) {
        return new LocalSettings(
                valueOr(env, APP_ID_ENV, "local"),
                valueOr(env, WEBHOOK_SECRET_ENV, "local-webhook-secret"),
                valueOr(env, ACCESS_TOKEN_ENV, "local-token"),
                valueOr(env, ADMIN_API_KEY_ENV, "local-admin-key"),
                valueOr(env, BOT_ADMIN_ID_ENV, "991267"));
    }

    /** The app id as it appears inside environment variable names, e.g. TANDEM_INGEST_APPS_LOCAL_CLIENT_SECRET. */
    String appIdForEnvironment() {
        return appId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static String valueOr(Function<String, String> env, String name, String fallback) {
        String value = env.apply(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public String toString() {
        return "LocalSettings[appId=" + appId + ", secrets hidden]";
    }
}
