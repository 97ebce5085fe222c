package io.tandem.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tandem.contracts.Topics;
import io.tandem.testsupport.ChildProcess;
import io.tandem.testsupport.FreePorts;
import io.tandem.testsupport.Infrastructure;
import io.tandem.testsupport.SharedInfrastructure;
import io.tandem.testsupport.TempDirectories;

/**
 * The packaged service as it runs in production, as separate processes on one database: a notification is
 * published once across two replicas, and across a restart (a new process that remembers nothing in memory).
 */
class ServiceRestartIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static Infrastructure infrastructure;
    private static Path logDir;
    private final List<ChildProcess> started = new ArrayList<>();

    @BeforeAll
    static void infrastructure() {
        assertThat(JAR).as("the packaged application (mvn package)").isRegularFile();
        infrastructure = SharedInfrastructure.get();
        logDir = TempDirectories.create("tandem-ingest-it-");
    }

    @AfterEach
    void stopReplicas() {
        started.forEach(ChildProcess::close);
    }

    @Test
    void aRedeliveryIsPublishedOnceAcrossReplicasAndAcrossARestart() throws Exception {
        Replica first = start("first");
        Replica second = start("second");
        first.awaitReady();
        second.awaitReady();
        Payload payload = Payload.userReplied();
        TopicProbe raw = TopicProbe.at(Topics.WEBHOOKS_RAW, infrastructure.kafka().bootstrapServers());
        TopicProbe events = TopicProbe.at(Topics.CONVERSATION_EVENTS, infrastructure.kafka().bootstrapServers());

        // a 503 (Kafka slow on a loaded box) is retried as Intercom would
        assertThat(first.postUntilAnswered200(payload)).contains("ACCEPTED");
        // the first replica marks the claim published just after answering: until then the second answers 503,
        // and Intercom's retry gets the 200
        assertThat(second.postUntilAnswered200(payload)).contains("DUPLICATE");

        first.process.close();
        Replica restarted = start("restarted");
        restarted.awaitReady();
        assertThat(restarted.postUntilAnswered200(payload)).contains("DUPLICATE");
        // the part, announced again in another notification, is not published again either
        assertThat(restarted.postUntilAnswered200(
                payload.with("notificationId", "notif_again-" + payload.value("notificationId")))).contains("ACCEPTED");

        assertThat(events.recordsWithKey(payload.value("conversationId"))).hasSize(1);
        assertThat(raw.recordsWithKey(payload.value("conversationId"))).hasSize(2);
    }

    private Replica start(String name) {
        int port = FreePorts.next();
        Map<String, String> environment = new HashMap<>(infrastructure.environment());
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        environment.put("TANDEM_INGEST_APPS_TESTAPP_CLIENT_SECRET", Payload.TEST_SECRET);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ChildProcess process = ChildProcess.start("ingest-" + name, List.of(java, "-Xmx256m", "-jar",
                JAR.toAbsolutePath().toString()), environment, logDir.resolve(name + ".log"), "TERM", 15_000);
        started.add(process);
        return new Replica(process, port);
    }

    private record Replica(ChildProcess process, int port) {

        void awaitReady() {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
                assertThat(process.isAlive()).as(() -> process.name() + " exited; its log ends with:\n"
                        + process.logTail(40)).isTrue();
                try {
                    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                            .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException notYet) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
        }

        /** Retries a 503 as Intercom would (sooner), and returns the body of the 200. */
        String postUntilAnswered200(Payload payload) {
            return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> send(payload), response -> response.statusCode() == 200).body();
        }

        private HttpResponse<String> send(Payload payload) throws IOException, InterruptedException {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + Webhooks.PATH))
                    .header("Content-Type", "application/json")
                    .header("X-Hub-Signature", Signatures.intercom(payload.bytes(), Payload.TEST_SECRET))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(payload.bytes()))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
