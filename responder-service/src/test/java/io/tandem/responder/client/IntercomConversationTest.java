package io.tandem.responder.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

class IntercomConversationTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void newestPartIsTheOneCreatedLast() {
        IntercomConversation conversation = conversation(
                new IntercomConversation.Part("7", "comment", 1_700_000_300L),
                new IntercomConversation.Part("9", "note", 1_700_000_900L),
                new IntercomConversation.Part("8", "comment", 1_700_000_500L));

        assertThat(conversation.newestPartId()).isEqualTo("9");
    }

    @Test
    void amongPartsCreatedInTheSameSecondTheLastListedIsNewest() {
        IntercomConversation conversation = conversation(
                new IntercomConversation.Part("20", "comment", 1_700_000_000L),
                new IntercomConversation.Part("21", "assignment", 1_700_000_000L));

        assertThat(conversation.newestPartId()).isEqualTo("21");
    }

    @Test
    void conversationWithoutPartsHasNoNewestPart() {
        assertThat(conversation().newestPartId()).isNull();
        assertThat(new IntercomConversation("1", null).newestPartId()).isNull();
    }

    @Test
    void readsIntercomsConversationAnswerIgnoringWhatItDoesNotNeed() throws Exception {
        String answer = """
                {"type":"conversation","id":"524","open":true,"admin_assignee_id":991267715,
                 "conversation_parts":{"type":"conversation_part.list","total_count":2,"conversation_parts":[
                   {"type":"conversation_part","id":"131","part_type":"open","created_at":1734537559,
                    "author":{"type":"user","id":"6762f1571bb69f9f2193bbbb"}},
                   {"type":"conversation_part","id":"132","part_type":"comment","created_at":1734537561,
                    "body":"<p>Thanks again :)</p>","author":{"type":"admin","id":"991267694"}}]}}
                """;

        IntercomConversation conversation = json.readerFor(IntercomConversation.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(answer);

        assertThat(conversation.id()).isEqualTo("524");
        assertThat(conversation.newestPartId()).isEqualTo("132");
    }

    private static IntercomConversation conversation(IntercomConversation.Part... parts) {
        return new IntercomConversation("1", new IntercomConversation.PartList(List.of(parts)));
    }
}
