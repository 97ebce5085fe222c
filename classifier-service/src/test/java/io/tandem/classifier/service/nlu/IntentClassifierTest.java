package io.tandem.classifier.service.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tandem.contracts.MessageClassified.IntentScore;

/**
 * The intent classifier on a small support skill built here: calibrated confidences (paraphrases of its intents
 * reach the 0.75 answer threshold, messages about something else stay under it for every intent) and
 * deterministic training.
 */
class IntentClassifierTest {

    /** Tandem answers on its own from this confidence on (Watson Assistant's default workspace threshold). */
    private static final double THRESHOLD = 0.75;

    static final Map<String, List<String>> SKILL = new LinkedHashMap<>();

    static {
        SKILL.put("order_status", List.of("where is my order", "has my parcel shipped yet",
                "when will my package arrive", "track my order", "my order hasn't arrived",
                "what is the status of my order", "is my delivery on its way", "I'm still waiting for my parcel"));
        SKILL.put("return_item", List.of("I want to return an item", "how do I send something back",
                "can I return these shoes", "the jacket doesn't fit, I'd like to return it",
                "start a return", "what is your return policy", "I need to send back my order",
                "return a product I bought"));
        SKILL.put("refund", List.of("where is my refund", "I haven't got my money back",
                "when will I be refunded", "refund status", "you still owe me a refund",
                "how long does a refund take", "I was charged but want my money back", "has my refund been processed"));
        SKILL.put("opening_hours", List.of("when are you open", "what are your opening hours",
                "is the store open on Sunday", "what time do you close today", "are you open on holidays",
                "store hours please", "when does the shop open tomorrow", "until when are you open tonight"));
        SKILL.put("change_address", List.of("I need to change my delivery address",
                "can I update the shipping address", "wrong address on my order", "ship it to a different address",
                "I moved, please change my address", "edit the address of my order",
                "deliver to my work address instead", "correct my postal address"));
        SKILL.put("human", List.of("I want to talk to a person", "can I speak to someone",
                "connect me to an agent", "real human please", "let me talk to customer service",
                "I need a human", "transfer me to support staff", "is there a person I can chat with"));
    }

    static final List<String> COUNTEREXAMPLES = List.of("what is the meaning of life", "tell me a joke",
            "who won the game last night");

    /** Messages no intent of the skill is about. */
    static final List<String> OUT_OF_SCOPE = List.of(
            "what's the weather like in Paris tomorrow",
            "play some jazz music",
            "how many calories are in a banana",
            "set an alarm for 7 am",
            "what is the capital of Australia",
            "translate good morning into German",
            "who wrote Pride and Prejudice",
            "can you recommend a good movie",
            "how do I bake sourdough bread",
            "what is the square root of 144",
            "book a table for two at an Italian restaurant",
            "my car makes a strange noise when braking");

    /** Paraphrases of the skill's intents, none of them an example. */
    static final Map<String, String> IN_SCOPE = Map.of(
            "my parcel still hasn't shown up, where is it", "order_status",
            "I'd like to send these trousers back", "return_item",
            "when do I get my money back", "refund",
            "what time do you open on Saturday", "opening_hours",
            "please change the address for my delivery", "change_address",
            "I want to speak with a real person", "human");

    private static IntentClassifier classifier;

    @BeforeAll
    static void train() {
        classifier = IntentClassifier.train(SKILL, COUNTEREXAMPLES);
    }

    @Test
    void messagesAboutSomethingElseStayUnderTheThresholdForEveryIntent() {
        for (String message : OUT_OF_SCOPE) {
            IntentScore top = classifier.scores(message).get(0);
            assertThat(top.confidence()).as("'%s' (top intent %s)", message, top.intent()).isLessThan(THRESHOLD);
            assertThat(classifier.recognize(message, THRESHOLD)).as(message).isEmpty();
        }
    }

    @Test
    void paraphrasesOfAnIntentReachTheThreshold() {
        IN_SCOPE.forEach((message, intent) -> {
            IntentScore top = classifier.scores(message).get(0);
            assertThat(top.intent()).as(message).isEqualTo(intent);
            assertThat(top.confidence()).as(message).isGreaterThanOrEqualTo(THRESHOLD);
        });
    }

    @Test
    void theSkillsOwnExamplesAreRecognizedConfidently() {
        SKILL.forEach((intent, examples) -> examples.forEach(example -> {
            IntentScore top = classifier.scores(example).get(0);
            assertThat(top.intent()).as(example).isEqualTo(intent);
            assertThat(top.confidence()).as(example).isGreaterThanOrEqualTo(THRESHOLD);
        }));
    }

    @Test
    void confidencesAreAbsoluteNotShares() {
        List<IntentScore> scores = classifier.scores("what's the weather like in Paris tomorrow");
        assertThat(scores).hasSize(SKILL.size());
        assertThat(scores).allSatisfy(score -> assertThat(score.confidence()).isBetween(0.0, 1.0));
        assertThat(scores.stream().mapToDouble(IntentScore::confidence).sum()).isLessThan(0.9);
    }

    @Test
    void theSameSkillTrainedTwiceGivesTheSameAnswers() {
        IntentClassifier again = IntentClassifier.train(SKILL, COUNTEREXAMPLES);
        for (String message : List.of("where is my order", "I'd like to send these trousers back",
                "what's the weather like in Paris tomorrow", "refund", "", "!!!")) {
            assertThat(again.scores(message)).as(message).isEqualTo(classifier.scores(message));
        }
    }

    @Test
    void aCounterexampleIsRecognizedAsNoIntent() {
        assertThat(classifier.recognize("tell me a joke", 0.5)).isEmpty();
    }
}
