package io.tandem.classifier;

import java.time.Instant;

/**
 * A stored, trained version of an app's skill.
 *
 * @param version   1 for the first import of an app, then one more per import
 * @param name      the workspace's {@code name}
 * @param createdAt when it was imported
 * @param active    whether it is the version that classifies messages now
 */
public record SkillVersion(String appId, int version, String name, Instant createdAt, boolean active) {
}
