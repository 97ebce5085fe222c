package io.tandem.replay.stage;

/** The topics of one replay run: {@code replay.<run id>.<live topic>}, never a live topic. */
public record ReplayTopics(String runId) {

    public String of(String liveTopic) {
        return "replay." + runId + "." + liveTopic;
    }
}
