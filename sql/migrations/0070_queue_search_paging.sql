-- The whole queue: search without diacritics, a priority to sort by, saved filters, and the "received" timeline entry.

-- Vietnamese typed without diacritics must match: fold both sides with unaccent (đ -> d included) and lower case.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE FUNCTION ht_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT lower(public.unaccent('public.unaccent'::regdictionary, coalesce(t, '')))
$$;

ALTER TABLE reports ADD COLUMN search_tsv tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', ht_fold(description))) STORED;
CREATE INDEX reports_search_tsv ON reports USING gin (search_tsv);
CREATE INDEX reports_tracking_code_prefix ON reports (tracking_code text_pattern_ops);

-- Priority 1 (urgent) .. 4 (low): a category's default, stamped on the report so it can be sorted on.
ALTER TABLE categories ADD COLUMN priority smallint NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 4);
UPDATE categories SET priority = 1 WHERE code IN ('flooding', 'security');
UPDATE categories SET priority = 2 WHERE code IN ('road', 'misconduct');
ALTER TABLE reports ADD COLUMN priority smallint CHECK (priority BETWEEN 1 AND 4);
UPDATE reports r SET priority = c.priority FROM categories c WHERE c.code = r.category;

CREATE FUNCTION reports_priority() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.priority := coalesce(NEW.priority, (SELECT priority FROM categories WHERE code = NEW.category), 3);
  RETURN NEW;
END $$;
CREATE TRIGGER reports_priority BEFORE INSERT ON reports FOR EACH ROW EXECUTE FUNCTION reports_priority();

-- Every report's timeline starts with its receipt; one statement-level insert per batch keeps group commit cheap.
CREATE FUNCTION reports_received_timeline() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_timeline (report_id, at, actor_name, actor_role, from_status, to_status)
    SELECT id, created_at, 'Người phản ánh', 'reporter', 'received', status FROM inserted_reports;
  RETURN NULL;
END $$;
CREATE TRIGGER reports_received_timeline AFTER INSERT ON reports REFERENCING NEW TABLE AS inserted_reports
  FOR EACH STATEMENT EXECUTE FUNCTION reports_received_timeline();
INSERT INTO report_timeline (report_id, at, actor_name, actor_role, from_status, to_status)
  SELECT r.id, r.created_at, 'Người phản ánh', 'reporter', 'received', 'received' FROM reports r;

-- A dispatcher's named queue filters (the query string of GET /api/v1/queue), private to the account.
CREATE TABLE saved_queue_filters (
  id bigserial PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  query jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, name)
);
