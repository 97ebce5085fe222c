-- Deciding keeps each conversation's state in memory and writes it back with the decision; the version tells a
-- writer whether the row changed since it read it (another replica during a rebalance): it then reads it again.
-- Version 0 means "not stored": a stored row is version 1 or more (rows stored before this migration are 1).
ALTER TABLE conversation ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version > 0);

-- Deciding reuses a workspace's settings and rules from memory; every change of them, by any replica or by hand,
-- tells the listening replicas which workspace to read again (channel router_settings, payload the app_id)
CREATE FUNCTION notify_settings_changed() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('router_settings', CASE WHEN TG_OP = 'DELETE' THEN OLD.app_id ELSE NEW.app_id END);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER integration_changed AFTER INSERT OR UPDATE OR DELETE ON integration
    FOR EACH ROW EXECUTE FUNCTION notify_settings_changed();
CREATE TRIGGER backup_rule_changed AFTER INSERT OR UPDATE OR DELETE ON backup_rule
    FOR EACH ROW EXECUTE FUNCTION notify_settings_changed();
CREATE TRIGGER action_rule_changed AFTER INSERT OR UPDATE OR DELETE ON action_rule
    FOR EACH ROW EXECUTE FUNCTION notify_settings_changed();
