package io.tandem.classifier.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.tandem.classifier.AdminApi;
import io.tandem.classifier.Pipeline;
import io.tandem.testsupport.TandemInfraResource;

/** Every real Watson Assistant export in the shared corpus imports through the API and classifies. */
@Tag("shared-corpus")
@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
class SharedCorpusSkillImportTest {

    @Inject
    ObjectMapper objectMapper;

    private Pipeline pipeline;

    @BeforeEach
    void connect() {
        pipeline = new Pipeline(objectMapper);
    }

    @AfterEach
    void disconnect() {
        pipeline.close();
    }

    static Stream<Path> skills() throws IOException {
        String sharedDir = System.getProperty("tandem.shared.dir", "");
        assertThat(sharedDir).as("system property tandem.shared.dir (run with -Pshared-corpus)").isNotBlank();
        try (Stream<Path> files = Files.list(Path.of(sharedDir, "skills"))) {
            List<Path> skills = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
            assertThat(skills).as("Watson skill exports in " + sharedDir + "/skills").isNotEmpty();
            return skills.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("skills")
    void importsTheExportAndClassifiesOneOfItsExamples(Path file) throws IOException {
        String appId = "corpus-" + file.getFileName().toString().replace(".json", "").toLowerCase(Locale.ROOT);
        String workspace = Files.readString(file);

        ExtractableResponse<Response> imported = AdminApi.putSkill(appId, workspace).extract();
        assertThat(imported.statusCode()).as("PUT %s answered %s", file.getFileName(), imported.asString())
                .isEqualTo(201);

        JsonNode skill = objectMapper.readTree(workspace);
        Map.Entry<String, String> example = unambiguousExample(skill);
        JsonNode classified = pipeline.classify(appId, example.getValue());
        System.out.printf("%s: \"%s\" -> %s, nodes %s, output %s%n", file.getFileName(), example.getValue(),
                classified.path("intents").path(0), classified.path("nodesVisited"), classified.path("output"));
        assertThat(classified.path("skillVersion").asText()).isEqualTo(imported.path("version").toString());
        assertThat(classified.path("intents").path(0).path("intent").asText()).isEqualTo(example.getKey());
    }

    /** The first intent's first example that no other intent also lists, as (intent, text). */
    private static Map.Entry<String, String> unambiguousExample(JsonNode skill) {
        Map<String, Integer> owners = new HashMap<>();
        skill.path("intents").forEach(intent -> intent.path("examples").forEach(example ->
                owners.merge(example.path("text").asText().toLowerCase(Locale.ROOT), 1, Integer::sum)));
        for (JsonNode intent : skill.path("intents")) {
            for (JsonNode example : intent.path("examples")) {
                String text = example.path("text").asText();
                if (owners.get(text.toLowerCase(Locale.ROOT)) == 1) {
                    return Map.entry(intent.path("intent").asText(), text);
                }
            }
        }
        throw new AssertionError("no example belongs to one intent only");
    }
}
