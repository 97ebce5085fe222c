-- Ids that webhook deliveries claimed: one row per notification and per conversation part, unique across replicas.
CREATE TABLE delivery_claim (
    claim_key    text        PRIMARY KEY,
    claim_token  uuid        NOT NULL,
    claimed_at   timestamptz NOT NULL,
    published_at timestamptz
);

-- the retention purge deletes by age
CREATE INDEX delivery_claim_claimed_at ON delivery_claim (claimed_at);
