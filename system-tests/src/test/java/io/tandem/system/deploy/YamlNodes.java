package io.tandem.system.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/** Reading parsed YAML: the keys of a mapping, the texts of a sequence. */
final class YamlNodes {

    private YamlNodes() {
    }

    static List<String> keys(JsonNode mapping) {
        List<String> keys = new ArrayList<>();
        mapping.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    static List<String> texts(JsonNode sequence) {
        return StreamSupport.stream(sequence.spliterator(), false).map(JsonNode::asText).toList();
    }

    static List<JsonNode> elements(JsonNode sequence) {
        return StreamSupport.stream(sequence.spliterator(), false).toList();
    }
}
