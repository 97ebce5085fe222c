-- Integration settings per Intercom workspace; a workspace without a row uses tandem.router.defaults.*
CREATE TABLE workspace_settings (
    app_id          varchar(255)     PRIMARY KEY,
    mode            varchar(16)      NOT NULL CHECK (mode IN ('REPLY', 'SUGGEST', 'OFF')),
    min_confidence  double precision NOT NULL CHECK (min_confidence >= 0 AND min_confidence <= 1),
    handoff_team_id varchar(255),
    updated_at      timestamptz      NOT NULL
);

-- One decision per consumed MessageClassified event; the primary key makes the consumer idempotent
CREATE TABLE decision (
    classified_event_id varchar(64)  PRIMARY KEY,
    app_id              varchar(255) NOT NULL,
    conversation_id     varchar(255) NOT NULL,
    reason              text         NOT NULL,
    actions             jsonb        NOT NULL,
    decided_at          timestamptz  NOT NULL,
    -- null until Kafka acknowledged every action; a redelivered event with a null emitted_at is sent again
    emitted_at          timestamptz
);

CREATE INDEX decision_conversation_idx ON decision (app_id, conversation_id, decided_at);
