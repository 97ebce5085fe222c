package io.tandem.router.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

/** What the router knows of one conversation; {@code pending} and {@code transcript} are JSON. */
@Entity
@Table(name = "conversation")
@IdClass(ConversationId.class)
public class ConversationEntity {

    @Id
    @Column(name = "app_id")
    public String appId;

    @Id
    @Column(name = "conversation_id")
    public String conversationId;

    @Column(name = "owner_admin_id")
    public String ownerAdminId;

    @Column(name = "owner_team_id")
    public String ownerTeamId;

    @Column(name = "human_owner")
    public String humanOwner;

    @Column(name = "active_branch")
    public String activeBranch;

    @Column(name = "pending", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String pending;

    @Column(name = "transcript", nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String transcript;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
