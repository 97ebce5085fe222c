package io.tandem.sandbox.rest;

/**
 * Body of {@code POST /conversations/{id}/parts}: assignment, close, open or snoozed.
 *
 * @param type       for an assignment: whether {@code assignee_id} is an admin or a team
 * @param assigneeId for an assignment; {@code "0"} unassigns
 */
public record ManageRequest(
        String messageType,
        String type,
        String adminId,
        String assigneeId,
        String body,
        Long snoozedUntil) {
}
