package io.tandem.system.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a service's own {@code application.properties} says, so the deployment can be checked against it. */
final class ServiceProperties {

    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");

    private final TandemService service;
    private final Properties properties = new Properties();

    ServiceProperties(TandemService service) {
        this.service = service;
        try (Reader reader = Files.newBufferedReader(RepositoryRoot.find()
                .resolve(service.module()).resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the application.properties of " + service.module(), e);
        }
    }

    /** The consumer group of the incoming channel that reads {@code topic}. */
    String consumerGroupOf(String topic) {
        List<String> channels = properties.stringPropertyNames().stream()
                .map(INCOMING_TOPIC::matcher)
                .filter(Matcher::matches)
                .filter(key -> properties.getProperty(key.group()).equals(topic))
                .map(key -> key.group(1))
                .toList();
        if (channels.size() != 1) {
            throw new AssertionError(service.module() + " has " + channels.size() + " incoming channels on " + topic);
        }
        return properties.getProperty("mp.messaging.incoming." + channels.get(0) + ".group.id");
    }

    String get(String key) {
        return properties.getProperty(key);
    }
}
