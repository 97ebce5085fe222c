package io.tandem.responder.service;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import io.tandem.responder.client.IntercomConversation;

/**
 * Finds, in a conversation as Intercom shows it, the part an interrupted call made, if it made one: a part by the
 * same admin, created since the action was first claimed, not recorded for this action or another one, with the
 * same visible text (a reply or note) or of the assignment kind (an assignment).
 */
public final class PartFinder {

    private PartFinder() {
    }

    /**
     * @param since    parts older than this (Intercom's clock, seconds) were not made by the action
     * @param recorded part ids recorded for the action (a reply may repeat a text in two parts) and for the
     *                 conversation's other actions (the assistant may say the same thing twice)
     */
    public static Optional<String> find(IntercomConversation conversation, PlannedCall call, Instant since,
            Collection<String> recorded) {
        String adminId;
        String wanted;
        if (call instanceof PlannedCall.Reply reply) {
            adminId = reply.reply().adminId();
            wanted = HtmlText.visibleText(reply.reply().body());
        } else {
            adminId = ((PlannedCall.Assign) call).assignment().adminId();
            wanted = null;
        }
        for (IntercomConversation.Part part : conversation.parts()) {
            if (part.author() == null || !adminId.equals(part.author().id()) || recorded.contains(part.id())
                    || part.createdAt() == null || part.createdAt() < since.getEpochSecond()) {
                continue;
            }
            boolean same = wanted != null
                    ? wanted.equals(HtmlText.visibleText(part.body()))
                    : part.partType() != null && part.partType().contains("assign");
            if (same) {
                return Optional.ofNullable(part.id());
            }
        }
        return Optional.empty();
    }
}
