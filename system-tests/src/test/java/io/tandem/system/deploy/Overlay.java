package io.tandem.system.deploy;

/** The kustomizations of {@code deploy/k8s}: the base and the overlays an operator applies. */
enum Overlay {

    BASE("base"),
    DEV("overlays/dev"),
    PROD("overlays/prod"),
    SANDBOX("overlays/sandbox");

    private final String directory;

    Overlay(String directory) {
        this.directory = directory;
    }

    /** The directory relative to {@code deploy/k8s}. */
    String directory() {
        return directory;
    }
}
