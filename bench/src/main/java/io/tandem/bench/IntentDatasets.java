package io.tandem.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The public intent data sets of {@code ../shared/datasets} (see its SOURCES.md) as Watson Assistant v1 workspaces
 * plus their test messages.
 */
final class IntentDatasets {

    /** Names {@code --sets} takes, in the order the bench runs them. */
    static final List<String> NAMES = List.of("hwu64-small", "hwu64-large", "clinc150", "banking77");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A test message and its intent; {@code intent} is null for an out-of-scope message. */
    record Probe(String text, String intent) {
    }

    /**
     * @param examples        each intent's training examples, in file order
     * @param counterexamples out-of-scope training messages (CLINC150's oos_train), imported as Watson does
     * @param published       hosted services' published figures, one line each
     */
    record Dataset(String name, Map<String, List<String>> examples, List<String> counterexamples, List<Probe> tests,
            List<String> published) {

        long inScopeTests() {
            return tests.stream().filter(probe -> probe.intent() != null).count();
        }

        /** The data set as a Watson Assistant v1 workspace: intents, counterexamples, one anything_else node. */
        ObjectNode workspace() {
            ObjectNode workspace = JSON.createObjectNode();
            workspace.put("name", "bench " + name);
            workspace.put("language", "en");
            ArrayNode intents = workspace.putArray("intents");
            examples.forEach((intent, texts) -> {
                ObjectNode node = intents.addObject();
                node.put("intent", intent);
                ArrayNode list = node.putArray("examples");
                texts.forEach(text -> list.addObject().put("text", text));
            });
            workspace.putArray("entities");
            ArrayNode counter = workspace.putArray("counterexamples");
            counterexamples.forEach(text -> counter.addObject().put("text", text));
            ObjectNode fallback = workspace.putArray("dialog_nodes").addObject();
            fallback.put("dialog_node", "anything_else");
            fallback.put("conditions", "anything_else");
            fallback.putObject("output").putArray("generic").addObject().put("response_type", "text")
                    .putArray("values").addObject().put("text", "Sorry?");
            return workspace;
        }
    }

    private IntentDatasets() {
    }

    static Dataset load(Path root, String name) throws IOException {
        return switch (name) {
            case "hwu64-small" -> hwu(root, "small", List.of(
                    "IBM Watson Assistant 77.6% (F1 0.761, 0.18 s per query)", "Dialogflow 64.0%", "LUIS 67.3%",
                    "Autofaq 80.2%", "Cognigy 77.6%"));
            case "hwu64-large" -> hwu(root, "large", List.of(
                    "IBM Watson Assistant 85.5% (F1 0.848)", "Dialogflow 75.6%", "LUIS 78.2%", "Autofaq 85.1%",
                    "Cognigy 84.2%"));
            case "clinc150" -> clinc(root);
            case "banking77" -> banking(root);
            default -> throw new IllegalArgumentException("unknown data set '" + name + "'");
        };
    }

    private static Dataset hwu(Path root, String size, List<String> published) throws IOException {
        Map<String, List<String>> examples = new LinkedHashMap<>();
        for (List<String> row : csv(root.resolve("hwu64/hwu_" + size + "_train.csv"))) {
            examples.computeIfAbsent(row.get(0), intent -> new ArrayList<>()).add(hwuText(row));
        }
        List<Probe> tests = new ArrayList<>();
        for (List<String> row : csv(root.resolve("hwu64/hwu_" + size + "_test.csv"))) {
            tests.add(new Probe(hwuText(row), row.get(0)));
        }
        return new Dataset("hwu64-" + size, examples, List.of(), tests, published);
    }

    /** {@code intent,exampleSentence,text}; an unquoted text may hold commas. */
    private static String hwuText(List<String> row) {
        return String.join(",", row.subList(2, row.size()));
    }

    private static Dataset clinc(Path root) throws IOException {
        JsonNode data = JSON.readTree(root.resolve("clinc150/data_full.json").toFile());
        Map<String, List<String>> examples = new LinkedHashMap<>();
        for (JsonNode pair : data.get("train")) {
            examples.computeIfAbsent(pair.get(1).asText(), intent -> new ArrayList<>()).add(pair.get(0).asText());
        }
        List<String> counterexamples = new ArrayList<>();
        data.get("oos_train").forEach(pair -> counterexamples.add(pair.get(0).asText()));
        List<Probe> tests = new ArrayList<>();
        data.get("test").forEach(pair -> tests.add(new Probe(pair.get(0).asText(), pair.get(1).asText())));
        data.get("oos_test").forEach(pair -> tests.add(new Probe(pair.get(0).asText(), null)));
        return new Dataset("clinc150", examples, counterexamples, tests, List.of(
                "DialogFlow 90.8% in-scope, 26.7% out-of-scope recall (threshold method, paper Table 2)",
                "Rasa 90.9% / 31.2%", "MLP 93.4% / 49.1%", "BERT 96.2% / 52.3%",
                "trained out-of-scope class: DialogFlow 91.7 / 14.0, Rasa 91.5 / 45.3, BERT 96.9 / 40.3"));
    }

    private static Dataset banking(Path root) throws IOException {
        Map<String, List<String>> examples = new LinkedHashMap<>();
        List<List<String>> train = csv(root.resolve("banking77/train.csv"));
        for (List<String> row : train.subList(1, train.size())) {
            examples.computeIfAbsent(row.get(1), intent -> new ArrayList<>()).add(row.get(0));
        }
        List<Probe> tests = new ArrayList<>();
        List<List<String>> test = csv(root.resolve("banking77/test.csv"));
        for (List<String> row : test.subList(1, test.size())) {
            tests.add(new Probe(row.get(0), row.get(1)));
        }
        return new Dataset("banking77", examples, List.of(), tests, List.of(
                "PolyAI dual encoders (USE+ConveRT) about 93% with the full train set, above BERT-Large "
                        + "(Casanueva et al. 2020; not re-checked)"));
    }

    /** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> csv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                if (row.size() > 1 || !row.get(0).isEmpty()) {
                    rows.add(row);
                }
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
