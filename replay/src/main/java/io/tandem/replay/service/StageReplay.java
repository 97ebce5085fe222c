package io.tandem.replay.service;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import com.fasterxml.jackson.databind.JsonNode;

import io.tandem.replay.ReplayException;
import io.tandem.replay.client.ClassifierAdmin;
import io.tandem.replay.client.RouterAdmin;
import io.tandem.replay.kafka.GroupOffsets;
import io.tandem.replay.kafka.Kafka;
import io.tandem.replay.kafka.Range;
import io.tandem.replay.kafka.RangeReader;
import io.tandem.replay.kafka.RecordFilter;
import io.tandem.replay.stage.Progress;
import io.tandem.replay.stage.ReplayDatabase;
import io.tandem.replay.stage.ReplayInstance;
import io.tandem.replay.stage.ReplayTopics;
import io.tandem.replay.stage.Stage;
import io.tandem.replay.stage.Waits;

/**
 * Re-runs a range of recorded traffic through replay instances of one stage or a chain of stages (classifier then
 * router for what-if). Each instance reads a replay topic with a group of its own, writes replay topics and uses
 * a replay database, so live topics, consumer groups and data are never touched. The records are copied only once
 * every instance is running and loaded (skill, settings), and the replay waits until each stage has consumed all
 * its input.
 */
public final class StageReplay {

    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final Connections connections;

    public StageReplay(Connections connections) {
        this.connections = connections;
    }

    public static String newRunId() {
        return LocalDateTime.now(ZoneOffset.UTC).format(RUN_ID) + "-"
                + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }

    /**
     * @param chain   the stages, each consuming what the one before produces (the first consumes the copied range)
     * @param timeout how long the stages may take after the last record was copied, before the replay gives up
     * @param keep    leave the replay database in place
     * @param whenDone called with the run id while the instances still run (e.g. to read their topics)
     */
    public ReplayResult run(String runId, List<Stage> chain, Range range, RecordFilter filter, StageSetup setup,
            Duration timeout, boolean keep, java.util.function.Consumer<String> whenDone) {
        var out = connections.out();
        ReplayTopics topics = new ReplayTopics(runId);
        Stage first = chain.get(0);
        try (Kafka kafka = new Kafka(connections.bootstrapServers())) {
            RangeReader reader = new RangeReader(kafka);
            RangeReader.Bounds bounds = reader.bounds(first.inputTopic(), range);
            out.printf(Locale.ROOT, "replay %s: %s, %s, %s (%d records in range)%n", runId, first.inputTopic(), range,
                    filter, bounds.size());
            TreeSet<String> apps = new TreeSet<>();
            AtomicLong matching = new AtomicLong();
            reader.read(first.inputTopic(), bounds, filter, record -> {
                matching.incrementAndGet();
                String app = appIdOf(record);
                if (app != null) {
                    apps.add(app);
                }
            });
            out.printf(Locale.ROOT, "  %d records to replay, workspaces %s%n", matching.get(), apps);
            if (matching.get() == 0) {
                out.println("  nothing to replay: no stage started");
                return new ReplayResult(runId, 0, Map.of(), 0, 0, null);
            }
            int partitions = kafka.partitions(first.inputTopic()).size();
            List<String> replayTopics = new ArrayList<>();
            for (Stage stage : chain) {
                replayTopics.add(topics.of(stage.inputTopic()));
                replayTopics.add(topics.of(stage.outputTopic()));
                replayTopics.add(topics.of(stage.deadLetterTopic()));
            }
            kafka.createTopics(replayTopics.stream().distinct().toList(), partitions);
            out.println("  replay topics: " + String.join(", ", replayTopics.stream().distinct().toList()));

            try (ReplayDatabase database = ReplayDatabase.create(connections.postgres(), runId, keep)) {
                out.println("  replay database: " + database.name() + (keep ? " (kept)" : " (dropped at the end)"));
                List<ReplayInstance> instances = new ArrayList<>();
                try {
                    String classifierUrl = connections.classifierUrl();
                    String classifierKey = connections.adminKey();
                    for (Stage stage : chain) {
                        ReplayInstance instance = start(stage, runId, database, apps, setup, classifierUrl,
                                classifierKey);
                        instances.add(instance);
                        if (stage == Stage.CLASSIFIER) {
                            classifierUrl = instance.url();
                            classifierKey = instance.adminKey();
                        }
                    }
                    long copied = copy(kafka, reader, first.inputTopic(), bounds, filter,
                            topics.of(first.inputTopic()), matching.get());
                    for (ReplayInstance instance : instances) {
                        awaitConsumed(kafka, instance, topics.of(instance.stage().inputTopic()), timeout);
                    }
                    Map<String, Long> outputs = new LinkedHashMap<>();
                    long deadLetters = 0;
                    for (Stage stage : chain) {
                        outputs.put(topics.of(stage.outputTopic()),
                                GroupOffsets.records(kafka, topics.of(stage.outputTopic())));
                        deadLetters += GroupOffsets.records(kafka, topics.of(stage.deadLetterTopic()));
                    }
                    outputs.forEach((topic, count) -> out.printf(Locale.ROOT, "  %s: %d records%n", topic, count));
                    long dryRun = chain.contains(Stage.RESPONDER) ? dryRunActions(database) : 0;
                    if (chain.contains(Stage.RESPONDER)) {
                        out.printf(Locale.ROOT, "  %d action(s) performed dry: nothing sent; what would have been is"
                                + " in responder.dry_run_action of %s%s%n", dryRun, database.name(),
                                keep ? "" : " (--keep-database keeps it)");
                    }
                    if (deadLetters > 0) {
                        out.printf(Locale.ROOT, "  %d record(s) dead-lettered by the replay (see the replay"
                                + " dead letter topics and %s)%n", deadLetters, connections.logDir());
                    }
                    if (whenDone != null) {
                        whenDone.accept(runId);
                    }
                    return new ReplayResult(runId, copied, outputs, deadLetters, dryRun, database.name());
                } finally {
                    instances.forEach(ReplayInstance::close);
                    deleteGroups(kafka, instances);
                }
            }
        }
    }

    private ReplayInstance start(Stage stage, String runId, ReplayDatabase database, TreeSet<String> apps,
            StageSetup setup, String classifierUrl, String classifierKey) {
        Map<String, String> env = new HashMap<>(connections.stageEnv());
        if (stage == Stage.ROUTER) {
            env.put("QUARKUS_REST_CLIENT_CLASSIFIER_URL", classifierUrl);
            env.put("TANDEM_ROUTER_CLASSIFIER_API_KEY", classifierKey);
            env.put("QUARKUS_REST_CLIENT_INTERCOM_URL", connections.intercomUrl());
            // one workspace is seeded as the live one is set up, without asking Intercom to validate it again
            if (apps.size() == 1) {
                JsonNode integration = setup.settings().apply(apps.first()).path("integration");
                if (!integration.path("assistantAdminId").isMissingNode()
                        && !integration.path("assistantAdminId").isNull()) {
                    env.put("TANDEM_ROUTER_SEED_APP_ID", apps.first());
                    env.put("TANDEM_ROUTER_SEED_ASSISTANT_ADMIN_ID", integration.get("assistantAdminId").asText());
                    env.put("TANDEM_ROUTER_SEED_MONITORING", integration.path("monitoring").asText("true"));
                    env.put("TANDEM_ROUTER_SEED_THRESHOLD", integration.path("threshold").asText("0.75"));
                }
            }
        }
        if (stage == Stage.RESPONDER) {
            env.put("QUARKUS_REST_CLIENT_INTERCOM_URL", connections.intercomUrl());
            // a dry run calls nobody, but the responder is ready only with a token per workspace
            for (String app : apps) {
                String token = "TANDEM_RESPONDER_APPS_" + app.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_")
                        + "_ACCESS_TOKEN";
                if (System.getenv(token) == null && !env.containsKey(token)) {
                    env.put(token, "replay-dry-run");
                }
            }
        }
        connections.out().printf("  starting a replay %s (log %s)%n", stage.module(),
                connections.logDir().resolve("replay-" + stage.module() + ".log"));
        ReplayInstance instance = ReplayInstance.start(connections.root(), stage, runId,
                connections.bootstrapServers(), database, env, connections.logDir());
        try {
            if (stage == Stage.CLASSIFIER) {
                ClassifierAdmin admin = new ClassifierAdmin(instance.url(), instance.adminKey());
                for (String app : apps) {
                    String skill = setup.skills().apply(app);
                    if (skill == null) {
                        connections.out().printf("  workspace %s has no skill: its messages get no classification%n",
                                app);
                        continue;
                    }
                    int version = admin.putSkill(app, skill);
                    connections.out().printf("  workspace %s: skill loaded into the replay classifier (its version %d)%n",
                            app, version);
                }
            }
            if (stage == Stage.ROUTER) {
                RouterAdmin admin = new RouterAdmin(instance.url(), instance.adminKey());
                for (String app : apps) {
                    applySettings(admin, app, setup.settings().apply(app), apps.size() == 1);
                }
            }
        } catch (RuntimeException e) {
            instance.close();
            throw e;
        }
        return instance;
    }

    private void applySettings(RouterAdmin admin, String app, JsonNode settings, boolean seeded) {
        JsonNode integration = settings.path("integration");
        if (integration.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode change = integration.deepCopy();
            change.remove(List.of("appId", "updatedAt"));
            if (seeded && "unassigned".equals(change.path("monitoredInbox").asText("unassigned"))) {
                change.remove("monitoredInbox");
            }
            if (!seeded || change.has("monitoredInbox")) {
                admin.putIntegration(app, change);
            }
        }
        for (JsonNode rule : settings.path("actionRules")) {
            admin.putActionRule(app, rule.get("node").asText(), rule.get("action").asText());
        }
        for (JsonNode rule : settings.path("backupRules")) {
            admin.putBackupRule(app, rule.get("node").asText(), rule.get("type").asText(), rule.get("id").asText());
        }
        connections.out().printf(Locale.ROOT, "  workspace %s: router settings loaded (%d action rule(s) %s,"
                + " %d backup rule(s))%n", app, settings.path("actionRules").size(),
                StageSetup.nodes(settings.path("actionRules")), settings.path("backupRules").size());
    }

    private long copy(Kafka kafka, RangeReader reader, String topic, RangeReader.Bounds bounds, RecordFilter filter,
            String target, long total) {
        AtomicLong copied = new AtomicLong();
        Progress progress = new Progress(connections.out(), "copied into " + target, total, Duration.ofSeconds(2));
        try (KafkaProducer<String, byte[]> producer = kafka.producer()) {
            reader.read(topic, bounds, filter, record -> {
                // same partition as live (same partition count): a conversation's records stay in order
                producer.send(new ProducerRecord<>(target, record.partition(), record.timestamp(), record.key(),
                        record.value(), record.headers()));
                progress.update(copied.incrementAndGet());
            });
            producer.flush();
        }
        progress.finish(copied.get());
        return copied.get();
    }

    private void awaitConsumed(Kafka kafka, ReplayInstance instance, String topic, Duration timeout) {
        long total = GroupOffsets.records(kafka, topic);
        Progress progress = new Progress(connections.out(), "replay " + instance.stage().module() + " consumed", total,
                Duration.ofSeconds(2));
        long deadline = System.nanoTime() + timeout.toNanos();
        long done = GroupOffsets.committed(kafka, instance.group(), topic);
        while (done < total) {
            if (!instance.isAlive()) {
                throw new ReplayException("the replay " + instance.stage().module() + " stopped; its log "
                        + instance.log() + " ends with:\n" + instance.logTail(30));
            }
            if (System.nanoTime() > deadline) {
                throw new ReplayException(String.format(Locale.ROOT, "the replay %s consumed %d of %d records within"
                        + " %d s; its log: %s", instance.stage().module(), done, total, timeout.toSeconds(),
                        instance.log()));
            }
            Waits.sleep(200);
            progress.update(done);
            done = GroupOffsets.committed(kafka, instance.group(), topic);
        }
        progress.finish(done);
    }

    /** The replay groups are of no use once their instances stopped; the replay topics stay to be looked at. */
    private static void deleteGroups(Kafka kafka, List<ReplayInstance> instances) {
        List<String> groups = instances.stream().map(ReplayInstance::group).toList();
        try {
            kafka.admin().deleteConsumerGroups(groups).all().get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // an empty group expires by itself (offsets.retention.minutes)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long dryRunActions(ReplayDatabase database) {
        try (java.sql.Connection connection = database.connect();
                java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet row = statement.executeQuery("SELECT count(*) FROM responder.dry_run_action")) {
            row.next();
            return row.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new ReplayException("could not count the dry run's actions in " + database.name() + ": "
                    + e.getMessage(), e);
        }
    }

    static String appIdOf(ConsumerRecord<String, byte[]> record) {
        return io.tandem.replay.kafka.RecordFilter.appIdOf(record);
    }
}
