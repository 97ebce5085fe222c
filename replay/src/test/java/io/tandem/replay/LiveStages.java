package io.tandem.replay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.sun.net.httpserver.HttpServer;

import io.tandem.contracts.ConversationEvent;
import io.tandem.contracts.ConversationEvent.Author;
import io.tandem.contracts.ConversationEvent.Kind;
import io.tandem.contracts.ConversationEvent.Owner;
import io.tandem.contracts.ConversationEvent.Part;
import io.tandem.testsupport.ChildProcess;
import io.tandem.testsupport.FreePorts;
import io.tandem.testsupport.Infrastructure;
import io.tandem.testsupport.SharedInfrastructure;

/**
 * The "live" system the replay tool works against in tests: real Kafka and PostgreSQL from test-support, the
 * packaged classifier-service (demo skill for workspace {@link #APP}) and router-service (monitoring the
 * Unassigned inbox as admin {@link #ASSISTANT}, a stand-in Intercom for admins and teams), as processes. One per
 * test JVM.
 */
final class LiveStages {

    static final String APP = "acme";
    static final String ADMIN_KEY = "live-admin-key";
    static final String ASSISTANT = "991";
    static final String INTERCOM_TOKEN = "acme-intercom-token";
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance));

    /** Requests to the stand-in Intercom that would change something (replies, notes, assignments). */
    static final java.util.concurrent.atomic.AtomicInteger INTERCOM_WRITES = new java.util.concurrent.atomic.AtomicInteger();

    private static LiveStages instance;

    final Infrastructure infrastructure;
    final Path root;
    final Path logDir;
    final HttpServer intercom;
    final int classifierPort = FreePorts.next();
    final int routerPort = FreePorts.next();
    private ChildProcess classifier;
    private ChildProcess router;

    private LiveStages() throws IOException {
        infrastructure = SharedInfrastructure.get();
        root = Path.of(System.getProperty("tandem.root", "..")).toAbsolutePath().normalize();
        logDir = Files.createTempDirectory("replay-it-logs");
        intercom = intercomStandIn();
        classifier = start("classifier-service", classifierPort, Map.of(
                "TANDEM_CLASSIFIER_ADMIN_API_KEYS", ADMIN_KEY,
                "TANDEM_CLASSIFIER_SEED_APP_ID", APP));
        startRouter();
        awaitReady(classifier, classifierPort);
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "live-stages-stop"));
    }

    static synchronized LiveStages get() throws IOException {
        if (instance == null) {
            instance = new LiveStages();
        }
        return instance;
    }

    String bootstrapServers() {
        return infrastructure.kafka().bootstrapServers();
    }

    String classifierUrl() {
        return "http://127.0.0.1:" + classifierPort;
    }

    String routerUrl() {
        return "http://127.0.0.1:" + routerPort;
    }

    String intercomUrl() {
        return "http://127.0.0.1:" + intercom.getAddress().getPort();
    }

    /** What a replay instance needs besides what the tool sets: the workspace's Intercom token (from env in use). */
    Map<String, String> stageEnv() {
        return Map.of("TANDEM_ROUTER_APPS_" + APP.toUpperCase() + "_ACCESS_TOKEN", INTERCOM_TOKEN);
    }

    void startRouter() {
        router = start("router-service", routerPort, Map.of(
                "TANDEM_ROUTER_ADMIN_API_KEYS", ADMIN_KEY,
                "QUARKUS_REST_CLIENT_CLASSIFIER_URL", classifierUrl(),
                "TANDEM_ROUTER_CLASSIFIER_API_KEY", ADMIN_KEY,
                "QUARKUS_REST_CLIENT_INTERCOM_URL", intercomUrl(),
                "TANDEM_ROUTER_APPS_ACME_ACCESS_TOKEN", INTERCOM_TOKEN,
                "TANDEM_ROUTER_SEED_APP_ID", APP,
                "TANDEM_ROUTER_SEED_ASSISTANT_ADMIN_ID", ASSISTANT,
                "TANDEM_ROUTER_SEED_THRESHOLD", "0.2"));
        awaitReady(router, routerPort);
    }

    void stopRouter() {
        router.close();
    }

    private ChildProcess start(String module, int port, Map<String, String> env) {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: ./mvnw install -DskipTests first");
        }
        Map<String, String> environment = new HashMap<>(infrastructure.environment());
        environment.putAll(env);
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return ChildProcess.start(module, List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-jar", jar.toString()), environment,
                logDir.resolve("live-" + module + ".log"), "TERM", 15_000);
    }

    private static void awaitReady(ChildProcess process, int port) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.name() + " exited:\n" + process.logTail(40));
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(process.name() + " not ready:\n" + process.logTail(40));
    }

    private static HttpServer intercomStandIn() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, String> answers = Map.of(
                "/admins", """
                        {"type":"admin.list","admins":[{"type":"admin","id":"991","name":"Tandem","away_mode_enabled":false},
                         {"type":"admin","id":"100","name":"Alice","away_mode_enabled":false}]}
                        """,
                "/teams", """
                        {"type":"team.list","teams":[{"type":"team","id":"7","name":"Support","admin_ids":[100]}]}
                        """,
                "/me", """
                        {"type":"admin","id":"991","name":"Tandem","app":{"id_code":"acme"}}
                        """);
        server.createContext("/", exchange -> {
            if (!"GET".equals(exchange.getRequestMethod())) {
                INTERCOM_WRITES.incrementAndGet();
            }
            String answer = answers.get(exchange.getRequestURI().getPath());
            byte[] body = (answer == null ? "{}" : answer).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer == null ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    /** A customer's first message in a new conversation, as ingest-service publishes it. */
    static ConversationEvent customerMessage(String app, String conversation, String text) {
        String partId = "part-" + UUID.randomUUID();
        Instant now = Instant.now();
        Part part = new Part(partId, "comment", new Author("user", "user-" + conversation, "Customer"), text,
                List.of(), now);
        return new ConversationEvent(ConversationEvent.SCHEMA_VERSION, ConversationEvent.idFor(app, conversation,
                partId), "notif-" + partId, app, conversation, now, "notif-" + partId, "conversation.user.created",
                Kind.CONVERSATION_STARTED, part, Owner.UNASSIGNED, "open", false, now);
    }

    void publish(String topic, List<ConversationEvent> events) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            for (ConversationEvent event : events) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.conversationId(),
                        JSON.writeValueAsString(event));
                header(record, "ce_specversion", "1.0");
                header(record, "ce_id", event.eventId());
                header(record, "ce_type", event.cloudEventType());
                header(record, "ce_source", "tandem:ingest-service");
                header(record, "ce_subject", event.conversationId());
                header(record, "ce_appid", event.appId());
                header(record, "ce_causationid", event.causationId());
                producer.send(record).get();
            }
        }
    }

    static void header(ProducerRecord<String, ?> record, String key, String value) {
        record.headers().add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(properties);
    }

    /** Every record a topic holds now. */
    List<ConsumerRecord<String, String>> records(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** The JSON values of a topic's records that answer the given causes. */
    List<JsonNode> caused(String topic, java.util.Collection<String> causes) {
        List<JsonNode> values = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records(topic)) {
            JsonNode value;
            try {
                value = record.value() == null ? JSON.nullNode() : JSON.readTree(record.value());
            } catch (com.fasterxml.jackson.core.JsonProcessingException unreadable) {
                continue; // e.g. a re-driven dead letter that never was an event
            }
            if (causes.contains(value.path("causationId").asText())) {
                values.add(value);
            }
        }
        return values;
    }

    Map<TopicPartition, Long> endOffsets(List<String> topics) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic,
                        info.partition())));
            }
            return consumer.endOffsets(partitions);
        }
    }

    /** How many records of its input topic a live stage's group has not committed yet. */
    long lag(String group, String topic) throws Exception {
        Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed;
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(Map.of(
                org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        }
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> partition : endOffsets(List.of(topic)).entrySet()) {
            var at = committed.get(partition.getKey());
            lag += partition.getValue() - (at == null ? 0 : at.offset());
        }
        return lag;
    }

    /** Waits until the live classifier and router have committed everything of their input topics. */
    void awaitSettled() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> lag("classifier-service", io.tandem.contracts.Topics.CONVERSATION_EVENTS) == 0
                        && lag("router-service", io.tandem.contracts.Topics.CONVERSATION_CLASSIFIED) == 0);
    }

    long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(infrastructure.postgres().jdbcUrl(),
                infrastructure.postgres().username(), infrastructure.postgres().password());
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Runs {@code ./tandem replay ARGS} against this system, as the launcher would. */
    Run replay(String... args) {
        return replay(InputStream.nullInputStream(), args);
    }

    Run replay(InputStream in, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap-servers", bootstrapServers()));
        if (List.of("run", "what-if").contains(args[0])) {
            all.addAll(List.of(
                    "--jdbc-url", infrastructure.postgres().jdbcUrl(),
                    "--jdbc-username", infrastructure.postgres().username(),
                    "--jdbc-password", infrastructure.postgres().password() == null ? ""
                            : infrastructure.postgres().password(),
                    "--classifier-url", classifierUrl(), "--router-url", routerUrl(), "--admin-key", ADMIN_KEY,
                    "--intercom-url", intercomUrl()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String previousRoot = System.getProperty("tandem.root");
        System.setProperty("tandem.root", root.toString());
        int status;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = ReplayCli.execute(outStream, errStream, in, stageEnv(), all.toArray(String[]::new));
        } finally {
            if (previousRoot != null) {
                System.setProperty("tandem.root", previousRoot);
            }
        }
        Run run = new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        System.out.println("./tandem replay " + String.join(" ", args) + " -> " + status + "\n" + run.out() + run.err());
        return run;
    }

    record Run(int status, String out, String err) {
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void close() {
        if (router != null) {
            router.close();
        }
        classifier.close();
        intercom.stop(0);
    }
}
