package io.tandem.responder.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Intercom staged by WireMock for {@code @QuarkusTest}s: answers {@code GET /me} as the bot admin; each test stubs
 * the conversation calls it expects. Inject it with {@link InjectIntercom}.
 */
public class IntercomWireMock implements QuarkusTestResourceLifecycleManager {

    /** The admin id {@code GET /me} answers with: the bot's. */
    public static final String BOT_ADMIN_ID = "991267459";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(get(urlEqualTo("/me")).willReturn(okJson("""
                {"type":"admin","id":"%s","email":"tandem-bot@example.com","name":"Tandem",
                 "email_verified":true,"app":{"type":"app","id_code":"local","name":"Local"}}
                """.formatted(BOT_ADMIN_ID))));
        return Map.of("quarkus.rest-client.intercom.url", server.baseUrl());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectIntercom.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
