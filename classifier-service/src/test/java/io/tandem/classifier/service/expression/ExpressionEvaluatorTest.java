package io.tandem.classifier.service.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tandem.contracts.MessageClassified.EntityMatch;
import io.tandem.contracts.MessageClassified.IntentScore;

class ExpressionEvaluatorTest {

    private static final ZonedDateTime NOON = ZonedDateTime.of(2025, 3, 14, 12, 30, 0, 0, ZoneOffset.UTC);

    private final Map<String, Object> context = new HashMap<>();
    private EvaluationScope scope = scope("I ordered 2 boots, order TS-104823", false,
            List.of(new IntentScore("order_status", 0.62), new IntentScore("returns", 0.31)),
            List.of(new EntityMatch("sys-number", "2", 10, 11, 1.0),
                    new EntityMatch("product", "shoes", 12, 17, 1.0),
                    new EntityMatch("order_number", "order_number", 25, 34, 1.0)));

    private EvaluationScope scope(String text, boolean firstTurn, List<IntentScore> intents,
            List<EntityMatch> entities) {
        return new EvaluationScope(text, intents, entities, context, firstTurn, NOON);
    }

    private boolean test(String condition) {
        return ExpressionEvaluator.test(ExpressionParser.parse(condition), scope);
    }

    private Object evaluate(String expression) {
        return ExpressionEvaluator.evaluate(ExpressionParser.parse(expression), scope);
    }

    @Test
    void inputTextHasTheCommonStringMethods() {
        assertThat(test("input.text.contains('boots')")).isTrue();
        assertThat(test("input.text.toLowerCase().startsWith('i ordered')")).isTrue();
        assertThat(test("input.text.matches('.*TS-[0-9]+')")).isTrue();
        assertThat(test("input.text.matches('TS-[0-9]+')")).isFalse();
        assertThat(evaluate("input.text.extract('TS-([0-9]+)', 1)")).isEqualTo("104823");
        assertThat(evaluate("input.text.extract('XX-([0-9]+)', 1)")).isEqualTo("");
        assertThat(test("input.text.length() > 10 && !input.text.isNumber()")).isTrue();
        assertThat(evaluate("input.text.substring(0, 9).trim().toUpperCase()")).isEqualTo("I ORDERED");
        assertThat(evaluate("input.text.indexOf('boots')")).isEqualTo(BigDecimal.valueOf(12));
    }

    @Test
    void theTopIntentsConfidenceCanBeCompared() {
        assertThat(test("intents[0].confidence > 0.6")).isTrue();
        assertThat(test("#order_status && intents[0].confidence >= 0.7")).isFalse();
        assertThat(test("intents[1].intent == 'returns' && intents[1].confidence < 0.5")).isTrue();
    }

    @Test
    void intentShorthandMatchesOnlyTheTopIntent() {
        assertThat(test("#order_status")).isTrue();
        assertThat(test("#returns")).isFalse();
        assertThat(test("#order_status && !#returns")).isTrue();
    }

    @Test
    void noIntentMeansEveryIntentConditionIsFalse() {
        scope = scope("blah", false, List.of(), List.of());
        assertThat(test("#order_status")).isFalse();
        assertThat(test("anything_else")).isTrue();
    }

    @Test
    void entityShorthandsTestPresenceAndValue() {
        assertThat(test("@product")).isTrue();
        assertThat(test("@product:shoes")).isTrue();
        assertThat(test("@product:SHOES")).isTrue();
        assertThat(test("@product:jacket")).isFalse();
        assertThat(test("@colour")).isFalse();
        assertThat(evaluate("@product")).isEqualTo(new EntityMention("product",
                List.of(new EntityMatch("product", "shoes", 12, 17, 1.0)), scope.inputText()));
        assertThat(evaluate("@product.literal")).isEqualTo("boots");
        assertThat(evaluate("@order_number.literal")).isEqualTo("TS-104823");
    }

    @Test
    void numbersCompareAsNumbersAndZeroIsFalse() {
        assertThat(test("@sys-number > 1 && @sys-number < 3")).isTrue();
        assertThat(test("@sys-number == 2")).isTrue();
        scope = scope("0", false, List.of(), List.of(new EntityMatch("sys-number", "0", 0, 1, 1.0)));
        assertThat(test("@sys-number")).isFalse();
        assertThat(test("@sys-number || @sys-number:0")).isTrue();
    }

    @Test
    void contextVariablesCompareAndMissingOnesAreNull() {
        context.put("current_step", "Payment_Date");
        context.put("tries", 3);
        assertThat(test("$current_step == \"Payment_Date\" || $current_step == \"Invalid_Account\"")).isTrue();
        assertThat(test("$tries > 2 and $tries != 4")).isTrue();
        assertThat(test("$missing")).isFalse();
        assertThat(test("$missing == null && !$missing")).isTrue();
        assertThat(test("$missing == \"\" || $missing == null")).isTrue();
    }

    @Test
    void rootObjectsAreReachable() {
        assertThat(test("intents[0].confidence > 0.5")).isTrue();
        assertThat(test("intents[1].intent == 'returns'")).isTrue();
        assertThat(test("entities.size() > 2")).isTrue();
        assertThat(test("entities['sys-number']")).isTrue();
        assertThat(test("entities['sys-date']")).isFalse();
        assertThat(test("input.text.find('TS-\\d+')")).isTrue();
        assertThat(test("context['unknown'] == null")).isTrue();
    }

    @Test
    void welcomeHoldsOnlyOnAFirstTurnWithoutText() {
        scope = scope("", true, List.of(), List.of());
        assertThat(test("welcome")).isTrue();
        assertThat(test("conversation_start")).isTrue();
        scope = scope("where is my order", true, List.of(), List.of());
        assertThat(test("welcome")).isFalse();
        assertThat(test("conversation_start")).isTrue();
        scope = scope("", false, List.of(), List.of());
        assertThat(test("welcome || conversation_start")).isFalse();
    }

    @Test
    void datesAndTimesCompare() {
        assertThat(test("now().after('12:00:00') && now().before('16:59:59')")).isTrue();
        assertThat(test("now().after('18:00:00')")).isFalse();
        context.put("paydate", "2025-03-20");
        assertThat(test("$paydate.after(today())")).isTrue();
        assertThat(evaluate("$paydate.reformatDateTime('EEE, MMM d, yyyy')")).isEqualTo("Thu, Mar 20, 2025");
        assertThat(evaluate("$paydate.plusMonths(1)")).isEqualTo("2025-04-20");
    }

    @Test
    void arithmeticAndListMethodsWork() {
        context.put("counter", 1);
        context.put("toppings", List.of("ham", "olives"));
        assertThat(evaluate("context['counter'] + 1")).isEqualTo(new BigDecimal(2));
        assertThat(evaluate("$toppings.join(', ')")).isEqualTo("ham, olives");
        assertThat(evaluate("$toppings.append('cheese')")).isEqualTo(List.of("ham", "olives", "cheese"));
        assertThat(evaluate("$nothing.append('first')")).isEqualTo(List.of("first"));
        assertThat(evaluate("'Hi ' + 2")).isEqualTo("Hi 2");
        assertThat(evaluate("7 / 2")).isEqualTo(new BigDecimal(3));
    }

    @Test
    void conditionalsChooseAndElvisFillsIn() {
        context.put("place", "stay");
        assertThat(evaluate("$place == 'stay' ? 'eat in' : 'take away'")).isEqualTo("eat in");
        assertThat(evaluate("$place == 'go' ? 'eat in' : $other ?: 'take away'")).isEqualTo("take away");
        assertThat(evaluate("$place ?: 'nowhere'")).isEqualTo("stay");
    }

    @Test
    void valuesOfTheWrongKindFailToEvaluate() {
        context.put("name", "Ada");
        assertThatThrownBy(() -> test("$name > 3")).isInstanceOf(EvaluationException.class);
        assertThatThrownBy(() -> test("$missing.size() > 0")).isInstanceOf(EvaluationException.class);
        assertThatThrownBy(() -> evaluate("1 / 0")).isInstanceOf(EvaluationException.class);
    }
}
