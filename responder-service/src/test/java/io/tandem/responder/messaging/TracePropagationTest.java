package io.tandem.responder.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tandem.responder.messaging.IntercomStubs.replyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.Topics;
import io.tandem.responder.client.InjectIntercom;
import io.tandem.responder.client.IntercomWireMock;
import io.tandem.testsupport.TandemInfraResource;

/**
 * An action's trace, carried in its record's {@code traceparent}, goes on through the conversation lane to the
 * Intercom call (the REST client's request carries it) and to the published result.
 */
@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = IntercomWireMock.class, scope = TestResourceScope.GLOBAL)
class TracePropagationTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private static ResponderTopics topics;

    @InjectIntercom
    WireMockServer intercom;

    @BeforeAll
    static void watchTopics() {
        topics = new ResponderTopics(JSON);
    }

    @AfterAll
    static void stopWatching() {
        topics.close();
    }

    @Test
    void theIntercomCallAndTheResultContinueTheTraceOfTheAction() throws Exception {
        ActionDecided reply = Actions.reply("Your parcel left our warehouse today.");
        new IntercomStubs(intercom).answerPosts(replyUrl(reply), reply.conversationId(), "4420");
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.CONVERSATION_ACTIONS,
                reply.conversationId(), JSON.writeValueAsString(reply));
        record.headers().add("traceparent",
                ("00-" + TRACE_ID + "-b7ad6b7169203331-00").getBytes(StandardCharsets.UTF_8));
        try (KafkaCompanion companion = new KafkaCompanion(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            companion.produceStrings().fromRecords(record).awaitCompletion(ResponderTopics.TIMEOUT);
        }

        ConsumerRecord<String, String> result = topics.awaitResultRecord(reply);

        intercom.verify(exactly(1), postRequestedFor(urlEqualTo(replyUrl(reply)))
                .withHeader("traceparent", matching("00-" + TRACE_ID + "-[0-9a-f]{16}-0[01]")));
        Header traceparent = result.headers().lastHeader("traceparent");
        assertThat(traceparent).as("traceparent of the result").isNotNull();
        assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).contains(TRACE_ID);
    }
}
