package io.tandem.classifier;

/**
 * The app has no active skill, or not the version asked for.
 */
public class SkillNotFoundException extends RuntimeException {

    private final String appId;
    private final Integer version;

    public SkillNotFoundException(String appId) {
        super("no skill for app " + appId);
        this.appId = appId;
        this.version = null;
    }

    /** The app has no such version of its skill. */
    public SkillNotFoundException(String appId, int version) {
        super("no version " + version + " of the skill of app " + appId);
        this.appId = appId;
        this.version = version;
    }

    public String appId() {
        return appId;
    }

    /** The version asked for, or null when the app has no skill at all. */
    public Integer version() {
        return version;
    }
}
