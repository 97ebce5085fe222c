package io.tandem.responder.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.tandem.contracts.ActionDecided;
import io.tandem.responder.ActionStatus;

/**
 * One action in the ledger of performed actions: claimed before Intercom is called, completed after.
 */
@Entity
@Table(name = "performed_action")
public class PerformedAction {

    @Id
    @Column(name = "action_event_id")
    public String actionEventId;

    @Column(name = "app_id", nullable = false)
    public String appId;

    @Column(name = "conversation_id", nullable = false)
    public String conversationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "action_type", nullable = false)
    public ActionDecided.Type actionType;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public ActionStatus status;

    /** How many times the action was claimed; above one means an earlier attempt was interrupted. */
    @Column(name = "attempts", nullable = false)
    public int attempts;

    @Column(name = "intercom_part_id")
    public String intercomPartId;

    @Column(name = "error")
    public String error;

    @Column(name = "claimed_at", nullable = false)
    public Instant claimedAt;

    @Column(name = "completed_at")
    public Instant completedAt;
}
