package io.tandem.router.client;

import java.time.Instant;

/** A stored version of a workspace's skill, as classifier-service lists it. */
public record SkillVersionInfo(String appId, int version, String name, Instant createdAt, boolean active) {
}
