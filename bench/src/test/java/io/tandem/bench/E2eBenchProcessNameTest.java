package io.tandem.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class E2eBenchProcessNameTest {

    @Test
    void aServiceIsNamedByItsModule() {
        assertThat(E2eBench.processName("/usr/bin/java",
                List.of("-Xmx384m", "-jar", "/work/router-service/target/quarkus-app/quarkus-run.jar")))
                .isEqualTo("router-service");
    }

    @Test
    void theBrokerIsKnownByItsMainClassEvenWhenItsClassPathMakesTheCommandLineLong() throws Exception {
        // the JDK reports no arguments at all for a command line of more than a few KB, as the broker's is
        Process process = new ProcessBuilder("sh", "-c", "sleep 30", "kafka.Kafka", "x".repeat(20_000)).start();
        try {
            assertThat(process.toHandle().info().arguments()).isEmpty();
            assertThat(E2eBench.processName(process.toHandle())).isEqualTo("kafka");
        } finally {
            process.destroyForcibly().waitFor();
        }
    }

    @Test
    void postgresqlIsKnownByItsCommand() {
        assertThat(E2eBench.processName("/usr/lib/postgresql/15/bin/postgres", List.of("-D", "/tmp/x")))
                .isEqualTo("postgresql");
    }
}
