-- Schema v2: the integration's settings and rules per workspace, who owns each conversation, an audit trail of
-- every settings change, and decisions that explain themselves. The v1 settings (mode, min confidence) are gone.
DROP TABLE workspace_settings;

-- The integration per Intercom workspace; a workspace without a row has the defaults (see SettingsService)
CREATE TABLE integration (
    app_id             varchar(255)     PRIMARY KEY,
    assistant_admin_id varchar(255),
    dialog_ready       boolean          NOT NULL,
    monitoring         boolean          NOT NULL,
    -- the team whose inbox is monitored; null = the Unassigned inbox
    monitored_team_id  varchar(255),
    threshold          double precision NOT NULL CHECK (threshold >= 0 AND threshold <= 1),
    updated_at         timestamptz      NOT NULL,
    CHECK (dialog_ready OR NOT monitoring)
);

-- Who takes a conversation over when the assistant cannot go on in a branch; keyed by the root node's name (or id)
CREATE TABLE backup_rule (
    app_id        varchar(255) NOT NULL,
    node          varchar(255) NOT NULL,
    assignee_type varchar(16)  NOT NULL CHECK (assignee_type IN ('ADMIN', 'TEAM')),
    assignee_id   varchar(255) NOT NULL,
    updated_at    timestamptz  NOT NULL,
    PRIMARY KEY (app_id, node)
);

-- What the assistant does in a branch at or above the threshold
CREATE TABLE action_rule (
    app_id     varchar(255) NOT NULL,
    node       varchar(255) NOT NULL,
    action     varchar(16)  NOT NULL CHECK (action IN ('DO_NOTHING', 'SEND', 'SUGGEST', 'ANSWER')),
    updated_at timestamptz  NOT NULL,
    PRIMARY KEY (app_id, node)
);

-- Every change of the integration or a rule: who (which key), when, before and after (null = none)
CREATE TABLE settings_change (
    id         bigserial    PRIMARY KEY,
    app_id     varchar(255) NOT NULL,
    subject    varchar(300) NOT NULL,
    changed_by varchar(300) NOT NULL,
    changed_at timestamptz  NOT NULL,
    before     jsonb,
    after      jsonb
);

CREATE INDEX settings_change_app_idx ON settings_change (app_id, changed_at);

-- What the router knows of each conversation, from every event passed on: who owns it, what the assistant waits
-- for, and the last few messages for a hand-over note
CREATE TABLE conversation (
    app_id            varchar(255) NOT NULL,
    conversation_id   varchar(255) NOT NULL,
    owner_admin_id    varchar(255),
    owner_team_id     varchar(255),
    -- set once a human teammate owns the conversation (assigned to a human or a team, a human replied, or the
    -- assistant handed it over); cleared when it is assigned to the assistant again
    human_owner       varchar(300),
    active_branch     varchar(255),
    pending           jsonb,
    transcript        jsonb        NOT NULL,
    updated_at        timestamptz  NOT NULL,
    PRIMARY KEY (app_id, conversation_id)
);

-- Each decision explains itself; the row still doubles as the consumer's message log (one per consumed event)
ALTER TABLE decision
    ADD COLUMN event_kind varchar(32),
    ADD COLUMN outcome    varchar(32),
    ADD COLUMN rule       text,
    ADD COLUMN node       varchar(255),
    ADD COLUMN confidence double precision,
    ADD COLUMN owner      varchar(300),
    ADD COLUMN goal       varchar(255);

CREATE INDEX decision_insight_idx ON decision (app_id, decided_at, outcome);
