package io.tandem.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A webhook endpoint for tests (JDK HTTP server on a free port), configured as {@code tandem.sandbox.webhook-url}.
 * It records every delivery and lists them at {@code GET /received} (body base64-encoded, so tests can check the
 * signature over the exact bytes). It answers 200, unless the notification contains {@link #FAIL_ONCE} (500 to the
 * first attempt) or {@link #FAIL_ALWAYS} (500 to every attempt).
 */
public class WebhookReceiverResource implements QuarkusTestResourceLifecycleManager {

    public static final String WEBHOOK_PATH = "/webhooks/intercom";
    public static final String RECEIVED_PATH = "/received";
    public static final String FAIL_ONCE = "[receiver: answer 500 once]";
    public static final String FAIL_ALWAYS = "[receiver: answer 500 always]";

    private final List<Map<String, Object>> received = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the test webhook receiver", e);
        }
        server.createContext(WEBHOOK_PATH, this::receive);
        server.createContext(RECEIVED_PATH, this::list);
        server.start();
        return Map.of("tandem.sandbox.webhook-url",
                "http://localhost:" + server.getAddress().getPort() + WEBHOOK_PATH);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                String.join(",", values)));
        synchronized (received) {
            received.add(Map.of("method", exchange.getRequestMethod(), "headers", headers,
                    "body", Base64.getEncoder().encodeToString(body)));
        }
        String text = new String(body, StandardCharsets.UTF_8);
        boolean firstAttempt = text.contains("\"delivery_attempts\":1,");
        boolean fail = text.contains(FAIL_ALWAYS) || firstAttempt && text.contains(FAIL_ONCE);
        answer(exchange, fail ? 500 : 200, new byte[0]);
    }

    private void list(HttpExchange exchange) throws IOException {
        byte[] answer;
        synchronized (received) {
            answer = json.writeValueAsBytes(received);
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        answer(exchange, 200, answer);
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
