package io.tandem.system.deploy;

import java.util.Set;
import java.util.regex.Pattern;

/** What counts as a secret in deployment files, and the local defaults that may appear in them. */
final class Secrets {

    /** The documented local defaults (deploy/README.md): not credentials of anything real. */
    static final Set<String> LOCAL_DEFAULTS = Set.of("local-webhook-secret", "local-token", "local-admin-key", "tandem");

    /** What the example files hold where a credential goes: {@code change-me}, alone or in a comma-separated list. */
    static final String PLACEHOLDERS = "change-me(-[a-z]+)?(,change-me(-[a-z]+)?)*";

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(secret|token|password|api_keys?|credential).*");
    // A long run of letters and digits mixed, as generated keys and tokens are.
    private static final Pattern RANDOM_LOOKING = Pattern.compile("(?=[A-Za-z0-9+=]*\\d)(?=[A-Za-z0-9+=]*[A-Za-z])[A-Za-z0-9+=]{24,}");

    private Secrets() {
    }

    static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(name).matches();
    }

    static boolean containsRandomLookingValue(String text) {
        return RANDOM_LOOKING.matcher(text).find();
    }
}
