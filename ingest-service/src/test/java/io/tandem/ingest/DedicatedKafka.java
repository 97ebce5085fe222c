package io.tandem.ingest;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tandem.testsupport.FreePorts;
import io.tandem.testsupport.LocalKafkaBroker;
import io.tandem.testsupport.RunningKafka;
import io.tandem.testsupport.TempDirectories;
import io.tandem.testsupport.TopicCreator;

/**
 * A Kafka broker of its own for a test that stops and restarts it, so the broker the other tests share is left
 * alone. The producer points at it; it keeps its data and ports across a restart, as a real outage would.
 */
public class DedicatedKafka implements QuarkusTestResourceLifecycleManager {

    private static Path dataDir;
    private static int port;
    private static int controllerPort;
    private static RunningKafka broker;

    @Override
    public Map<String, String> start() {
        dataDir = TempDirectories.create("tandem-ingest-outage-kafka-");
        port = FreePorts.next();
        controllerPort = FreePorts.next();
        startBroker();
        TopicCreator.createAll(broker.bootstrapServers());
        return Map.of("tandem.ingest.producer.bootstrap.servers", broker.bootstrapServers());
    }

    public static synchronized String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Stops the broker, as a crash or network loss would take it away. */
    public static synchronized void stopBroker() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    /** Starts it again on the same ports and data. */
    public static synchronized void startBroker() {
        if (broker == null) {
            broker = LocalKafkaBroker.start(dataDir, false, port, controllerPort);
        }
    }

    @Override
    public void stop() {
        stopBroker();
        TempDirectories.deleteQuietly(dataDir);
    }
}
