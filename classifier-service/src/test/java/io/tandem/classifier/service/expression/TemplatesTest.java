package io.tandem.classifier.service.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tandem.contracts.MessageClassified.EntityMatch;

class TemplatesTest {

    private final Map<String, Object> context = new HashMap<>(Map.of("name", "Ada", "count", 3,
            "items", List.of("a", "b")));
    private final EvaluationScope scope = new EvaluationScope("order TS-104823 please", List.of(),
            List.of(new EntityMatch("order_number", "order_number", 6, 15, 1.0)), context, false,
            ZonedDateTime.of(2025, 3, 14, 9, 5, 0, 0, ZoneOffset.UTC));

    @Test
    void replacesVariablesAndExpressions() {
        assertThat(Templates.compile("Hi $name, you have <? $count + 1 ?> items. That costs $5.").render(scope))
                .isEqualTo("Hi Ada, you have 4 items. That costs $5.");
        assertThat(Templates.compile("Order <? @order_number.literal ?> it is.").render(scope))
                .isEqualTo("Order TS-104823 it is.");
    }

    @Test
    void entityShorthandInTextIsTheEntitysValueOrProperty() {
        assertThat(Templates.compile("Looking up @order_number.literal for you@home, mail ada@example.com.")
                .render(scope)).isEqualTo("Looking up TS-104823 for you@home, mail ada@example.com.");
        assertThat(Templates.compile("<? @order_number ?>").evaluate(scope)).isEqualTo("order_number");
        assertThat(Templates.compile("@order_number").evaluate(scope)).isEqualTo("order_number");
    }

    @Test
    void aWholeExpressionKeepsItsType() {
        assertThat(Templates.compile("<? $items ?>").evaluate(scope)).isEqualTo(List.of("a", "b"));
        assertThat(Templates.compile("<? $items ?>").render(scope)).isEqualTo("[\"a\",\"b\"]");
    }

    @Test
    void missingValuesRenderAsNothing() {
        assertThat(Templates.compile("Hello $nobody!").render(scope)).isEqualTo("Hello !");
        assertThat(Templates.compile("<? @sys-date.literal ?>").evaluate(scope)).isNull();
    }

    @Test
    void plainTextIsPlain() {
        assertThat(Templates.compile("Just text, 100% plain.").isPlainText()).isTrue();
        assertThat(Templates.compile("Hi $name").isPlainText()).isFalse();
    }

    @Test
    void rejectsUnparseableExpressions() {
        assertThatThrownBy(() -> Templates.compile("Total: <? $a = 1 ?>"))
                .isInstanceOf(ExpressionSyntaxException.class).hasMessageContaining("'<? $a = 1 ?>'");
        assertThatThrownBy(() -> Templates.compile("Total: <? $a")).hasMessageContaining("'<?' without '?>'");
    }
}
