package io.tandem.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.lessThan;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tandem.testsupport.browser.HeadlessChromium;
import io.tandem.testsupport.launch.LocalSettings;
import io.tandem.testsupport.launch.LocalWorkspace;
import io.tandem.testsupport.launch.Ports;
import io.tandem.testsupport.launch.TandemSystem;

/**
 * The sandbox inbox on the packaged system (real Kafka and PostgreSQL, the four services, the sandbox), in a real
 * Chromium: the customer chats through an option list by clicking a quick reply; a teammate who assigns the
 * conversation to a team silences Tandem until handing it back to the assistant; and a suggest rule set on
 * router-service's integration page takes effect in the inbox (a note for the team and an assignment).
 */
class SandboxInboxBrowserIT {

    private static final LocalSettings SETTINGS = new LocalSettings("inboxapp",
            "inbox-webhook-secret-" + UUID.randomUUID(), "inbox-token-" + UUID.randomUUID(), "inbox-admin-key",
            "991267");
    private static final String SUPPORT_TEAM = "5017691";
    private static final String ORDER_STATUS_OPTION = "Where is my order?";
    private static final String OPENING_HOURS_OPTION = "What are your opening hours?";
    private static final Duration PIPELINE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TandemSystem system;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void startTandemAndABrowser() throws Exception {
        Path root = Path.of(System.getProperty("tandem.root", "..")).toAbsolutePath().normalize();
        system = TandemSystem.start(root, Ports.free(), SETTINGS, System.getenv(), null,
                root.resolve("system-tests/target/inbox-logs"), line -> System.out.println("[inbox] " + line));
        LocalWorkspace.configure(system.url(TandemSystem.ROUTER), SETTINGS, LocalWorkspace.LOCAL_THRESHOLD);
        greetingOffersOptions();
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stopEverything() {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            if (system != null) {
                system.close();
            }
        }
    }

    @Test
    void theCustomerChatsThroughAnOptionListByClickingAQuickReply() {
        String id = customerStarts("hi there");

        String greeting = read(By.cssSelector("#conversation .part[data-tandem='true'][data-part-type='quick_reply']"),
                WebElement::getText);
        assertThat(greeting).contains("What can I help you with?");
        assertThat(quickReplies()).containsExactly(ORDER_STATUS_OPTION, OPENING_HOURS_OPTION);

        clickQuickReply(OPENING_HOURS_OPTION);

        waitUntil(browser -> partTexts("[data-author-type='user']").contains(OPENING_HOURS_OPTION));
        waitUntil(browser -> partTexts("[data-tandem='true'][data-part-type='comment']").stream()
                .anyMatch(text -> text.contains("Harbour Street")));
        assertThat(sandboxParts(id)).anySatisfy(part -> {
            assertThat(part.path("author").path("type").asText()).isEqualTo("user");
            assertThat(part.path("metadata").path("quick_reply_uuid").asText()).isNotBlank();
        });

        // the teammate looks in: a note and an assignment, for the README's picture of the inbox
        teammateNotes("Customer asked for our opening hours; Tandem answered from the skill.");
        assignTo("team:" + SUPPORT_TEAM);
        waitUntil(browser -> lastPart().getAttribute("data-part-type").equals("assignment"));
        chromium.screenshot(root().resolve("docs/screenshots/sandbox-inbox.png"));
    }

    @Test
    void aTeammateAssigningToATeamSilencesTandemUntilHandingBackToTheAssistant() throws InterruptedException {
        String id = customerStarts(ORDER_STATUS_OPTION + " It is late.");
        waitUntil(browser -> tandemParts() == 1);
        assertThat(partTexts("[data-tandem='true']")).singleElement().asString().contains("tracking link");

        assignTo("team:" + SUPPORT_TEAM);
        waitUntil(browser -> lastPart().getText().contains("assigned this conversation to team Support"));
        customerWrites("Hello? " + ORDER_STATUS_OPTION);
        awaitDecision(id, "SILENT");
        // an answer, had the router let one through, would be in the sandbox by now
        Thread.sleep(2000);
        assertThat(tandemParts()).as("Tandem answered in a team's conversation").isEqualTo(1);

        assignTo("bot");
        waitUntil(browser -> lastPart().getText().contains("assigned this conversation to Tandem Bot"));
        customerWrites(ORDER_STATUS_OPTION + " It still hasn't arrived.");
        waitUntil(browser -> partTexts("[data-tandem='true'][data-part-type='comment']").stream()
                .filter(text -> text.contains("tracking link")).count() == 2);
    }

    @Test
    void aSuggestRuleSetOnTheIntegrationPageMakesTandemLeaveANoteAndAssignTheTeam() {
        WebDriver browser = chromium.driver();
        browser.get(system.url(TandemSystem.ROUTER) + "/workspaces/" + SETTINGS.appId());
        waitFor(By.id("api-key")).sendKeys(SETTINGS.adminApiKey());
        browser.findElement(By.id("sign-in")).click();
        By returnsRow = By.cssSelector("table#rules tr[data-node='Returns']");
        waitUntil(page -> {
            WebElement row = page.findElement(returnsRow);
            new Select(row.findElement(By.name("action"))).selectByValue("SUGGEST");
            new Select(row.findElement(By.name("backup"))).selectByValue("team:" + SUPPORT_TEAM);
            row.findElement(By.name("save")).click();
            return true;
        });
        waitFor(By.cssSelector("table#rules tr[data-node='Returns'] .saved"));
        String rules = given().header("Authorization", "Bearer " + SETTINGS.adminApiKey())
                .get(system.url(TandemSystem.ROUTER) + "/api/workspaces/" + SETTINGS.appId() + "/rules")
                .then().statusCode(200).extract().asString();
        assertThat(rules).contains("SUGGEST").contains(SUPPORT_TEAM);

        customerStarts("I want to return an item, it does not fit");

        waitUntil(page -> partTexts("[data-tandem='true'][data-part-type='note']").stream()
                .anyMatch(text -> !text.isBlank()));
        waitUntil(page -> page.findElements(By.cssSelector("#conversation .part[data-part-type='assignment']"))
                .stream().anyMatch(part -> part.getText().contains("team Support")));
        assertThat(tandemParts()).as("Tandem suggested to the team instead of answering the customer").isZero();
    }

    /** The customer opens a conversation on the page; returns its id. */
    private static String customerStarts(String message) {
        WebDriver browser = chromium.driver();
        browser.get(system.url(TandemSystem.SANDBOX) + "/");
        browser.findElement(By.id("customer-message")).sendKeys(message);
        browser.findElement(By.id("new-conversation")).click();
        String id = read(By.cssSelector("#conversation[data-conversation-id]"),
                conversation -> conversation.getAttribute("data-conversation-id"));
        waitFor(By.cssSelector("#conversations li[data-conversation-id='" + id + "']"));
        return id;
    }

    private static void customerWrites(String message) {
        WebDriver browser = chromium.driver();
        browser.findElement(By.id("customer-message")).sendKeys(message);
        browser.findElement(By.id("send-customer")).click();
        waitUntil(d -> partTexts("[data-author-type='user']").contains(message));
    }

    private static void teammateNotes(String note) {
        WebDriver browser = chromium.driver();
        int before = browser.findElements(By.cssSelector("#conversation .part")).size();
        browser.findElement(By.id("teammate-message")).sendKeys(note);
        browser.findElement(By.id("teammate-note")).click();
        waitUntil(d -> d.findElements(By.cssSelector("#conversation .part[data-part-type='note']")).stream()
                .anyMatch(part -> part.getText().contains(note))
                && d.findElements(By.cssSelector("#conversation .part")).size() > before);
    }

    private static void assignTo(String value) {
        WebDriver browser = chromium.driver();
        new Select(browser.findElement(By.id("assign-to"))).selectByValue(value);
        browser.findElement(By.id("assign")).click();
    }

    private static List<String> quickReplies() {
        return chromium.driver().findElements(By.cssSelector("button.quick-reply")).stream()
                .map(WebElement::getText).toList();
    }

    private static void clickQuickReply(String label) {
        waitUntil(browser -> {
            browser.findElements(By.cssSelector("button.quick-reply")).stream()
                    .filter(button -> button.getText().equals(label)).findFirst().orElseThrow().click();
            return true;
        });
    }

    private static List<String> partTexts(String filter) {
        return chromium.driver().findElements(By.cssSelector("#conversation .part" + filter + " .body")).stream()
                .map(WebElement::getText).toList();
    }

    private static int tandemParts() {
        return chromium.driver().findElements(By.cssSelector(
                "#conversation .part[data-tandem='true']:not([data-part-type='note']):not([data-part-type='assignment'])"))
                .size();
    }

    private static WebElement lastPart() {
        List<WebElement> parts = chromium.driver().findElements(By.cssSelector("#conversation .part"));
        return parts.get(parts.size() - 1);
    }

    private static WebElement waitFor(By selector) {
        return new WebDriverWait(chromium.driver(), PIPELINE).ignoring(StaleElementReferenceException.class)
                .until(browser -> browser.findElements(selector).stream().findFirst().orElse(null));
    }

    /**
     * What {@code reader} reads from the first element the selector finds, once it reads something. The page redraws
     * the conversation as it polls, so an element found a moment ago may be gone: it is found again and read again.
     */
    private static <T> T read(By selector, Function<WebElement, T> reader) {
        return new WebDriverWait(chromium.driver(), PIPELINE).ignoring(StaleElementReferenceException.class)
                .until(browser -> browser.findElements(selector).stream().findFirst().map(reader).orElse(null));
    }

    private static void waitUntil(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(chromium.driver(), PIPELINE).ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class).ignoring(IndexOutOfBoundsException.class)
                .until(condition::apply);
    }

    /** Waits until router-service decided a customer's message in the conversation with this outcome. */
    private static void awaitDecision(String conversationId, String outcome) {
        await().atMost(PIPELINE).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            List<String> outcomes = given().header("Authorization", "Bearer " + SETTINGS.adminApiKey())
                    .get(system.url(TandemSystem.ROUTER) + "/api/workspaces/" + SETTINGS.appId() + "/conversations/"
                            + conversationId + "/decisions")
                    .then().statusCode(200).extract().jsonPath().getList("findAll { it.eventKind == 'CUSTOMER_REPLIED' }.outcome");
            assertThat(outcomes).contains(outcome);
        });
    }

    private static List<JsonNode> sandboxParts(String conversationId) {
        String conversation = given().get(system.url(TandemSystem.SANDBOX) + "/sandbox/conversations/" + conversationId)
                .then().statusCode(200).extract().asString();
        try {
            List<JsonNode> parts = new ArrayList<>();
            JSON.readTree(conversation).path("conversation_parts").path("conversation_parts").forEach(parts::add);
            return parts;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Uploads the workspace's skill again with its greeting turned into an option list, as a support team would
     * after editing it in Watson: the demo skill the classifier seeds has no option response.
     */
    private static void greetingOffersOptions() throws Exception {
        String classifier = system.url(TandemSystem.CLASSIFIER) + "/api/workspaces/" + SETTINGS.appId() + "/skill";
        String active = given().header("Authorization", "Bearer " + SETTINGS.adminApiKey()).get(classifier)
                .then().statusCode(200).extract().asString();
        ObjectNode workspace = (ObjectNode) JSON.readTree(active).path("workspace");
        ObjectNode greeting = null;
        for (JsonNode node : workspace.path("dialog_nodes")) {
            if ("#greetings".equals(node.path("conditions").asText())) {
                greeting = (ObjectNode) node;
            }
        }
        assertThat(greeting).as("the demo skill's greeting node").isNotNull();
        ObjectNode options = JSON.createObjectNode().put("response_type", "option")
                .put("title", "Hello! What can I help you with?");
        ArrayNode choices = options.putArray("options");
        for (String label : List.of(ORDER_STATUS_OPTION, OPENING_HOURS_OPTION)) {
            choices.addObject().put("label", label).putObject("value").putObject("input").put("text", label);
        }
        greeting.putObject("output").putArray("generic").add(options);
        given().header("Authorization", "Bearer " + SETTINGS.adminApiKey()).contentType("application/json")
                .body(JSON.writeValueAsString(workspace)).put(classifier)
                .then().statusCode(lessThan(300));
    }

    private static Path root() {
        return Path.of(System.getProperty("tandem.root", "..")).toAbsolutePath().normalize();
    }
}
