package io.tandem.classifier.service;

/**
 * The trained skill an app's messages are classified with, and its version.
 */
public record ActiveSkill(int version, TrainedSkill skill) {
}
