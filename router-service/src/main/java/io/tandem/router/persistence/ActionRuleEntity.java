package io.tandem.router.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.tandem.router.RuleAction;

@Entity
@Table(name = "action_rule")
@IdClass(RuleId.class)
public class ActionRuleEntity {

    @Id
    @Column(name = "app_id")
    public String appId;

    @Id
    @Column(name = "node")
    public String node;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false)
    public RuleAction action;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
