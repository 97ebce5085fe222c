package io.tandem.replay.command;

import picocli.CommandLine.Option;

/** Where the live Kafka is. */
public class KafkaOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            defaultValue = "${env:TANDEM_KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka (env TANDEM_KAFKA_BOOTSTRAP_SERVERS; default ${DEFAULT-VALUE})")
    String bootstrapServers;
}
