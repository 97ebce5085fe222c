package io.tandem.classifier;

import java.util.List;

/**
 * A workspace that cannot be trained; carries every problem found, not just the first.
 */
public class InvalidSkillException extends RuntimeException {

    private final List<SkillProblem> problems;

    public InvalidSkillException(List<SkillProblem> problems) {
        super(problems.size() + " problem(s) in the skill, first: " + problems.get(0).field() + ": "
                + problems.get(0).detail());
        this.problems = List.copyOf(problems);
    }

    public List<SkillProblem> problems() {
        return problems;
    }
}
