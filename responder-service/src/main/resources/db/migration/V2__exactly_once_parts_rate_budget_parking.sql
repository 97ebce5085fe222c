-- A reply may be several Intercom parts (a pause splits it): the ledger records how many were made and their ids,
-- and when a part's call started without its outcome being recorded (timeout, cut connection, crash), so that the
-- next attempt looks for the part in the conversation before calling again.
ALTER TABLE performed_action
    ADD COLUMN parts_done      INTEGER      NOT NULL DEFAULT 0,
    ADD COLUMN part_ids        VARCHAR(2000),
    ADD COLUMN call_started_at TIMESTAMPTZ,
    ADD COLUMN lease_owner     VARCHAR(64),
    ADD COLUMN lease_until     TIMESTAMPTZ;

-- What is left of each Intercom app's rate limit window, shared by every replica.
CREATE TABLE rate_budget (
    app_id       VARCHAR(255) PRIMARY KEY,
    window_limit INTEGER,
    remaining    INTEGER      NOT NULL,
    reset_at     TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL
);

-- Actions of a workspace whose token Intercom refuses (401/403), kept in arrival order until it works again.
CREATE TABLE parked_action (
    seq             BIGSERIAL    PRIMARY KEY,
    action_event_id VARCHAR(64)  NOT NULL UNIQUE,
    app_id          VARCHAR(255) NOT NULL,
    conversation_id VARCHAR(255) NOT NULL,
    action          TEXT         NOT NULL,
    reason          VARCHAR(500) NOT NULL,
    parked_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX parked_action_conversation ON parked_action (app_id, conversation_id, seq);

-- What a dry run (tandem.responder.dry-run) would have sent, per action; the ledger above is left alone.
CREATE TABLE dry_run_action (
    action_event_id VARCHAR(64)  PRIMARY KEY,
    app_id          VARCHAR(255) NOT NULL,
    conversation_id VARCHAR(255) NOT NULL,
    action_type     VARCHAR(16)  NOT NULL,
    requests        TEXT         NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL
);
