-- Marking a claim published rewrites its row. With room left on the page, PostgreSQL writes the new version beside
-- the old one without touching either index (a HOT update; published_at is in no index), and prunes the old version
-- on the page itself, without waiting for vacuum.
ALTER TABLE delivery_claim SET (fillfactor = 75);
