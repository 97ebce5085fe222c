package io.tandem.classifier;

/**
 * The app has no active skill.
 */
public class SkillNotFoundException extends RuntimeException {

    private final String appId;

    public SkillNotFoundException(String appId) {
        super("no skill for app " + appId);
        this.appId = appId;
    }

    public String appId() {
        return appId;
    }
}
