package io.tandem.responder.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.tandem.contracts.ActionDecided;
import io.tandem.responder.client.IntercomWireMock;

/**
 * Staging Intercom's answers for one test's conversations on the shared WireMock server.
 */
final class IntercomStubs {

    private final WireMockServer intercom;

    IntercomStubs(WireMockServer intercom) {
        this.intercom = intercom;
    }

    static String replyUrl(ActionDecided action) {
        return "/conversations/" + action.conversationId() + "/reply";
    }

    static String partsUrl(ActionDecided action) {
        return "/conversations/" + action.conversationId() + "/parts";
    }

    static String conversationUrl(String conversationId) {
        return "/conversations/" + conversationId;
    }

    /** Every POST to the URL succeeds with a new part of this id. */
    void answerPosts(String url, String conversationId, String newPartId) {
        intercom.stubFor(post(urlEqualTo(url)).willReturn(okJson(conversation(conversationId, newPartId))));
    }

    /** The conversation as GET shows it: Messenger, the given parts. */
    void conversationShows(String conversationId, String... partsJson) {
        intercom.stubFor(get(urlEqualTo(conversationUrl(conversationId)))
                .willReturn(okJson(conversationWithParts(conversationId, partsJson))));
    }

    /** Intercom answers successive POSTs to the URL with the answers in order, then keeps giving the last. */
    void postsAnsweredInTurn(String url, ResponseDefinitionBuilder... answers) {
        inTurn(url, url, answers);
    }

    void inTurn(String scenario, String url, ResponseDefinitionBuilder... answers) {
        for (int i = 0; i < answers.length; i++) {
            var stub = post(urlEqualTo(url)).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? STARTED : "answer " + i)
                    .willReturn(answers[i]);
            intercom.stubFor(i + 1 < answers.length ? stub.willSetStateTo("answer " + (i + 1)) : stub);
        }
    }

    /** The POSTs Intercom received on the URL, oldest first. */
    List<ServeEvent> postsTo(String url) {
        return intercom.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("POST") && e.getRequest().getUrl().equals(url))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .toList();
    }

    /** Intercom's answer to a reply or assignment: the new part, and an older part listed after it. */
    static String conversation(String conversationId, String newPartId) {
        return conversationWithParts(conversationId,
                adminPart(newPartId, "comment", "<p>x</p>", Instant.now().getEpochSecond()),
                """
                {"type":"conversation_part","id":"1","part_type":"open","created_at":1734537500,
                 "author":{"type":"user","id":"6762f1571bb69f9f2193bbbb"}}""");
    }

    static String conversationWithParts(String conversationId, String... partsJson) {
        return """
                {"type":"conversation","id":"%s","open":true,"state":"open",
                 "source":{"type":"conversation","id":"1","delivered_as":"customer_initiated"},
                 "conversation_parts":{"type":"conversation_part.list","total_count":%d,"conversation_parts":[%s]}}
                """.formatted(conversationId, partsJson.length, String.join(",", partsJson));
    }

    /** A part by the bot admin. */
    static String adminPart(String id, String partType, String body, long createdAt) {
        return """
                {"type":"conversation_part","id":"%s","part_type":"%s","body":%s,"created_at":%d,
                 "author":{"type":"admin","id":"%s"}}""".formatted(id, partType,
                body == null ? "null" : "\"" + body.replace("\"", "\\\"") + "\"", createdAt,
                IntercomWireMock.BOT_ADMIN_ID);
    }

    static ResponseDefinitionBuilder errorList(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"type":"error.list","request_id":"f93ecfa8-d08a-4325-8694-89aeb89c8f85",
                 "errors":[{"code":"%s","message":"%s"}]}
                """.formatted(code, message));
    }
}
