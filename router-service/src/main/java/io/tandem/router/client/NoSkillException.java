package io.tandem.router.client;

/** The workspace has no dialog skill in classifier-service. */
public class NoSkillException extends RuntimeException {

    public NoSkillException() {
        super("the workspace has no dialog skill", null, false, false);
    }
}
