package io.tandem.classifier.service.dialog;

/**
 * What a node does after its response ({@code next_step}).
 *
 * @param behavior   {@code jump_to}, {@code skip_user_input}, {@code reprompt}, {@code skip_all_slots}, ...
 * @param selector   for {@code jump_to}: {@code body}, {@code condition}, {@code user_input} or {@code client}
 * @param dialogNode for {@code jump_to}: the target node's id
 */
public record NextStep(String behavior, String selector, String dialogNode) {

    public boolean isJump() {
        return "jump_to".equals(behavior);
    }

    public boolean is(String name) {
        return name.equals(behavior);
    }
}
