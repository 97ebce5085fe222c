package io.tandem.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tandem.contracts.Topics;
import io.tandem.ingest.Signatures;
import io.tandem.ingest.TopicProbe;
import io.tandem.ingest.Webhooks;
import io.tandem.ingest.persistence.DeliveryClaimRepository;
import io.tandem.testsupport.TandemInfraResource;

/** Real Intercom deliveries from ../shared/intercom/webhooks, signed with the corpus apps' test secret. */
@Tag("shared-corpus")
@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
class SharedCorpusTest {

    private static final String CORPUS_SECRET = "corpus-webhook-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DeliveryClaimRepository claims;

    @BeforeEach
    void forgetEarlierRuns() {
        // the payloads' ids are fixed: a database kept from an earlier run would see redeliveries
        QuarkusTransaction.requiringNew().run(() -> claims.delete("claimKey like ?1 or claimKey like ?2",
                "notification:i6wc9ipe:%", "notification:abc123def:%"));
        QuarkusTransaction.requiringNew().run(() -> claims.delete("claimKey like ?1 or claimKey like ?2",
                "part:21321941764:%", "part:21322009097:%"));
        QuarkusTransaction.requiringNew().run(() -> claims.delete("claimKey like ?1", "part:215472621202693:%"));
    }

    @Test
    void theLegacyConversationStartIsPublishedWithItsOpeningMessage() throws IOException {
        List<JsonNode> messages = post("conversation.user.created.json", "21321941764", 1);

        assertThat(messages).hasSize(1);
        JsonNode message = messages.get(0);
        assertThat(message.path("kind").asText()).isEqualTo("CONVERSATION_STARTED");
        assertThat(message.path("part").path("id").asText()).isEqualTo("331494375");
        assertThat(message.path("part").path("author").path("type").asText()).isEqualTo("user");
        assertThat(message.path("part").path("author").path("id").asText()).isEqualTo("5c9553cb27e377f24eed49f7");
        assertThat(message.path("part").path("author").path("name").asText()).isEqualTo("Rose Poodle from St. John's");
        assertThat(message.path("part").path("text").asText()).isEqualTo("Hello everyone!");
        assertThat(message.path("owner").path("adminId").isNull()).isTrue();
        assertThat(message.path("state").asText()).isEqualTo("open");
    }

    @Test
    void theLegacyReplyIsPublishedWithItsNewPart() throws IOException {
        List<JsonNode> messages = post("conversation.user.replied.json", "21322009097", 1);

        assertThat(messages).hasSize(1);
        JsonNode message = messages.get(0);
        assertThat(message.path("kind").asText()).isEqualTo("CUSTOMER_REPLIED");
        assertThat(message.path("part").path("id").asText()).isEqualTo("2824391734");
        assertThat(message.path("part").path("partType").asText()).isEqualTo("comment");
        assertThat(message.path("part").path("text").asText())
                .isEqualTo("Well, I need some help getting access to a developer account.");
        assertThat(message.path("owner").path("adminId").asText()).isEqualTo("1957471");
        assertThat(message.path("authoredByTandem").asBoolean()).isFalse();
    }

    @Test
    void theCurrentShapeOperatorReplyIsPublishedAsAnotherBotsPart() throws IOException {
        List<JsonNode> events = post("conversation.operator.replied.json", "215472621202693", 1);

        assertThat(events).hasSize(1);
        JsonNode event = events.get(0);
        assertThat(event.path("kind").asText()).isEqualTo("OPERATOR_REPLIED");
        assertThat(event.path("appId").asText()).isEqualTo("abc123def");
        assertThat(event.path("part").path("id").asText()).isEqualTo("37358121213");
        assertThat(event.path("part").path("partType").asText()).isEqualTo("channel_and_reply_time_expectation");
        assertThat(event.path("part").path("author").path("type").asText()).isEqualTo("bot");
        assertThat(event.path("part").path("author").path("id").asText()).isEqualTo("9608808");
        assertThat(event.path("part").path("author").path("name").asText()).isEqualTo("Fin");
        assertThat(event.path("part").path("text").asText()).isEqualTo("shetty will reply as soon as they can.");
        assertThat(event.path("owner").path("adminId").isNull()).isTrue();
        assertThat(event.path("owner").path("teamId").isNull()).isTrue();
        assertThat(event.path("state").asText()).isEqualTo("open");
        assertThat(event.path("authoredByTandem").asBoolean()).isFalse();
    }

    @Test
    void thePingIsAcknowledged() throws IOException {
        byte[] body = read("ping.json");
        Webhooks.post(body, Signatures.intercom(body, CORPUS_SECRET)).statusCode(200);
    }

    private List<JsonNode> post(String file, String conversationId, int rawRecords) throws IOException {
        byte[] body = read(file);
        TopicProbe raw = TopicProbe.at(Topics.WEBHOOKS_RAW);
        TopicProbe events = TopicProbe.at(Topics.CONVERSATION_EVENTS);

        Webhooks.post(body, Signatures.intercom(body, CORPUS_SECRET)).statusCode(200);

        assertThat(raw.recordsWithKey(conversationId)).hasSize(rawRecords);
        return events.recordsWithKey(conversationId).stream().map(record -> {
            try {
                return JSON.readTree(record.value());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static byte[] read(String file) throws IOException {
        String dir = System.getProperty("tandem.shared.dir");
        assertThat(dir).as("system property tandem.shared.dir (run with -Pshared-corpus)").isNotBlank();
        return Files.readAllBytes(Path.of(dir, "intercom", "webhooks", file));
    }
}
