package io.tandem.classifier.service.dialog;

import java.util.List;

import io.tandem.classifier.service.expression.Templates.Template;

/**
 * A node's {@code output}: its responses as Watson Assistant's {@code output.generic} lists them (the legacy
 * {@code output.text} becomes one text response), compiled.
 */
public record NodeOutput(List<ResponseTemplate> responses) {

    public static final NodeOutput NONE = new NodeOutput(List.of());

    public boolean isEmpty() {
        return responses.isEmpty();
    }

    public boolean connectsToAgent() {
        return responses.stream().anyMatch(ConnectToAgent.class::isInstance);
    }

    /** One compiled response of {@code output.generic}. */
    public sealed interface ResponseTemplate {
    }

    /**
     * A text response: one value per visit ({@code sequential}, the default, advances each time the node is
     * visited; {@code random} varies, never the same twice in a row), or all values joined by new lines
     * ({@code multiline}).
     */
    public record Text(List<Template> values, String selectionPolicy) implements ResponseTemplate {

        public boolean multiline() {
            return "multiline".equals(selectionPolicy);
        }

        public boolean random() {
            return "random".equals(selectionPolicy);
        }
    }

    /** A choice; each option's value is the text sent as the customer's input. */
    public record Option(Template title, Template description, String preference, List<Choice> options)
            implements ResponseTemplate {
    }

    public record Choice(Template label, Template value) {
    }

    public record Image(Template source, Template title, Template description) implements ResponseTemplate {
    }

    public record Pause(long timeMs, boolean typing) implements ResponseTemplate {
    }

    public record ConnectToAgent(Template messageToHumanAgent, Template agentAvailable, Template agentUnavailable)
            implements ResponseTemplate {
    }
}
