package io.tandem.contracts;

import java.util.List;

/**
 * One rendered response of a dialog turn, as Watson Assistant's {@code output.generic} holds it. Texts are the
 * final strings (variables and expressions already evaluated), not yet escaped for HTML.
 *
 * @param type        text, option, image, pause or connect_to_agent
 * @param text        the text (text)
 * @param title       the title (option, image)
 * @param description the description (option, image)
 * @param options     the choices (option)
 * @param preference  how options should be shown: {@code dropdown} or {@code button} (option)
 * @param source      the image URL (image)
 * @param timeMs      how long to pause (pause)
 * @param typing      whether a typing indicator should show during the pause (pause)
 * @param messageToHumanAgent the note for the teammate who takes over (connect_to_agent)
 * @param agentAvailable      what to tell the customer when someone is available (connect_to_agent)
 * @param agentUnavailable    what to tell the customer when nobody is (connect_to_agent)
 */
public record Response(
        String type,
        String text,
        String title,
        String description,
        List<Option> options,
        String preference,
        String source,
        Long timeMs,
        Boolean typing,
        String messageToHumanAgent,
        String agentAvailable,
        String agentUnavailable) {

    public static final String TEXT = "text";
    public static final String OPTION = "option";
    public static final String IMAGE = "image";
    public static final String PAUSE = "pause";
    public static final String CONNECT_TO_AGENT = "connect_to_agent";

    public Response {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public static Response text(String text) {
        return new Response(TEXT, text, null, null, null, null, null, null, null, null, null, null);
    }

    public static Response option(String title, String description, List<Option> options, String preference) {
        return new Response(OPTION, null, title, description, options, preference, null, null, null, null, null,
                null);
    }

    public static Response image(String source, String title, String description) {
        return new Response(IMAGE, null, title, description, null, null, source, null, null, null, null, null);
    }

    public static Response pause(long timeMs, boolean typing) {
        return new Response(PAUSE, null, null, null, null, null, null, timeMs, typing, null, null, null);
    }

    public static Response connectToAgent(String messageToHumanAgent, String agentAvailable,
            String agentUnavailable) {
        return new Response(CONNECT_TO_AGENT, null, null, null, null, null, null, null, null, messageToHumanAgent,
                agentAvailable, agentUnavailable);
    }

    /**
     * A choice of an option response.
     *
     * @param label what the customer sees
     * @param value the text sent as the customer's input when chosen
     */
    public record Option(String label, String value) {
    }
}
