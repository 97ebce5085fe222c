-- Ledger of actions performed on Intercom, keyed by the ActionDecided event id: a DONE or FAILED row means the
-- action was performed (or given up) and a redelivered ActionDecided must not call Intercom again.
CREATE TABLE performed_action (
    action_event_id  VARCHAR(64)  PRIMARY KEY,
    app_id           VARCHAR(255) NOT NULL,
    conversation_id  VARCHAR(255) NOT NULL,
    action_type      VARCHAR(16)  NOT NULL,
    status           VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'DONE', 'FAILED')),
    attempts         INTEGER      NOT NULL,
    intercom_part_id VARCHAR(255),
    error            VARCHAR(500),
    claimed_at       TIMESTAMPTZ  NOT NULL,
    completed_at     TIMESTAMPTZ
);
