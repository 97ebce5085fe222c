package io.tandem.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import io.tandem.contracts.Topics;

/** Creates every Tandem topic that does not exist yet. */
public final class TopicCreator {

    static final int PIPELINE_PARTITIONS = 3;
    static final int DEAD_LETTER_PARTITIONS = 1;

    private TopicCreator() {
    }

    private static boolean anyAnswers(String bootstrapServers) {
        for (String server : bootstrapServers.split(",")) {
            String hostAndPort = server.trim().replaceFirst("^[A-Za-z0-9_]+://", "");
            int colon = hostAndPort.lastIndexOf(':');
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(hostAndPort.substring(0, colon),
                        Integer.parseInt(hostAndPort.substring(colon + 1))), 3_000);
                return true;
            } catch (IOException | RuntimeException unreachable) {
                // try the next one
            }
        }
        return false;
    }

    public static void createAll(String bootstrapServers) {
        if (!anyAnswers(bootstrapServers)) {
            // an admin client would retry, and log each retry, until its timeout
            throw new InfrastructureException("Kafka at " + bootstrapServers + " does not answer");
        }
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(properties)) {
            try {
                admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new InfrastructureException("Kafka at " + bootstrapServers + " does not answer", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InfrastructureException("interrupted while reaching Kafka", e);
            }
            List<NewTopic> topics = Topics.ALL.stream()
                    .map(name -> new NewTopic(name,
                            Topics.DEAD_LETTERS.contains(name) ? DEAD_LETTER_PARTITIONS : PIPELINE_PARTITIONS,
                            (short) 1))
                    .toList();
            admin.createTopics(topics).values().forEach((name, result) -> {
                try {
                    result.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new InfrastructureException("could not create topic " + name + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                } catch (TimeoutException e) {
                    throw new InfrastructureException("Kafka at " + bootstrapServers + " did not create topic "
                            + name + " within 30 s", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InfrastructureException("interrupted while creating topics", e);
                }
            });
        }
    }
}
