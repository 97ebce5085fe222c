package io.tandem.router.rest.page;

import static io.tandem.router.rest.AdminApi.OPERATOR_KEY;
import static io.tandem.router.rest.AdminApi.operator;
import static io.tandem.router.rest.AdminApi.workspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tandem.router.Outcome;
import io.tandem.router.client.StandIns;
import io.tandem.router.persistence.DecisionEntity;
import io.tandem.router.persistence.DecisionRepository;
import io.tandem.router.persistence.WorkspaceReset;
import io.tandem.testsupport.TandemInfraResource;
import io.tandem.testsupport.browser.HeadlessChromium;

/**
 * A support manager's walk through the integration page in a real (headless) Chromium at 1366x900: sign in, the
 * settings, a rule and its warning, a skill refused by node, try-it, insight. Saves the README's screenshot
 * ({@code tandem.screenshots.dir}, default {@code target/screenshots}).
 */
@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
class IntegrationPageBrowserTest {

    static final String APP = PageStandIns.APP;
    static final Instant MARCH_10 = Instant.parse("2025-03-10T12:00:00Z");
    static final Duration PATIENCE = Duration.ofSeconds(20);

    static HeadlessChromium chromium;

    @TestHTTPResource("/")
    URL root;

    @Inject
    WorkspaceReset workspaces;

    @Inject
    DecisionRepository decisions;

    @Inject
    EntityManager entityManager;

    ChromeDriver page;

    @BeforeAll
    static void startBrowser() {
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void freshWorkspaceWithDecisionsOfMarch2025() {
        StandIns.stubDefaults();
        PageStandIns.stub();
        workspaces.reset(APP);
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM {h-schema}decision WHERE app_id = :app AND decided_at < :before")
                .setParameter("app", APP).setParameter("before", Instant.parse("2025-04-01T00:00:00Z"))
                .executeUpdate());
        decided(Outcome.ANSWERED, "Order status", null);
        decided(Outcome.ANSWERED, "Order status", null);
        decided(Outcome.ANSWERED, "Order status", null);
        decided(Outcome.ESCALATED, "Order status", "Track an order");
        decided(Outcome.SUGGESTED, "Returns", null);
        decided(Outcome.SENT, "Returns", null);
        decided(Outcome.ESCALATED, "Human", "Talk to a person");
        decided(Outcome.ESCALATED, "Human", "Talk to a person");
        page = chromium.driver();
        page.manage().window().setSize(new Dimension(1366, 900));
        page.get(root.toString());
        page.executeScript("sessionStorage.clear()");
    }

    @Test
    void aSupportManagerConfiguresTheAssistantInTheBrowser(@TempDir Path files) throws Exception {
        page.get(root.toString());
        assertThat(page.getCurrentUrl()).endsWith("/workspaces/" + APP);
        assertThat(page.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");

        // a wrong key is refused and asked again; the right one, typed and sent with Enter, opens the workspace
        signIn("not-a-key");
        waitFor(() -> page.findElement(By.id("notice")).getText().contains("not accepted"));
        assertThat(page.findElement(By.id("api-key")).isDisplayed()).isTrue();
        assertThat(page.findElement(By.id("workspace")).isDisplayed()).isFalse();
        signIn(OPERATOR_KEY);

        // settings: the connection from Intercom's /me, the inboxes from Intercom's teams
        waitFor(() -> present("#integration"));
        assertThat(page.findElement(By.id("intercom-admin")).getText()).isEqualTo("Tandem (admin 991)");
        assertThat(new Select(page.findElement(By.id("monitored-inbox"))).getOptions())
                .extracting(WebElement::getText).containsExactly("Unassigned", "Support (team 7)", "Billing (team 8)");
        type(page.findElement(By.id("assistant-admin-id")), "991");
        page.findElement(By.id("dialog-ready")).click();
        page.findElement(By.id("monitoring")).click();
        new Select(page.findElement(By.id("monitored-inbox"))).selectByValue("7");
        type(page.findElement(By.id("threshold")), "0.8");
        page.findElement(By.id("save-integration")).click();
        waitFor(() -> present("#integration .saved"));
        operator().when().get(workspace(APP) + "/integration").then().statusCode(200)
                .body("assistantAdminId", equalTo("991")).body("dialogReady", equalTo(true))
                .body("monitoring", equalTo(true)).body("monitoredInbox", equalTo("7"))
                .body("threshold", equalTo(0.8f));

        // rules: the connect-to-agent branch without a backup is warned about; a suggest rule without a backup too
        waitFor(() -> present("table#rules"));
        assertThat(page.findElements(By.cssSelector("table#rules tbody tr")))
                .extracting(row -> row.getAttribute("data-node"))
                .containsExactly("Order status", "Returns", "Opening hours", "Human", "node_7");
        assertThat(row("Human").findElement(By.className("warning")).getText())
                .contains("connect-to-agent response but no backup rule");
        assertThat(row("Order status").findElements(By.tagName("td")).get(0).getText()).isEqualTo("Track an order");
        new Select(row("Returns").findElement(By.name("action"))).selectByValue("SUGGEST");
        row("Returns").findElement(By.name("save")).click();
        waitFor(() -> !row("Returns").findElements(By.cssSelector(".saved")).isEmpty());
        assertThat(row("Returns").findElement(By.className("warning")).getText())
                .contains("'Returns' has the action SUGGEST but no backup rule");

        new Select(row("Returns").findElement(By.name("backup"))).selectByValue("team:7");
        row("Returns").findElement(By.name("save")).click();
        waitFor(() -> row("Returns").findElements(By.className("warning")).isEmpty()
                && !row("Returns").findElements(By.cssSelector(".saved")).isEmpty());
        assertThat(page.switchTo().activeElement().getAttribute("name")).isEqualTo("save");
        operator().when().get(workspace(APP) + "/rules").then().statusCode(200)
                .body("nodes.find { it.node == 'Returns' }.action", equalTo("SUGGEST"))
                .body("nodes.find { it.node == 'Returns' }.backup.type", equalTo("team"))
                .body("nodes.find { it.node == 'Returns' }.backup.id", equalTo("7"));

        // the skill: a refused upload names the node; a good one shows the new version
        Path broken = Files.writeString(files.resolve("broken-skill.json"), PageStandIns.BROKEN_SKILL);
        page.findElement(By.id("skill-file")).sendKeys(broken.toString());
        page.findElement(By.id("upload-skill")).click();
        waitFor(() -> present("#skill-errors li"));
        assertThat(page.findElements(By.cssSelector("#skill-errors li"))).extracting(WebElement::getText)
                .containsExactly("node 'node_returns' (Returns) parent: no dialog node 'nowhere'");
        Path good = Files.writeString(files.resolve("skill.json"), PageStandIns.GOOD_SKILL);
        page.findElement(By.id("skill-file")).sendKeys(good.toString());
        page.findElement(By.id("upload-skill")).click();
        waitFor(() -> present("#skill-version"));
        assertThat(page.findElement(By.id("skill-version")).getText()).contains("version 2");
        assertThat(page.findElements(By.cssSelector("#skill-errors li"))).isEmpty();

        // try it
        type(page.findElement(By.id("try-text")), "where is my order 12345?");
        page.findElement(By.id("try")).click();
        waitFor(() -> present("#try-result .try-intents"));
        WebElement result = page.findElement(By.id("try-result"));
        assertThat(result.findElement(By.className("try-intents")).getText()).isEqualTo("#order_status 93%");
        assertThat(result.findElement(By.className("try-entities")).getText()).isEqualTo("@order_number:12345 100%");
        assertThat(result.findElement(By.className("try-nodes")).getText()).isEqualTo("node_order → node_order_number");
        assertThat(result.findElement(By.className("try-responses")).getText())
                .contains("Order 12345 ships tomorrow.", "Anything else?", "Returns", "No, thanks");

        // insight over March 2025
        setDate("insight-from", "2025-03-01");
        setDate("insight-to", "2025-03-31");
        page.findElement(By.id("show-insight")).click();
        waitFor(() -> present("table#insight tr[data-node='Order status']"));
        assertThat(cells("table#insight tr[data-node='Order status'] td")).containsExactly("3", "0", "0", "0", "1",
                "0");
        assertThat(cells("table#insight tr[data-node='Returns'] td")).containsExactly("0", "0", "1", "1", "0", "0");
        assertThat(cells("#escalated-goals tbody th")).containsExactly("Talk to a person", "Track an order");
        assertThat(cells("#escalated-goals tbody .count")).containsExactly("2", "1");
        assertThat(page.findElements(By.cssSelector(".bars .bar-row"))).hasSize(3);

        // usable on a laptop screen: nothing wider than the window
        assertThat((Long) page.executeScript("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo((Long) page.executeScript("return window.innerWidth"));

        saveScreenshot();
    }

    @Test
    void aKeyOfAnotherWorkspaceIsAskedForAgain() {
        page.get(root + "workspaces/" + APP);
        signIn("globex-key");
        waitFor(() -> page.findElement(By.id("notice")).getText().contains("another workspace"));
        assertThat(page.findElement(By.id("api-key")).isDisplayed()).isTrue();
        assertThat(page.findElements(By.id("integration"))).isEmpty();
    }

    private void signIn(String key) {
        waitFor(() -> page.findElement(By.id("api-key")).isDisplayed());
        WebElement input = page.findElement(By.id("api-key"));
        input.clear();
        input.sendKeys(key, Keys.ENTER);
    }

    private WebElement row(String node) {
        return page.findElements(By.cssSelector("table#rules tbody tr")).stream()
                .filter(row -> node.equals(row.getAttribute("data-node"))).findFirst().orElseThrow();
    }

    private List<String> cells(String selector) {
        return page.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
    }

    private boolean present(String selector) {
        return !page.findElements(By.cssSelector(selector)).isEmpty();
    }

    private static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    private void setDate(String id, String date) {
        page.executeScript("arguments[0].value = arguments[1]", page.findElement(By.id(id)), date);
    }

    private void waitFor(Supplier<Boolean> condition) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(condition::get);
    }

    private void saveScreenshot() {
        Path dir = Path.of(System.getProperty("tandem.screenshots.dir", "target/screenshots"));
        WebDriver.Window window = page.manage().window();
        long height = (Long) page.executeScript("return document.documentElement.scrollHeight");
        window.setSize(new Dimension(1366, (int) Math.min(height + 140, 3000)));
        Path png = chromium.screenshot(dir.resolve("router-integration-page.png"));
        window.setSize(new Dimension(1366, 900));
        assertThat(png).isRegularFile();
    }

    private void decided(Outcome outcome, String node, String goal) {
        DecisionEntity decision = new DecisionEntity();
        decision.classifiedEventId = UUID.randomUUID().toString();
        decision.appId = APP;
        decision.conversationId = "conv-" + UUID.randomUUID();
        decision.outcome = outcome.name();
        decision.reason = "test";
        decision.node = node;
        decision.goal = goal;
        decision.actions = "[]";
        decision.decidedAt = MARCH_10;
        decision.emittedAt = MARCH_10;
        QuarkusTransaction.requiringNew().run(() -> decisions.persist(decision));
    }
}
