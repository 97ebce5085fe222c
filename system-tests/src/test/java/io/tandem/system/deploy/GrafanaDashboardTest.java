package io.tandem.system.deploy;

import static io.tandem.system.deploy.YamlNodes.elements;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** deploy/grafana/tandem-pipeline.json: a dashboard Grafana imports, every panel querying metrics the services expose. */
class GrafanaDashboardTest {

    private static final String DATASOURCE = "${datasource}";
    // Prometheus names of the metrics the panels may use; the services' own (tandem_*) are looked up in their code.
    private static final Pattern METRIC = Pattern.compile("\\b(?:tandem|http|kafka|jvm|process)_[a-z0-9_]+\\b");
    /**
     * Metrics Quarkus registers by itself, with the extension that brings them: HTTP server timings with
     * micrometer-registry-prometheus, REST client timings with the REST client, Kafka client metrics with messaging-kafka.
     */
    private static final Map<String, String> QUARKUS_METRICS = Map.of(
            "http_server_requests_seconds_count", "quarkus-micrometer-registry-prometheus",
            "http_server_requests_seconds_sum", "quarkus-micrometer-registry-prometheus",
            "http_server_requests_seconds_max", "quarkus-micrometer-registry-prometheus",
            "http_client_requests_seconds_count", "quarkus-rest-client-jackson",
            "http_client_requests_seconds_sum", "quarkus-rest-client-jackson",
            "kafka_consumer_fetch_manager_records_consumed_total", "quarkus-messaging-kafka",
            "kafka_consumer_fetch_manager_records_lag", "quarkus-messaging-kafka",
            "kafka_consumer_fetch_manager_records_lag_max", "quarkus-messaging-kafka",
            "kafka_producer_topic_record_send_total", "quarkus-messaging-kafka");

    private static JsonNode dashboard;
    private static List<JsonNode> panels;

    @BeforeAll
    static void readDashboard() throws IOException {
        dashboard = new ObjectMapper().readTree(RepositoryRoot.find().resolve("deploy/grafana/tandem-pipeline.json").toFile());
        panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panels.addAll(elements(panel.path("panels")));
        }
    }

    @Test
    void isADashboardWithAPrometheusDatasourceToChoose() {
        assertThat(dashboard.path("uid").asText()).isEqualTo("tandem-pipeline");
        assertThat(dashboard.path("title").asText()).isNotBlank();
        assertThat(dashboard.path("schemaVersion").asInt()).isPositive();
        assertThat(dashboard.path("templating").path("list")).anySatisfy(variable -> {
            assertThat(variable.path("name").asText()).isEqualTo("datasource");
            assertThat(variable.path("type").asText()).isEqualTo("datasource");
            assertThat(variable.path("query").asText()).isEqualTo("prometheus");
        });
        List<Integer> ids = panels.stream().map(panel -> panel.path("id").asInt()).toList();
        assertThat(ids).doesNotHaveDuplicates().doesNotContain(0);
    }

    @Test
    void everyPanelQueriesTheChosenPrometheus() {
        List<JsonNode> charts = charts();
        assertThat(charts).isNotEmpty();
        for (JsonNode panel : charts) {
            String title = panel.path("title").asText();
            assertThat(title).isNotBlank();
            assertThat(panel.path("type").asText()).as(title).isIn("timeseries", "piechart", "stat", "bargauge");
            assertThat(panel.path("datasource").path("uid").asText()).as(title).isEqualTo(DATASOURCE);
            assertThat(panel.path("gridPos").path("w").asInt()).as(title).isBetween(1, 24);
            JsonNode targets = panel.path("targets");
            assertThat(targets.size()).as("queries of %s", title).isPositive();
            Set<String> refIds = new HashSet<>();
            for (JsonNode target : targets) {
                String expression = target.path("expr").asText();
                assertThat(expression).as(title).isNotBlank();
                assertThat(balanced(expression)).as("brackets of %s in %s", expression, title).isTrue();
                assertThat(refIds.add(target.path("refId").asText())).as("refId in %s", title).isTrue();
                assertThat(target.path("datasource").path("uid").asText(DATASOURCE)).isEqualTo(DATASOURCE);
            }
        }
    }

    @Test
    void everyMetricQueriedIsOneTheServicesExpose() throws IOException {
        String poms = read(TandemService.PIPELINE.stream().map(service -> service.module() + "/pom.xml"));
        String code = javaSources();
        for (String metric : metrics()) {
            if (metric.startsWith("tandem_")) {
                // counters end in _total, timers in _seconds_sum, _count, _max or _bucket
                String registered = metric.replaceFirst("(_total|_seconds_(sum|count|max|bucket))$", "")
                        .replace('_', '.');
                assertThat(code).as("%s: a service registers %s", metric, registered).contains('"' + registered + '"');
            } else {
                assertThat(QUARKUS_METRICS).as("a metric Quarkus exposes").containsKey(metric);
                assertThat(poms).as("%s comes with %s", metric, QUARKUS_METRICS.get(metric))
                        .contains("<artifactId>" + QUARKUS_METRICS.get(metric) + "</artifactId>");
            }
        }
    }

    @Test
    void coversThroughputLagWebhookLatencyIntercomErrorsAndDecisions() {
        assertThat(expressions()).anySatisfy(query -> assertThat(query)
                        .contains("kafka_consumer_fetch_manager_records_consumed_total", "by (topic)"))
                .anySatisfy(query -> assertThat(query).contains("kafka_consumer_fetch_manager_records_lag{"))
                .anySatisfy(query -> assertThat(query)
                        .contains("http_server_requests_seconds_sum{uri=\"/webhooks/intercom\"}"))
                .anySatisfy(query -> assertThat(query)
                        .contains("http_client_requests_seconds_count", "outcome!=\"SUCCESS\""))
                .anySatisfy(query -> assertThat(query).contains("tandem_responder_actions_performed_total"))
                .anySatisfy(query -> assertThat(query).contains("by (type)", "tandem_router_actions_decided_total"));
    }

    private static List<JsonNode> charts() {
        return panels.stream().filter(panel -> !panel.path("type").asText().equals("row")).toList();
    }

    private static List<String> expressions() {
        return charts().stream().flatMap(panel -> elements(panel.path("targets")).stream())
                .map(target -> target.path("expr").asText()).toList();
    }

    private static Set<String> metrics() {
        Set<String> metrics = new HashSet<>();
        for (String expression : expressions()) {
            Matcher matcher = METRIC.matcher(expression);
            while (matcher.find()) {
                metrics.add(matcher.group());
            }
        }
        assertThat(metrics).isNotEmpty();
        return metrics;
    }

    private static boolean balanced(String expression) {
        int round = 0;
        int curly = 0;
        int square = 0;
        boolean quoted = false;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '"' && (i == 0 || expression.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted) {
                round += c == '(' ? 1 : c == ')' ? -1 : 0;
                curly += c == '{' ? 1 : c == '}' ? -1 : 0;
                square += c == '[' ? 1 : c == ']' ? -1 : 0;
                if (round < 0 || curly < 0 || square < 0) {
                    return false;
                }
            }
        }
        return round == 0 && curly == 0 && square == 0 && !quoted;
    }

    private static String read(Stream<String> files) {
        Path root = RepositoryRoot.find();
        StringBuilder text = new StringBuilder();
        files.forEach(file -> {
            try {
                text.append(Files.readString(root.resolve(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return text.toString();
    }

    private static String javaSources() throws IOException {
        List<String> files = new ArrayList<>();
        Path root = RepositoryRoot.find();
        for (TandemService service : TandemService.PIPELINE) {
            try (Stream<Path> sources = Files.walk(root.resolve(service.module()).resolve("src/main/java"))) {
                sources.filter(file -> file.toString().endsWith(".java"))
                        .forEach(file -> files.add(root.relativize(file).toString()));
            }
        }
        return read(files.stream());
    }
}
