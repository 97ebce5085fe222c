package io.tandem.router.rest.page;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import io.tandem.router.client.StandIns;

/**
 * What the integration page reads beyond the rules API, staged on {@link StandIns}' server for workspace
 * {@code acme}: Intercom's {@code /me}, and classifier-service's skill versions, skill upload (a skill whose node
 * names an unknown parent is refused, as classifier-service refuses it) and try-it message.
 */
final class PageStandIns {

    static final String APP = "acme";

    /** A Watson export whose second node ({@code node_returns}) names a parent that does not exist. */
    static final String BROKEN_SKILL = """
            {"name":"Online store","intents":[],"entities":[],"dialog_nodes":[
              {"dialog_node":"node_order","title":"Order status","conditions":"#order_status"},
              {"dialog_node":"node_returns","title":"Returns","conditions":"#returns","parent":"nowhere"}]}
            """;

    static final String GOOD_SKILL = """
            {"name":"Online store","intents":[],"entities":[],"dialog_nodes":[
              {"dialog_node":"node_order","title":"Order status","conditions":"#order_status"}]}
            """;

    static final String TRY_REQUEST = "{\"input\":{\"text\":\"where is my order 12345?\"}}";

    private PageStandIns() {
    }

    static void stub() {
        var server = StandIns.server();
        server.stubFor(get(urlEqualTo("/me"))
                .withHeader("Authorization", equalTo("Bearer test-acme-intercom-token"))
                .withHeader("Intercom-Version", equalTo("2.14"))
                .willReturn(okJson("""
                        {"type":"admin","id":"991","name":"Tandem","email":"bot@example.com",
                         "app":{"type":"app","id_code":"acme","name":"Acme Store"}}""")));
        server.stubFor(get(urlEqualTo("/api/workspaces/acme/skill/versions"))
                .withHeader("Authorization", equalTo("Bearer " + StandIns.CLASSIFIER_KEY))
                .willReturn(okJson("""
                        [{"appId":"acme","version":1,"name":"Online store","createdAt":"2026-11-20T10:00:00Z",
                          "active":true}]""")));
        server.stubFor(put(urlEqualTo("/api/workspaces/acme/skill"))
                .withHeader("Authorization", equalTo("Bearer " + StandIns.CLASSIFIER_KEY))
                .withHeader("Content-Type", containing("application/json"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"appId":"acme","version":2,"name":"Online store","createdAt":"2026-11-26T04:00:00Z",
                         "active":true}""")));
        server.stubFor(put(urlEqualTo("/api/workspaces/acme/skill"))
                .withRequestBody(containing("\"nowhere\""))
                .atPriority(1)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                                {"type":"urn:tandem:problem:invalid-skill","title":"The skill cannot be trained",
                                 "status":400,"detail":"dialog_nodes[1].parent no dialog node 'nowhere'",
                                 "field":"dialog_nodes[1].parent",
                                 "errors":[{"field":"dialog_nodes[1].parent","detail":"no dialog node 'nowhere'"}]}""")));
        server.stubFor(post(urlEqualTo("/api/workspaces/acme/message"))
                .withHeader("Authorization", equalTo("Bearer " + StandIns.CLASSIFIER_KEY))
                .withRequestBody(equalToJson(TRY_REQUEST))
                .willReturn(okJson("""
                        {"intents":[{"intent":"order_status","confidence":0.93}],
                         "entities":[{"entity":"order_number","location":[18,23],"value":"12345","confidence":1.0}],
                         "input":{"text":"where is my order 12345?"},
                         "output":{"generic":[
                             {"response_type":"text","text":"Order 12345 ships tomorrow."},
                             {"response_type":"option","title":"Anything else?","options":[
                                 {"label":"Returns","value":{"input":{"text":"returns"}}},
                                 {"label":"No, thanks","value":{"input":{"text":"no"}}}]}],
                           "text":["Order 12345 ships tomorrow."],
                           "nodes_visited":["node_order","node_order_number"],"log_messages":[]},
                         "context":{"system":{"dialog_turn_counter":1}}}""")));
    }
}
