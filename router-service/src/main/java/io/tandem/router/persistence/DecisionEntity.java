package io.tandem.router.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

/**
 * One decision per consumed MessageClassified event; the row doubles as the consumer's message log.
 */
@Entity
@Table(name = "decision")
public class DecisionEntity {

    @Id
    @Column(name = "classified_event_id")
    public String classifiedEventId;

    @Column(name = "app_id", nullable = false)
    public String appId;

    @Column(name = "conversation_id", nullable = false)
    public String conversationId;

    @Column(name = "reason", nullable = false)
    public String reason;

    /** The ActionDecided events as a JSON array. */
    @Column(name = "actions", nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String actions;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    /** The kind of conversation event decided on. */
    @Column(name = "event_kind")
    public String eventKind;

    /** What the assistant did ({@link io.tandem.router.Outcome}); null for decisions of schema v1. */
    @Column(name = "outcome")
    public String outcome;

    /** The setting or rule that decided. */
    @Column(name = "rule")
    public String rule;

    /** The root node (name, or id without one) the decision is about. */
    @Column(name = "node")
    public String node;

    @Column(name = "confidence")
    public Double confidence;

    /** Who owned the conversation when it was decided. */
    @Column(name = "owner")
    public String owner;

    /** The customer's goal, for escalations. */
    @Column(name = "goal")
    public String goal;

    /** When every action reached Kafka; null while they still have to be sent. */
    @Column(name = "emitted_at")
    public Instant emittedAt;
}
