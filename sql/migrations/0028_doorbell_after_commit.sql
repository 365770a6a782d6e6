-- The product's writers ring the doorbell themselves after commit, at most once per 10 ms (sql/doorbell.ts):
-- their sessions say so, and the trigger stays quiet for them. Any other writer (psql, a tool, an older
-- server) still rings from here, once per statement, as before.
CREATE OR REPLACE FUNCTION events_doorbell() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('hientruong.doorbell', true) IS DISTINCT FROM 'after-commit' THEN
    PERFORM pg_notify('hientruong_events', '');
  END IF;
  RETURN NULL;
END $$;
