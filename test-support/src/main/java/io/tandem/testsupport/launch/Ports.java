package io.tandem.testsupport.launch;

import io.tandem.testsupport.FreePorts;

/** The HTTP port of each service. */
public record Ports(int ingest, int classifier, int router, int responder, int sandbox) {

    /** The documented fixed ports of a local run. */
    public static Ports fixed() {
        return new Ports(8080, 8081, 8082, 8083, 8090);
    }

    /** Free ports, so a test run does not collide with a running ./tandem up. */
    public static Ports free() {
        return new Ports(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next());
    }
}
