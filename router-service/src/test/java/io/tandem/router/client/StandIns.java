package io.tandem.router.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * classifier-service and Intercom staged by one WireMock server for {@code @QuarkusTest}s.
 *
 * <p>Workspaces {@code acme} and {@code globex} have the skill {@link #NODES}; any other has none (404). Intercom
 * answers {@code GET /admins} and {@code GET /teams} only with the workspace's token and API version 2.14:
 * the assistant {@value #ASSISTANT}; Alice ({@value #ALICE}, available), Bob ({@value #BOB}, away), Carol
 * ({@value #CAROL}, away); team {@value #SUPPORT} (Alice and Bob), team {@value #BILLING} (Bob and Carol, all
 * away).
 */
public class StandIns implements QuarkusTestResourceLifecycleManager {

    public static final String ASSISTANT = "991";
    public static final String ALICE = "100";
    public static final String BOB = "200";
    public static final String CAROL = "300";
    public static final String SUPPORT = "7";
    public static final String BILLING = "8";
    public static final String CLASSIFIER_KEY = "test-classifier-key";

    /** The skill's root nodes: two with children or a connect-to-agent response, one without a name. */
    public static final String NODES = """
            [{"id":"node_order","title":"Order status","user_label":"Track an order","has_children":true,"connect_to_agent":false},
             {"id":"node_returns","title":"Returns","user_label":"Return an item","has_children":false,"connect_to_agent":false},
             {"id":"node_hours","title":"Opening hours","user_label":"Opening hours","has_children":false,"connect_to_agent":false},
             {"id":"node_human","title":"Human","user_label":"Talk to a person","has_children":false,"connect_to_agent":true},
             {"id":"node_7","title":null,"user_label":null,"has_children":false,"connect_to_agent":false}]
            """;

    static final String ADMINS = """
            {"type":"admin.list","admins":[
              {"type":"admin","id":"991","name":"Tandem","email":"bot@example.com","away_mode_enabled":false,"team_ids":[]},
              {"type":"admin","id":"100","name":"Alice","email":"alice@example.com","away_mode_enabled":false,"team_ids":[7]},
              {"type":"admin","id":"200","name":"Bob","email":"bob@example.com","away_mode_enabled":true,"team_ids":[7,8]},
              {"type":"admin","id":"300","name":"Carol","email":"carol@example.com","away_mode_enabled":true,"team_ids":[8]}]}
            """;

    static final String TEAMS = """
            {"type":"team.list","teams":[
              {"type":"team","id":"7","name":"Support","admin_ids":[100,200]},
              {"type":"team","id":"8","name":"Billing","admin_ids":[200,300]}]}
            """;

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        stubDefaults();
        return Map.of("quarkus.rest-client.classifier.url", server.baseUrl(),
                "quarkus.rest-client.intercom.url", server.baseUrl());
    }

    /** Back to the workspaces described above, after a test changed them. */
    public static void stubDefaults() {
        server.resetAll();
        server.stubFor(get(urlPathMatching("/api/workspaces/.*/skill/nodes")).willReturn(notFound()
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":404,\"title\":\"Not Found\"}")));
        for (String app : new String[] { "acme", "globex" }) {
            server.stubFor(get(urlEqualTo("/api/workspaces/" + app + "/skill/nodes"))
                    .withHeader("Authorization", equalTo("Bearer " + CLASSIFIER_KEY))
                    .atPriority(1)
                    .willReturn(okJson(NODES)));
            String token = "Bearer test-" + app + "-intercom-token";
            server.stubFor(get(urlEqualTo("/admins")).withHeader("Authorization", equalTo(token))
                    .withHeader("Intercom-Version", equalTo("2.14")).willReturn(okJson(ADMINS)));
            server.stubFor(get(urlEqualTo("/teams")).withHeader("Authorization", equalTo(token))
                    .withHeader("Intercom-Version", equalTo("2.14")).willReturn(okJson(TEAMS)));
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
