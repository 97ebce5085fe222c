package io.tandem.classifier.service.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.tandem.classifier.service.expression.Expression.Comparison;
import io.tandem.classifier.service.expression.Expression.ComparisonOperator;
import io.tandem.classifier.service.expression.Expression.ContextReference;
import io.tandem.classifier.service.expression.Expression.EntityReference;
import io.tandem.classifier.service.expression.Expression.Identifier;
import io.tandem.classifier.service.expression.Expression.IndexAccess;
import io.tandem.classifier.service.expression.Expression.IntentReference;
import io.tandem.classifier.service.expression.Expression.Literal;
import io.tandem.classifier.service.expression.Expression.Logical;
import io.tandem.classifier.service.expression.Expression.LogicalOperator;
import io.tandem.classifier.service.expression.Expression.MethodCall;
import io.tandem.classifier.service.expression.Expression.Not;
import io.tandem.classifier.service.expression.Expression.PropertyAccess;

class ExpressionParserTest {

    @Test
    void readsIntentShorthandIncludingHyphensAndDots() {
        assertThat(ExpressionParser.parse("#Banking-Report_Lost_Card"))
                .isEqualTo(new IntentReference("Banking-Report_Lost_Card"));
        assertThat(ExpressionParser.parse("#faq.shipping")).isEqualTo(new IntentReference("faq.shipping"));
    }

    @Test
    void readsEntityShorthandsWithAndWithoutValue() {
        assertThat(ExpressionParser.parse("@sys-number")).isEqualTo(new EntityReference("sys-number", null));
        assertThat(ExpressionParser.parse("@CC_ReplaceIdent:Damaged"))
                .isEqualTo(new EntityReference("CC_ReplaceIdent", "Damaged"));
        assertThat(ExpressionParser.parse("@city:(New York)")).isEqualTo(new EntityReference("city", "New York"));
    }

    @Test
    void andBindsTighterThanOr() {
        assertThat(ExpressionParser.parse("#a || #b && $c")).isEqualTo(new Logical(LogicalOperator.OR,
                new IntentReference("a"),
                new Logical(LogicalOperator.AND, new IntentReference("b"), new ContextReference("c"))));
    }

    @Test
    void parenthesesGroup() {
        assertThat(ExpressionParser.parse("(#a || #b) && $c")).isEqualTo(new Logical(LogicalOperator.AND,
                new Logical(LogicalOperator.OR, new IntentReference("a"), new IntentReference("b")),
                new ContextReference("c")));
    }

    @Test
    void wordOperatorsMeanTheSameAsSymbols() {
        assertThat(ExpressionParser.parse("$bookhotel == \"no\" and $carRent == 'yes' or not #x"))
                .isEqualTo(ExpressionParser.parse("$bookhotel == \"no\" && $carRent == 'yes' || !#x"));
    }

    @Test
    void notAppliesToTheOperandRightAfterIt() {
        assertThat(ExpressionParser.parse("! @appliance && !@genre")).isEqualTo(new Logical(LogicalOperator.AND,
                new Not(new EntityReference("appliance", null)), new Not(new EntityReference("genre", null))));
    }

    @Test
    void comparesWithLiterals() {
        assertThat(ExpressionParser.parse("$cc_payamt >= 10.5")).isEqualTo(new Comparison(ComparisonOperator.GE,
                new ContextReference("cc_payamt"), new Literal(new BigDecimal("10.5"))));
        assertThat(ExpressionParser.parse("$x == null")).isEqualTo(new Comparison(ComparisonOperator.EQ,
                new ContextReference("x"), new Literal(null)));
    }

    @Test
    void readsPropertiesIndexesAndMethodCalls() {
        assertThat(ExpressionParser.parse("intents[0].confidence")).isEqualTo(new PropertyAccess(
                new IndexAccess(new Identifier("intents"), new Literal(BigDecimal.ZERO)), "confidence"));
        assertThat(ExpressionParser.parse("input.text.find('5624')")).isEqualTo(new MethodCall(
                new PropertyAccess(new Identifier("input"), "text"), "find", List.of(new Literal("5624"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "welcome", "anything_else", "conversation_start", "true", "false",
        "entities['sys-number']", "entities.size()>1", "@pizza_toppings.values", "$pizza_toppings.size()>0",
        "@sys-time.before('07:00:00') || @sys-time.after('19:00:00')", "now().after('04:00:00')",
        "!@genre && @appliance:music && entities.size()<2 && $musiconoff == \"off\"",
        "$heateronoff== \"off\"", "@reply == yes", "$result?.answer", "context['off_topic_counter'] + 1",
        "$card.append('<br><b>Travel</b><br>$150 bonus')", "@CC_CreditLevel:Average || ($x < 701 && $x > 580)",
        "$pizza_place == 'stay'? 'you eating here.' :  ' you taking this home'", "$name ?: 'friend'"})
    void parsesConditionsFoundInRealSkills(String condition) {
        assertThat(ExpressionParser.parse(condition)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "#a = #b", "$x ? 'a'", "#a : #b", "#a & #b", "#a | #b", "#a #b", "(#a", "#a)", "#", "@", "$",
        "@city:", "'unclosed", "$x.frobnicate('a')", "T(java.lang.Runtime).getRuntime()", "launchMissiles()",
        "{1, 2}", "$x.", "#a &&"})
    void rejectsWhatItCannotEvaluate(String condition) {
        assertThatThrownBy(() -> ExpressionParser.parse(condition)).isInstanceOf(ExpressionSyntaxException.class);
    }

    @Test
    void rejectsAnEmptyExpression() {
        assertThatThrownBy(() -> ExpressionParser.parse("  ")).hasMessageContaining("empty expression");
    }

    @Test
    void errorNamesWhatAndWhere() {
        assertThatThrownBy(() -> ExpressionParser.parse("#help = #help"))
                .isInstanceOf(ExpressionSyntaxException.class)
                .hasMessageContaining("'='")
                .hasMessageContaining("position 6");
        assertThatThrownBy(() -> ExpressionParser.parse("$x.frobnicate('a')"))
                .hasMessageContaining("unsupported method 'frobnicate'");
    }
}
