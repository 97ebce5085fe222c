package io.tandem.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.tandem.testsupport.launch.Ports;

/** The README's first command, as a person runs it: ./tandem up, a customer message, then ./tandem down. */
class TandemCommandIT {

    private static final Path ROOT = Path.of(System.getProperty("tandem.root", "..")).toAbsolutePath().normalize();

    @Test
    void upStartsTheWholeSystemThatAnswersACustomerAndDownStopsEveryProcess() throws Exception {
        Ports ports = Ports.free();
        List<String> output = new CopyOnWriteArrayList<>();
        Process up = tandem("up", ports, output);
        try {
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(up.isAlive()).as("./tandem up is running; it printed:%n%s", String.join("\n", output))
                        .isTrue();
                assertThat(output).anyMatch(line -> line.startsWith("Tandem is up"));
            });
            assertThat(output).anyMatch(line -> line.contains("startup check: a customer message was answered"));
            Set<Long> started = up.toHandle().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
            assertThat(started).hasSizeGreaterThanOrEqualTo(7); // 5 services, Kafka, PostgreSQL (and their wrappers)

            String sandbox = "http://127.0.0.1:" + ports.sandbox();
            String id = given().contentType("application/json").body(Map.of("body", "Where is my order?"))
                    .post(sandbox + "/sandbox/conversations").then().statusCode(201).extract().path("id");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(given()
                    .get(sandbox + "/sandbox/conversations/" + id).then().statusCode(200).extract().jsonPath()
                    .getList("conversation_parts.conversation_parts.author.type")).contains("admin"));

            Process down = tandem("down", ports, output);
            assertThat(down.waitFor(90, TimeUnit.SECONDS)).as("./tandem down returns").isTrue();
            assertThat(down.exitValue()).isZero();
            assertThat(up.waitFor(30, TimeUnit.SECONDS)).as("./tandem up has ended").isTrue();
            assertThat(started.stream().map(ProcessHandle::of).filter(handle -> handle.map(ProcessHandle::isAlive)
                    .orElse(false))).as("processes left behind").isEmpty();
            assertThat(output).anyMatch(line -> line.contains("stopped; no process left"));
        } finally {
            up.destroy();
            up.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void anUnknownCommandIsRefusedWithTheUsage() throws Exception {
        List<String> output = new CopyOnWriteArrayList<>();
        Process unknown = tandem("launch", Ports.free(), output);

        assertThat(unknown.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(unknown.exitValue()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output)
                .contains("tandem: unknown command 'launch'").anyMatch(line -> line.startsWith("Usage: ./tandem")));
    }

    private static Process tandem(String command, Ports ports, List<String> output) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("tandem").toString(), command)
                .directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().putAll(Map.of(
                "TANDEM_SKIP_BUILD", "true",
                "TANDEM_INGEST_PORT", Integer.toString(ports.ingest()),
                "TANDEM_CLASSIFIER_PORT", Integer.toString(ports.classifier()),
                "TANDEM_ROUTER_PORT", Integer.toString(ports.router()),
                "TANDEM_RESPONDER_PORT", Integer.toString(ports.responder()),
                "TANDEM_SANDBOX_PORT", Integer.toString(ports.sandbox())));
        Process process = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                lines.lines().forEach(line -> {
                    output.add(line);
                    System.out.println("[tandem " + command + "] " + line);
                });
            } catch (IOException ended) {
                // the process is gone
            }
        }, "tandem-" + command + "-output");
        reader.setDaemon(true);
        reader.start();
        return process;
    }
}
