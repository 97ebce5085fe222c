package io.tandem.responder.config;

import java.util.Map;

import io.smallrye.config.ConfigMapping;

/**
 * What responder-service needs to act in Intercom workspaces.
 */
@ConfigMapping(prefix = "tandem.responder")
public interface ResponderConfig {

    /** The Intercom workspaces Tandem acts in, by app_id (from env {@code TANDEM_RESPONDER_APPS_<APPID>_ACCESS_TOKEN}). */
    Map<String, App> apps();

    interface App {

        /** Access token of the Intercom app installed in the workspace: a secret, never logged. */
        String accessToken();
    }
}
