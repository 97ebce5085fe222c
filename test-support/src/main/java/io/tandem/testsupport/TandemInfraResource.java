package io.tandem.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Real Kafka and PostgreSQL for a {@code @QuarkusTest}: started once per test JVM, shared by every test class,
 * stopped when the JVM ends.
 *
 * <pre>
 * &#64;QuarkusTest
 * &#64;WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
 * </pre>
 */
public class TandemInfraResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return SharedInfrastructure.get().quarkusConfig();
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; SharedInfrastructure stops it when the JVM exits
    }
}
