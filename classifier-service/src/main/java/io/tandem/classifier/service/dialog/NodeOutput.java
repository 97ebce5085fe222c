package io.tandem.classifier.service.dialog;

import java.util.List;

import io.tandem.classifier.service.expression.Templates.Template;

/**
 * The parts of a node's {@code output} this service renders.
 *
 * @param texts          the text responses, in order
 * @param connectToAgent whether the output contains a {@code connect_to_agent} response
 */
public record NodeOutput(List<TextResponse> texts, boolean connectToAgent) {

    public static final NodeOutput NONE = new NodeOutput(List.of(), false);

    /**
     * A text response: one of its values is shown ({@code sequential} and {@code random} show the first, so the
     * reply is reproducible), or all of them one per line ({@code multiline}).
     */
    public record TextResponse(List<Template> values, String selectionPolicy) {

        public boolean showsAllValues() {
            return "multiline".equals(selectionPolicy);
        }
    }
}
