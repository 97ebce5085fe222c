package io.tandem.classifier.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A conversation's dialog context variables, where its dialog stands and how many turns it has had.
 */
@Entity
@Table(name = "conversation_context")
public class ConversationContextEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "app_id", nullable = false)
    public String appId;

    @Column(name = "conversation_id", nullable = false)
    public String conversationId;

    /** The context variables as a JSON object. */
    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String context;

    /** Where the dialog stands between turns ({@code DialogState}) as a JSON object. */
    @Column(name = "dialog_state", nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String dialogState;

    @Column(name = "turn_count", nullable = false)
    public int turnCount;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
