package io.tandem.classifier.rest;

import static io.tandem.classifier.Pipeline.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.tandem.classifier.AdminApi;
import io.tandem.classifier.Pipeline;
import io.tandem.classifier.Pipeline.Conversation;
import io.tandem.testsupport.TandemInfraResource;

/**
 * Every real Watson Assistant export in the shared corpus imports through the API, classifies, and holds
 * conversations of several turns through Kafka as its dialog was designed: slots, handlers, digressions that
 * return, jumps, options and hand-overs to a human.
 */
@Tag("shared-corpus")
@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
class SharedCorpusSkillImportTest {

    @Inject
    ObjectMapper objectMapper;

    private final Pipeline pipeline = Pipeline.get();

    static Stream<Path> skills() throws IOException {
        try (Stream<Path> files = Files.list(sharedSkills())) {
            List<Path> skills = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
            assertThat(skills).as("Watson skill exports in " + sharedSkills()).isNotEmpty();
            return skills.stream();
        }
    }

    private static Path sharedSkills() {
        String sharedDir = System.getProperty("tandem.shared.dir", "");
        assertThat(sharedDir).as("system property tandem.shared.dir (run with -Pshared-corpus)").isNotBlank();
        return Path.of(sharedDir, "skills");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("skills")
    void importsTheExportAndClassifiesOneOfItsExamples(Path file) throws IOException {
        String appId = "corpus-" + file.getFileName().toString().replace(".json", "").toLowerCase(Locale.ROOT);
        String workspace = Files.readString(file);

        ExtractableResponse<Response> imported = AdminApi.putSkill(appId, workspace).extract();
        assertThat(imported.statusCode()).as("PUT %s answered %s", file.getFileName(), imported.asString())
                .isEqualTo(201);

        JsonNode skill = objectMapper.readTree(workspace);
        Map.Entry<String, String> example = unambiguousExample(skill);
        JsonNode classified = pipeline.classify(appId, example.getValue()).path("classification");
        assertThat(classified.path("skillVersion").asText()).isEqualTo(imported.path("version").toString());
        assertThat(classified.path("intents").path(0).path("intent").asText()).isEqualTo(example.getKey());
        assertThat(classified.path("matchedRootNodes")).isNotEmpty();
        assertThat(classified.path("nodesVisited")).isNotEmpty();
    }

    @Test
    void pizzeriaFillsItsSlotsAcrossTurnsWithHandlers() {
        Conversation customer = pipeline.conversation(imported("watson-pizzeria.json"));

        JsonNode order = customer.says("I want to order a large pizza");
        assertThat(order.path("branch").path("nodeId").asText()).isEqualTo("Pizza ordering");
        assertThat(order.path("context").path("pizza_size").asText()).isEqualTo("large");
        assertThat(texts(order)).containsExactly("What type of pizza do you want? You can build your own starting "
                + "with cheese, or choose quatro formaggi, margherita, or vegetarian..");
        assertThat(order.path("awaitingInput").asBoolean()).isTrue();

        JsonNode type = customer.says("margherita");
        assertThat(type.path("continuedBranch").asBoolean()).isTrue();
        assertThat(texts(type)).containsExactly("Any extra toppings?");

        JsonNode help = customer.says("help");
        assertThat(texts(help)).containsExactly("You can choose size (small, medium, large), type (cheese, "
                + "margherita, quatro formaggi, or vegetarian) and extra ingredients.", "Any extra toppings?");

        JsonNode toppings = customer.says("mushrooms and olives");
        assertThat(texts(toppings)).containsExactly("O.K., adding 2 more toppings to your pizza.",
                "Thank you for ordering a large margherita pizza with mushrooms, olive .");
        assertThat(toppings.path("awaitingInput").asBoolean()).isFalse();
        assertThat(toppings.path("context").path("pizza_toppings"))
                .extracting(JsonNode::asText).containsExactly("mushrooms", "olive");
    }

    @Test
    void pizzeriaSkipsTheRemainingSlotsWhenTheCustomerWantsNoToppings() {
        Conversation customer = pipeline.conversation(imported("watson-pizzeria.json"));
        assertThat(texts(customer.says("I'd like a pizza")))
                .containsExactly("What size of pizza do you want (small, medium or large)");
        assertThat(texts(customer.says("medium, please"))).containsExactly("What type of pizza do you want? You "
                + "can build your own starting with cheese, or choose quatro formaggi, margherita, or vegetarian..");
        assertThat(texts(customer.says("vegetarian"))).containsExactly("Any extra toppings?");
        JsonNode no = customer.says("no");
        assertThat(texts(no)).containsExactly("No extra toppings,  O.K.",
                "Thank you for ordering a medium vegetarian pizza.");
        assertThat(no.path("awaitingInput").asBoolean()).isFalse();
        assertThat(texts(customer.says("start again"))).containsExactly("Let's start over.", "Welcome to Pizza "
                + "Topping  Basic demonstration, you can order a pizza out of few selected types and sizes and add "
                + "selected toppings. Ask for Help if needed.");
    }

    @Test
    void carAssistantReturnsToTheCuisineQuestionAfterADigression() {
        Conversation driver = pipeline.conversation(imported("car_workspace.json"));
        assertThat(texts(driver.says("hi"))).containsExactly(
                "Hi. It looks like a nice drive today. What would you like me to do?");
        assertThat(texts(driver.says("turn on the wipers"))).containsExactly("I'll turn on the wipers for you.");

        JsonNode restaurant = driver.says("find me a restaurant nearby");
        assertThat(texts(restaurant)).containsExactly(
                "There are a number of restaurants nearby. Which cuisine would you like?");
        assertThat(restaurant.path("responses").get(1).path("source").asText()).isEqualTo("/img/map-cuisine.png");
        assertThat(restaurant.path("awaitingInput").asBoolean()).isTrue();

        JsonNode weather = driver.says("what is the weather like");
        assertThat(texts(weather)).containsExactly(
                "Unfortunately I don't know much about the weather. I'm still learning.",
                "There are a number of restaurants nearby. Which cuisine would you like?");
        assertThat(weather.path("continuedBranch").asBoolean()).isFalse();

        JsonNode cuisine = driver.says("italian");
        assertThat(cuisine.path("continuedBranch").asBoolean()).isTrue();
        assertThat(cuisine.path("context").path("previous_cuisine").asText()).isEqualTo("pasta");
        assertThat(texts(cuisine)).containsExactly(
                "I've found 5 restaurant locations for you. Which one would you like to drive to?");
    }

    @Test
    void bankAssistantsDigressFromTheBusinessHoursQuestionToALostCard() {
        for (String file : List.of("bank_simple_workspace.json", "Bank-Simple-Skill.json")) {
            Conversation customer = pipeline.conversation(imported(file));
            assertThat(texts(customer.says("hello"))).as(file).containsExactly("Hello, I am the bank's Virtual Agent.");
            JsonNode hours = customer.says("what are your business hours?");
            assertThat(texts(hours)).as(file).containsExactly("Our business hours differ for our offices and our "
                    + "Service Center. How would you like to contact us, via a phone call, or visit our office?");
            assertThat(hours.path("awaitingInput").asBoolean()).isTrue();
            JsonNode lost = customer.says("I lost my credit card");
            assertThat(texts(lost)).as(file).containsExactly("I'm sorry to hear you lost your credit card.",
                    "Unfortunately in situations like this you can only receive a replacement card by talking to "
                            + "one of our Live Agents.",
                    "Should I transfer you now?");
            JsonNode yes = customer.says("yes");
            assertThat(yes.path("continuedBranch").asBoolean()).as(file).isTrue();
            assertThat(texts(yes)).as(file).startsWith("Okay, I'll transfer you now.");
        }
    }

    /** A Tuesday about a year ahead, so the bank's "not in the past, not today, not a Sunday" checks pass. */
    private static LocalDate aTuesdayNextYear() {
        return LocalDate.now(ZoneOffset.UTC).plusYears(1).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
    }

    @Test
    void bankAssistantsFillTheAppointmentFrameWithADateATimeAndAZipCode() {
        LocalDate day = aTuesdayNextYear();
        String spoken = day.format(DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH));
        for (String file : List.of("bank_simple_workspace.json", "Bank-Simple-Skill.json")) {
            Conversation customer = pipeline.conversation(imported(file));
            customer.says("hello");
            JsonNode asked = customer.says("I want to book an appointment");
            assertThat(texts(asked)).as(file).containsExactly(
                    "I can help you schedule an appointment with one of our bankers.",
                    "Which date would be best for you? We need 24 hours notice for an appointment, the earliest "
                            + "would be tomorrow.");

            JsonNode date = customer.says("how about " + spoken + " at 10am?");
            assertThat(date.path("entities").findValuesAsText("entity")).as(file).contains("sys-date", "sys-time");
            assertThat(texts(date)).as(file).containsExactly(
                    "Great, " + day.format(DateTimeFormatter.ofPattern("EEE, MMM d, yyyy", Locale.ENGLISH)) + ".",
                    "Okay, 10:00 AM.",
                    "Let's find your closest branch. What is your zip code?");
            assertThat(date.path("context").path("app_date").asText()).isEqualTo(day.toString());
            assertThat(date.path("context").path("app_time").asText()).isEqualTo("10:00:00");

            JsonNode zip = customer.says("10001");
            assertThat(texts(zip)).as(file).containsExactly("Okay, zip code 10001.",
                    "Thank you for providing the required information!",
                    "I found 5 nearby bank branches. Which one would you like to go to?");

            JsonNode branch = customer.says("the third one");
            assertThat(texts(branch)).as(file).containsExactly("Okay, the third branch.", "We have a banker available for "
                    + day.format(DateTimeFormatter.ofPattern("EEE, MMM d", Locale.ENGLISH))
                    + ", at 10:00 AM. In a few words, can you tell me what is the purpose of the appointment?");
            JsonNode purpose = customer.says("open a savings account");
            assertThat(texts(purpose)).as(file).hasSize(1);
            assertThat(texts(purpose).get(0)).as(file).startsWith("Okay your appointment is confirmed.")
                    .contains("Local Town, 10001")
                    .contains(day.format(DateTimeFormatter.ofPattern("EEE, MMM d", Locale.ENGLISH)) + "<br>10:00 AM");
        }
    }

    @Test
    void bankAssistantRejectsASundayAndTakesTheNextDateGiven() {
        LocalDate sunday = aTuesdayNextYear().minusDays(2);
        Conversation customer = pipeline.conversation(imported("bank_simple_workspace.json"));
        customer.says("hello");
        customer.says("I want to book an appointment");
        JsonNode rejected = customer.says(sunday.format(DateTimeFormatter.ofPattern("M/d/yyyy", Locale.ENGLISH)));
        assertThat(texts(rejected)).containsExactly("Unfortunately our bankers aren't available on Sundays.",
                "Which date would be best for you? We need 24 hours notice for an appointment, the earliest would "
                        + "be tomorrow.");
        assertThat(customer.says("the " + sunday.plusDays(1).getDayOfMonth() + "th of "
                + sunday.plusDays(1).format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH)))
                .path("context").path("app_date").asText()).isEqualTo(sunday.plusDays(1).toString());
    }

    @Test
    void carAssistantBooksTheRestaurantForADateAndATime() {
        LocalDate day = aTuesdayNextYear();
        Conversation driver = pipeline.conversation(imported("car_workspace.json"));
        driver.says("hi");
        driver.says("find me a restaurant nearby");
        driver.says("italian");
        JsonNode location = driver.says("2");
        assertThat(texts(location)).containsExactly("Sure! Restaurant 2 gets great reviews.",
                "What day, or date, would you like to go to the restaurant?");

        JsonNode date = driver.says(day.format(DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH)));
        assertThat(texts(date)).containsExactly("What time would you like to go to the restaurant?");
        assertThat(date.path("context").path("date").asText()).isEqualTo(day.toString());
        JsonNode time = driver.says("at 7:30 pm");
        assertThat(texts(time)).containsExactly("Ok, let's go to the restaurant at 7:30 PM, on "
                + day.format(DateTimeFormatter.ofPattern("EEE, d MMM yyyy", Locale.ENGLISH)) + ".");
        assertThat(time.path("continuedBranch").asBoolean()).isTrue();
        // the branch clears its date and time once the booking is made
        assertThat(time.path("context").has("date")).isFalse();
    }

    @Test
    void travelDemoHandsOverToAnAgentWithItsMessages() {
        Conversation traveller = pipeline.conversation(imported("travel-demo-dialog.redacted.json"));
        assertThat(texts(traveller.says("I want to talk to an agent"))).containsExactly(
                "Do you want me to transfer you to an agent in order to complete the process ?");
        assertThat(texts(traveller.says("human"))).containsExactly("What is your Name?");
        JsonNode name = traveller.says("Ada");
        assertThat(name.path("continuedBranch").asBoolean()).isTrue();
        assertThat(name.path("connectToAgent").path("messageToHumanAgent").asText())
                .isEqualTo("User asked to speak to an agent.");
        assertThat(name.path("connectToAgent").path("agentAvailable").asText())
                .isEqualTo("transfer you to an agent. have a good flight.");
        assertThat(name.path("connectToAgent").path("agentUnavailable").asText())
                .isEqualTo("I'm sorry, but no agents are online at the moment. Please try again later.");

        JsonNode direct = pipeline.conversation(imported("travel-demo-dialog.redacted.json")).says("human");
        assertThat(texts(direct)).containsExactly("Your chat is transferred to Live Agent");
        assertThat(direct.path("connectToAgent").path("agentAvailable").asText())
                .isEqualTo("Response when agents are online");
    }

    @Test
    void multiAssistOffersOptionsAndAChosenOptionContinues() {
        Conversation customer = pipeline.conversation(imported("multi-assist-primary-dialog.json"));
        JsonNode offer = customer.says("good afternoon");
        JsonNode option = offer.path("responses").get(offer.path("responses").size() - 1);
        assertThat(option.path("type").asText()).isEqualTo("option");
        assertThat(option.path("options")).extracting(choice -> choice.path("value").asText())
                .containsExactly("Support", "Payments");
        JsonNode support = customer.says("Support");
        assertThat(texts(support)).containsExactly("Ok, transferring you to support.");
        assertThat(support.path("continuedBranch").asBoolean()).isTrue();
    }

    /** Imports the export under a new app id and returns the id. */
    private static String imported(String file) {
        String appId = "walk-" + UUID.randomUUID();
        try {
            AdminApi.putSkill(appId, Files.readString(sharedSkills().resolve(file)), 1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return appId;
    }

    /** The first intent's first example that no other intent also lists, as (intent, text). */
    /**
     * An example of an intent a root node's condition names (catch-all nodes are never listed as matched), that
     * belongs to that intent only.
     */
    private static Map.Entry<String, String> unambiguousExample(JsonNode skill) {
        Map<String, Integer> owners = new HashMap<>();
        skill.path("intents").forEach(intent -> intent.path("examples").forEach(example ->
                owners.merge(example.path("text").asText().toLowerCase(Locale.ROOT), 1, Integer::sum)));
        Map<String, String> types = new HashMap<>();
        skill.path("dialog_nodes").forEach(node -> types.put(node.path("dialog_node").asText(),
                node.path("type").asText("standard")));
        StringBuilder rootConditions = new StringBuilder();
        skill.path("dialog_nodes").forEach(node -> {
            String parent = node.path("parent").asText(null);
            if (parent == null || "folder".equals(types.get(parent))) {
                rootConditions.append(' ').append(node.path("conditions").asText("")).append(' ');
            }
        });
        for (JsonNode intent : skill.path("intents")) {
            if (!rootConditions.toString().matches("(?s).*#" + Pattern.quote(intent.path("intent").asText())
                    + "(?![\\w-]).*")) {
                continue;
            }
            for (JsonNode example : intent.path("examples")) {
                String text = example.path("text").asText();
                if (owners.get(text.toLowerCase(Locale.ROOT)) == 1) {
                    return Map.entry(intent.path("intent").asText(), text);
                }
            }
        }
        throw new AssertionError("no example belongs to one intent only");
    }
}
