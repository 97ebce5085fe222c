package io.tandem.classifier.service.dialog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.tandem.classifier.service.dialog.NodeOutput.Choice;
import io.tandem.classifier.service.dialog.NodeOutput.ConnectToAgent;
import io.tandem.classifier.service.dialog.NodeOutput.Image;
import io.tandem.classifier.service.dialog.NodeOutput.Option;
import io.tandem.classifier.service.dialog.NodeOutput.Pause;
import io.tandem.classifier.service.dialog.NodeOutput.ResponseTemplate;
import io.tandem.classifier.service.dialog.NodeOutput.Text;
import io.tandem.classifier.service.expression.EvaluationScope;
import io.tandem.classifier.service.expression.Templates.Template;
import io.tandem.contracts.Response;

/**
 * Turns a node's compiled output into {@link Response}s. Text variations follow Watson Assistant: sequential
 * shows the next value on each visit (starting over after the last), random picks another value than last time,
 * multiline shows them all, one per line. Random picks depend only on the seed (the event id), so processing the
 * same event again picks the same value.
 */
final class ResponseRenderer {

    private final Map<String, Integer> variations;
    private final String seed;

    /**
     * @param variations per text response, what was shown before; updated when rendering advances
     */
    ResponseRenderer(Map<String, Integer> variations, String seed) {
        this.variations = variations;
        this.seed = seed == null ? "" : seed;
    }

    /**
     * @param advance whether this rendering counts as a visit (false when only looking ahead)
     */
    List<Response> render(String nodeId, NodeOutput output, EvaluationScope scope, boolean advance) {
        List<Response> rendered = new ArrayList<>();
        List<ResponseTemplate> responses = output.responses();
        for (int i = 0; i < responses.size(); i++) {
            ResponseTemplate template = responses.get(i);
            String key = nodeId + "/" + i;
            if (template instanceof Text text) {
                String value = text(key, text, scope, advance);
                if (!value.isEmpty()) {
                    rendered.add(Response.text(value));
                }
            } else if (template instanceof Option option) {
                List<Response.Option> choices = new ArrayList<>();
                for (Choice choice : option.options()) {
                    choices.add(new Response.Option(render(choice.label(), scope), render(choice.value(), scope)));
                }
                rendered.add(Response.option(render(option.title(), scope), render(option.description(), scope),
                        choices, option.preference()));
            } else if (template instanceof Image image) {
                rendered.add(Response.image(render(image.source(), scope), render(image.title(), scope),
                        render(image.description(), scope)));
            } else if (template instanceof Pause pause) {
                rendered.add(Response.pause(pause.timeMs(), pause.typing()));
            } else if (template instanceof ConnectToAgent agent) {
                rendered.add(Response.connectToAgent(render(agent.messageToHumanAgent(), scope),
                        render(agent.agentAvailable(), scope), render(agent.agentUnavailable(), scope)));
            }
        }
        return rendered;
    }

    private String text(String key, Text text, EvaluationScope scope, boolean advance) {
        List<Template> values = text.values();
        if (values.isEmpty()) {
            return "";
        }
        if (text.multiline()) {
            List<String> lines = new ArrayList<>();
            for (Template value : values) {
                String line = value.render(scope).strip();
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
            return String.join("\n", lines);
        }
        int index;
        if (text.random()) {
            index = randomIndex(key, values.size());
        } else {
            int shown = variations.getOrDefault(key, 0);
            index = Math.floorMod(shown, values.size());
            if (advance) {
                variations.put(key, shown + 1);
            }
            return values.get(index).render(scope).strip();
        }
        if (advance) {
            variations.put(key, index);
        }
        return values.get(index).render(scope).strip();
    }

    /** Another value than the one shown last, chosen by the seed. */
    private int randomIndex(String key, int size) {
        if (size == 1) {
            return 0;
        }
        Integer last = variations.get(key);
        SplittableRandom random = new SplittableRandom((seed + "\u001f" + key).hashCode());
        if (last == null || last < 0 || last >= size) {
            return random.nextInt(size);
        }
        int pick = random.nextInt(size - 1);
        return pick >= last ? pick + 1 : pick;
    }

    private static String render(Template template, EvaluationScope scope) {
        if (template == null) {
            return null;
        }
        String text = template.render(scope).strip();
        return text.isEmpty() ? null : text;
    }
}
