package io.tandem.testsupport.launch;

import java.util.function.Function;

import io.tandem.testsupport.FreePorts;

/** The HTTP port of each service. */
public record Ports(int ingest, int classifier, int router, int responder, int sandbox) {

    /** The documented fixed ports of a local run. */
    public static Ports fixed() {
        return new Ports(8080, 8081, 8082, 8083, 8090);
    }

    /** The fixed ports, each overridable by an environment variable (TANDEM_INGEST_PORT, ...). */
    public static Ports from(Function<String, String> env) {
        Ports fixed = fixed();
        return new Ports(port(env, "TANDEM_INGEST_PORT", fixed.ingest()),
                port(env, "TANDEM_CLASSIFIER_PORT", fixed.classifier()),
                port(env, "TANDEM_ROUTER_PORT", fixed.router()),
                port(env, "TANDEM_RESPONDER_PORT", fixed.responder()),
                port(env, "TANDEM_SANDBOX_PORT", fixed.sandbox()));
    }

    private static int port(Function<String, String> env, String name, int fallback) {
        String value = env.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a TCP port (1-65535), was '" + value + "'");
        }
    }

    /** Free ports, so a test run does not collide with a running ./tandem up. */
    public static Ports free() {
        return new Ports(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next());
    }
}
