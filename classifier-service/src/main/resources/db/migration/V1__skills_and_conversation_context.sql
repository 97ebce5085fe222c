-- Each app's skill: the stored versions and which one classifies messages now.
CREATE TABLE skill (
    app_id          text        PRIMARY KEY,
    active_version  integer,
    updated_at      timestamptz NOT NULL
);

CREATE TABLE skill_version (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    app_id      text        NOT NULL REFERENCES skill (app_id),
    version     integer     NOT NULL,
    name        text        NOT NULL,
    -- the workspace exactly as uploaded, so GET returns what was PUT
    workspace   text        NOT NULL,
    created_at  timestamptz NOT NULL,
    CONSTRAINT skill_version_app_version_key UNIQUE (app_id, version)
);

ALTER TABLE skill ADD CONSTRAINT skill_active_version_fkey
    FOREIGN KEY (app_id, active_version) REFERENCES skill_version (app_id, version);

-- Dialog context variables per conversation, updated every turn.
CREATE TABLE conversation_context (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    app_id           text        NOT NULL,
    conversation_id  text        NOT NULL,
    context          jsonb       NOT NULL,
    turn_count       integer     NOT NULL,
    updated_at       timestamptz NOT NULL,
    CONSTRAINT conversation_context_app_conversation_key UNIQUE (app_id, conversation_id)
);

-- Consumed ConversationMessageReceived ids, written in the transaction that updates the context.
CREATE TABLE processed_event (
    event_id      text        PRIMARY KEY,
    processed_at  timestamptz NOT NULL
);
