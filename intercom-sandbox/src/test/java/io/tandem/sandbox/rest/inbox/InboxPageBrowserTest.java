package io.tandem.sandbox.rest.inbox;

import static io.tandem.sandbox.SandboxTestClient.BOT_ADMIN_ID;
import static io.tandem.sandbox.SandboxTestClient.intercomApi;
import static io.tandem.sandbox.SandboxTestClient.openConversation;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tandem.sandbox.ReceivedWebhooks;
import io.tandem.sandbox.ReceivedWebhooks.Delivery;
import io.tandem.sandbox.WebhookReceiverResource;
import io.tandem.sandbox.service.Workspace;
import io.tandem.testsupport.browser.HeadlessChromium;

/**
 * The sandbox inbox in a real (headless) Chromium: the customer writes, Tandem's parts appear by themselves, the
 * customer clicks a quick reply, and the teammate notes, assigns and goes away, each announced by webhook.
 */
@QuarkusTest
@WithTestResource(value = WebhookReceiverResource.class, scope = TestResourceScope.GLOBAL)
class InboxPageBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static HeadlessChromium chromium;

    @TestHTTPResource("/")
    URL inbox;

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

    @AfterEach
    void everyoneIsBack() {
        for (String admin : List.of(BOT_ADMIN_ID, Workspace.SUPPORT_ADMIN_ID, Workspace.BILLING_ADMIN_ID)) {
            intercomApi().body(Map.of("away_mode_enabled", false, "away_mode_reassign", false))
                    .put("/admins/{id}/away", admin).then().statusCode(200);
        }
    }

    @Test
    void theCustomerOpensAConversationAndWritesAgain() {
        WebDriver browser = open("/");

        browser.findElement(By.id("customer-message")).sendKeys("Where is my parcel?");
        browser.findElement(By.id("new-conversation")).click();
        String id = read(By.cssSelector("#conversation[data-conversation-id]"),
                conversation -> conversation.getAttribute("data-conversation-id"));
        browser.findElement(By.id("customer-message")).sendKeys("It was due on Monday.");
        browser.findElement(By.id("send-customer")).click();

        waitUntilParts(id, 2);
        assertThat(partTexts("comment", "user")).containsExactly("Where is my parcel?", "It was due on Monday.");
        assertThat(browser.findElements(By.cssSelector("#conversations li[data-conversation-id='" + id + "']")))
                .hasSize(1);
        assertThat(ReceivedWebhooks.awaitDeliveries(id, "conversation.user.created", 1)).hasSize(1);
        Delivery replied = ReceivedWebhooks.awaitDeliveries(id, "conversation.user.replied", 1).get(0);
        assertThat(newestPart(replied).path("body").asText()).isEqualTo("It was due on Monday.");
    }

    @Test
    void tandemsReplyAppearsByItselfAndItsQuickReplyIsAnsweredByAClick() {
        String id = openConversation("What can you do?");
        WebDriver browser = open("/?conversation=" + id);
        waitUntilParts(id, 1);

        intercomApi().body(Map.of("message_type", "quick_reply", "type", "admin", "admin_id", BOT_ADMIN_ID,
                "body", "<p>I can help with:</p><p>1. Orders<br>2. Returns</p>",
                "reply_options", List.of(
                        Map.of("text", "Orders", "uuid", "a5e1c524-5ddd-4c3e-9328-6bca5d6e3edb"),
                        Map.of("text", "Returns", "uuid", "f4a98af1-be56-4948-a57e-e1a83f8484c6")),
                "attachment_urls", List.of("http://localhost:1/menu.png")))
                .post("/conversations/{id}/reply", id).then().statusCode(200);

        List<String> tandem = read(By.cssSelector("#conversation .part[data-part-type='quick_reply']"),
                part -> List.of(part.getAttribute("data-author-type"), part.getAttribute("data-tandem"), part.getText(),
                        part.findElement(By.tagName("img")).getAttribute("src")));
        assertThat(tandem.get(0)).as("author type").isEqualTo("admin");
        assertThat(tandem.get(1)).as("data-tandem").isEqualTo("true");
        assertThat(tandem.get(2)).contains("I can help with:", "2. Returns");
        assertThat(tandem.get(3)).as("image").isEqualTo("http://localhost:1/menu.png");
        assertThat(buttonTexts()).containsExactly("Orders", "Returns");
        chromium.screenshot(Path.of("target", "screenshots", "inbox-quick-reply.png"));

        clickQuickReply("Returns");

        waitUntilParts(id, 3);
        assertThat(partTexts("comment", "user")).containsExactly("What can you do?", "Returns");
        assertThat(browser.findElements(By.cssSelector("button.quick-reply"))).isEmpty();
        Delivery answer = ReceivedWebhooks.awaitDeliveries(id, "conversation.user.replied", 1).get(0);
        assertThat(newestPart(answer).path("body").asText()).isEqualTo("Returns");
        assertThat(newestPart(answer).path("metadata").path("quick_reply_uuid").asText())
                .isEqualTo("f4a98af1-be56-4948-a57e-e1a83f8484c6");
    }

    @Test
    void aTeammatesNoteAndAssignmentsShowUpAndAreAnnounced() {
        String id = openConversation("I was charged twice");
        WebDriver browser = open("/?conversation=" + id);

        new Select(browser.findElement(By.id("teammate"))).selectByVisibleText("Kim Okafor");
        browser.findElement(By.id("teammate-message")).sendKeys("/tandem pause");
        browser.findElement(By.id("teammate-note")).click();
        waitUntilParts(id, 2);
        WebElement note = browser.findElement(By.cssSelector("#conversation .part[data-part-type='note']"));
        assertThat(note.getAttribute("data-author-type")).isEqualTo("admin");
        assertThat(note.getText()).contains("Kim Okafor", "/tandem pause");
        assertThat(note.getCssValue("background-color")).isNotEqualTo(browser.findElement(
                By.cssSelector("#conversation .part[data-author-type='user']")).getCssValue("background-color"));
        Delivery noted = ReceivedWebhooks.awaitDeliveries(id, "conversation.admin.noted", 1).get(0);
        assertThat(newestPart(noted).path("body").asText()).isEqualTo("/tandem pause");
        assertThat(newestPart(noted).path("author").path("id").asText()).isEqualTo(Workspace.BILLING_ADMIN_ID);

        new Select(browser.findElement(By.id("assign-to"))).selectByValue("team:" + Workspace.BILLING_TEAM_ID);
        browser.findElement(By.id("assign")).click();
        waitUntilParts(id, 3);
        assertThat(lastPart().getAttribute("data-part-type")).isEqualTo("assignment");
        assertThat(lastPart().getText()).contains("Kim Okafor assigned this conversation to team Billing");
        assertThat(browser.findElement(By.cssSelector("#conversation .owner")).getText()).isEqualTo("team Billing");
        assertThat(new Select(browser.findElement(By.id("teammate"))).getFirstSelectedOption().getText())
                .isEqualTo("Kim Okafor");

        new Select(browser.findElement(By.id("assign-to"))).selectByValue("bot");
        browser.findElement(By.id("assign")).click();
        waitUntilParts(id, 4);
        assertThat(lastPart().getText()).contains("assigned this conversation to Tandem Bot");

        List<Delivery> assigned = ReceivedWebhooks.awaitDeliveries(id, "conversation.admin.assigned", 2);
        JsonNode toTeam = assigned.get(0).json().path("data").path("item");
        assertThat(toTeam.path("team_assignee_id").asText()).isEqualTo(Workspace.BILLING_TEAM_ID);
        JsonNode toBot = assigned.get(1).json().path("data").path("item");
        assertThat(toBot.path("admin_assignee_id").asText()).isEqualTo(BOT_ADMIN_ID);
        assertThat(newestPart(assigned.get(1)).path("assigned_to").path("id").asText()).isEqualTo(BOT_ADMIN_ID);
    }

    @Test
    void aTeammateGoesAwayAndComesBack() {
        String topic = "admin.away_mode_updated";
        int before = ReceivedWebhooks.about(Workspace.SUPPORT_ADMIN_ID, topic).size();
        WebDriver browser = open("/");
        WebElement toggle = browser.findElement(By.cssSelector(
                "input.away-toggle[data-admin-id='" + Workspace.SUPPORT_ADMIN_ID + "']"));
        assertThat(toggle.isSelected()).isFalse();

        toggle.click();

        new WebDriverWait(browser, PATIENCE).until(d -> awayModeOf(Workspace.SUPPORT_ADMIN_ID));
        assertThat(browser.findElement(By.id("away-status")).getText()).isEqualTo("Sam Rivera is away now.");
        Delivery away = ReceivedWebhooks.awaitDeliveries(Workspace.SUPPORT_ADMIN_ID, topic, before + 1).get(before);
        assertThat(away.json().path("data").path("item").path("away_mode_enabled").asBoolean()).isTrue();

        browser.navigate().refresh();
        WebElement again = browser.findElement(By.cssSelector(
                "input.away-toggle[data-admin-id='" + Workspace.SUPPORT_ADMIN_ID + "']"));
        assertThat(again.isSelected()).isTrue();
        again.sendKeys(" ");
        new WebDriverWait(browser, PATIENCE).until(d -> !awayModeOf(Workspace.SUPPORT_ADMIN_ID));
        Delivery back = ReceivedWebhooks.awaitDeliveries(Workspace.SUPPORT_ADMIN_ID, topic, before + 2).get(before + 1);
        assertThat(back.json().path("data").path("item").path("away_mode_enabled").asBoolean()).isFalse();
    }

    @Test
    void thePageIsLabelledForEveryone() {
        WebDriver browser = open("/");

        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElements(By.tagName("h1"))).hasSize(1);
        for (WebElement field : browser.findElements(By.cssSelector("textarea, select, input:not([type=hidden])"))) {
            assertThat(browser.findElements(By.cssSelector("label[for='" + field.getAttribute("id") + "']")))
                    .as("label of #" + field.getAttribute("id")).hasSize(1);
        }
    }

    private WebDriver open(String path) {
        WebDriver browser = chromium.driver();
        browser.get(inbox.toString().replaceAll("/$", "") + path);
        return browser;
    }

    /**
     * What {@code reader} reads from the first element the selector finds, once it reads something. The page redraws
     * the conversation as it polls, so an element found a moment ago may be gone: it is found again and read again.
     */
    private static <T> T read(By selector, Function<WebElement, T> reader) {
        return new WebDriverWait(chromium.driver(), PATIENCE).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(selector).stream().findFirst().map(reader).orElse(null));
    }

    /** Waits until the open conversation is {@code id} and shows this many parts (the opening message counts). */
    private static void waitUntilParts(String id, int count) {
        new WebDriverWait(chromium.driver(), PATIENCE).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("#conversation[data-conversation-id='" + id + "'] .part"))
                        .size() == count);
    }

    private static List<String> partTexts(String partType, String authorType) {
        return chromium.driver().findElements(By.cssSelector("#conversation .part[data-part-type='" + partType
                + "'][data-author-type='" + authorType + "'] .body")).stream().map(WebElement::getText).toList();
    }

    private static List<String> buttonTexts() {
        return chromium.driver().findElements(By.cssSelector("button.quick-reply")).stream()
                .map(WebElement::getText).toList();
    }

    private static void clickQuickReply(String label) {
        new WebDriverWait(chromium.driver(), PATIENCE).ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElements(By.cssSelector("button.quick-reply")).stream()
                    .filter(button -> button.getText().equals(label)).findFirst().orElseThrow().click();
            return true;
        });
    }

    private static WebElement lastPart() {
        List<WebElement> parts = chromium.driver().findElements(By.cssSelector("#conversation .part"));
        return parts.get(parts.size() - 1);
    }

    private static JsonNode newestPart(Delivery delivery) {
        JsonNode parts = delivery.json().path("data").path("item").path("conversation_parts")
                .path("conversation_parts");
        return parts.get(parts.size() - 1);
    }

    private static boolean awayModeOf(String adminId) {
        List<Boolean> away = intercomApi().get("/admins").then().statusCode(200).extract()
                .path("admins.findAll { it.id == '" + adminId + "' }.away_mode_enabled");
        return away.get(0);
    }
}
