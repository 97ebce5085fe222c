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

    /** How many of the action's Intercom calls are done (a reply split by pauses makes several parts). */
    @Column(name = "parts_done", nullable = false)
    public int partsDone;

    /** The ids of the parts made so far, comma separated. */
    @Column(name = "part_ids")
    public String partIds;

    /** Set while a call is under way: found set on a later attempt, the call's outcome is unknown. */
    @Column(name = "call_started_at")
    public Instant callStartedAt;

    /** The replica working on the action, and until when its claim holds. */
    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "claimed_at", nullable = false)
    public Instant claimedAt;

    @Column(name = "completed_at")
    public Instant completedAt;
}
