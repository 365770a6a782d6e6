-- Reports can no longer be enumerated in order: new ids and tracking codes are random, and each report gets a
-- tracking secret (stored only as its SHA-256) that proves its reporter. Old ids and codes stay as they were.

-- Arrival order stays known inside, for whatever needs "reports up to now" (the queue's paging bound):
-- old rows keep their sequential id as their place, new ones draw from the same sequence.
ALTER TABLE reports ADD COLUMN intake_seq bigint;
UPDATE reports SET intake_seq = id;
ALTER TABLE reports ALTER COLUMN intake_seq SET DEFAULT nextval('reports_id_seq');
ALTER TABLE reports ALTER COLUMN intake_seq SET NOT NULL;
CREATE INDEX reports_intake_seq ON reports (intake_seq);

-- A random id in [2^50, 2^50 + 2^52): 16 digits, below 2^53 so JavaScript clients read it exactly.
-- md5 of a v4 UUID spreads its 122 random bits; a taken id (about 1 in 10^9 at a million reports) is drawn again.
CREATE FUNCTION random_report_id() RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  candidate bigint;
BEGIN
  LOOP
    candidate := 1125899906842624 + ('x' || substr(md5(gen_random_uuid()::text), 1, 13))::bit(52)::bigint;
    EXIT WHEN NOT EXISTS (SELECT 1 FROM reports WHERE id = candidate);
  END LOOP;
  RETURN candidate;
END $$;
ALTER TABLE reports ALTER COLUMN id SET DEFAULT random_report_id();

-- Tracking codes such as TH-7KQ4-9XPM: 8 Crockford base32 characters (40 bits), redrawn if taken.
CREATE OR REPLACE FUNCTION reports_tracking_code() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  alphabet constant text := '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  prefix text := (SELECT value FROM settings WHERE key = 'tracking_prefix');
  bytes bytea;
  code text;
BEGIN
  IF NEW.tracking_code IS NULL THEN
    LOOP
      bytes := decode(md5(gen_random_uuid()::text), 'hex');
      code := prefix || '-';
      FOR i IN 0..7 LOOP
        -- 256 is a multiple of 32, so each character is uniform.
        code := code || substr(alphabet, get_byte(bytes, i) % 32 + 1, 1) || CASE WHEN i = 3 THEN '-' ELSE '' END;
      END LOOP;
      EXIT WHEN NOT EXISTS (SELECT 1 FROM reports WHERE tracking_code = code);
    END LOOP;
    NEW.tracking_code := code;
  END IF;
  RETURN NEW;
END $$;

-- SHA-256 of the secret handed to the reporter in the tracking link; null for reports filed without one.
ALTER TABLE reports ADD COLUMN tracking_secret_hash bytea;

-- A submission's Idempotency-Key: a retry gets the first answer back instead of a second report.
-- The key is stored hashed, and the answer (it holds the tracking secret) sealed with a key derived from it,
-- so the table alone gives away neither.
CREATE TABLE idempotency_keys (
  key_hash bytea PRIMARY KEY,
  body_hash bytea NOT NULL,
  report_id bigint NOT NULL REFERENCES reports (id),
  sealed_answer bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
