-- Where each conversation's dialog stands between turns: the node or frame waiting for the customer, the flows
-- a digression will return to, response variation counters and the last goal.
ALTER TABLE conversation_context ADD COLUMN dialog_state jsonb NOT NULL DEFAULT '{}'::jsonb;
