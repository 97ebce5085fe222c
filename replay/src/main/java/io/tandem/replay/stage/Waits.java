package io.tandem.replay.stage;

/** Pauses between polls. */
public final class Waits {

    private Waits() {
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.tandem.replay.ReplayException("interrupted");
        }
    }
}
