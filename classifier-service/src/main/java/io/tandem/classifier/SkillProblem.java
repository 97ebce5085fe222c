package io.tandem.classifier;

/**
 * One reason a skill cannot be trained.
 *
 * @param field  where in the workspace JSON, e.g. {@code dialog_nodes[3].conditions}
 * @param detail what is wrong there
 */
public record SkillProblem(String field, String detail) {
}
