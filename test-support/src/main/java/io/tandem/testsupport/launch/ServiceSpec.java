package io.tandem.testsupport.launch;

import java.util.Map;

/**
 * One Quarkus application of the system, run from its packaged fast-jar.
 *
 * @param module      the Maven module, which is also the service name
 * @param port        its HTTP port
 * @param environment what it is configured with (secrets included: never print it)
 */
record ServiceSpec(String module, int port, Map<String, String> environment) {
}
