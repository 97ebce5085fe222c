package io.tandem.testsupport.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import com.sun.net.httpserver.HttpServer;

class HeadlessChromiumTest {

    private static final String PAGE = """
            <!doctype html><html lang="en"><head><title>Counter</title></head><body>
            <button id="more" onclick="document.getElementById('count').textContent++">More</button>
            <output id="count">0</output></body></html>""";

    private HttpServer server;

    @BeforeEach
    void servePage() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void drives_the_installed_chromium_through_a_page_and_takes_a_screenshot(@TempDir Path dir) {
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            chromium.driver().get("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            chromium.driver().findElement(By.id("more")).click();
            chromium.driver().findElement(By.id("more")).click();

            assertThat(chromium.driver().getTitle()).isEqualTo("Counter");
            assertThat(chromium.driver().findElement(By.id("count")).getText()).isEqualTo("2");
            Path png = chromium.screenshot(dir.resolve("page.png"));
            assertThat(png).exists();
            assertThat(Files.isRegularFile(png)).isTrue();
        }
    }
}
