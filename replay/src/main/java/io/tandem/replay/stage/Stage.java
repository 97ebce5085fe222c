package io.tandem.replay.stage;

import java.util.Locale;

import io.tandem.contracts.Topics;

/**
 * A consuming stage of the pipeline: its packaged module, the topic it reads and the one it writes, and the names of
 * its channels, whose topics and group a replay instance is given through MicroProfile configuration (environment).
 */
public enum Stage {

    CLASSIFIER("classifier-service", Topics.CONVERSATION_EVENTS, Topics.CONVERSATION_CLASSIFIED, Topics.CLASSIFIER_DLQ,
            "events-in", "classified-out", null),
    ROUTER("router-service", Topics.CONVERSATION_CLASSIFIED, Topics.CONVERSATION_ACTIONS, Topics.ROUTER_DLQ,
            "classified-in", "actions-out", null),
    RESPONDER("responder-service", Topics.CONVERSATION_ACTIONS, Topics.CONVERSATION_ACTION_RESULTS,
            Topics.RESPONDER_DLQ, "actions-in", "results-out", "dead-letters-out");

    private final String module;
    private final String inputTopic;
    private final String outputTopic;
    private final String deadLetterTopic;
    private final String inputChannel;
    private final String outputChannel;
    private final String deadLetterChannel;

    Stage(String module, String inputTopic, String outputTopic, String deadLetterTopic, String inputChannel,
            String outputChannel, String deadLetterChannel) {
        this.module = module;
        this.inputTopic = inputTopic;
        this.outputTopic = outputTopic;
        this.deadLetterTopic = deadLetterTopic;
        this.inputChannel = inputChannel;
        this.outputChannel = outputChannel;
        this.deadLetterChannel = deadLetterChannel;
    }

    /** The Maven module, the service's name and also its live consumer group id. */
    public String module() {
        return module;
    }

    /** The live stage's consumer group (the services use their name). */
    public String liveGroup() {
        return module;
    }

    public String inputTopic() {
        return inputTopic;
    }

    public String outputTopic() {
        return outputTopic;
    }

    public String deadLetterTopic() {
        return deadLetterTopic;
    }

    public String inputChannel() {
        return inputChannel;
    }

    public String outputChannel() {
        return outputChannel;
    }

    /** A second outgoing channel writing to the dead letter topic, or null. */
    public String deadLetterChannel() {
        return deadLetterChannel;
    }

    /** The lower-case name the command line takes. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The stage whose dead letter topic this is, or null. */
    public static Stage ofDeadLetterTopic(String topic) {
        for (Stage stage : values()) {
            if (stage.deadLetterTopic.equals(topic)) {
                return stage;
            }
        }
        return null;
    }

    /** The environment variable SmallRye Config maps to {@code mp.messaging.<direction>.<channel>.<property>}. */
    static String channelEnv(String direction, String channel, String property) {
        return ("MP_MESSAGING_" + direction + "_" + channel + "_" + property).toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z0-9]", "_");
    }
}
