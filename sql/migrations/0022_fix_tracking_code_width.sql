-- lpad() truncates: from id 1,000,000 on, codes repeated earlier ones (TH-2026-100000 twice).
-- Pad to at least six digits, never cut.
CREATE OR REPLACE FUNCTION reports_tracking_code() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.tracking_code IS NULL THEN
    NEW.tracking_code := (SELECT value FROM settings WHERE key = 'tracking_prefix') || '-'
      || to_char(NEW.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY') || '-'
      || CASE WHEN length(NEW.id::text) >= 6 THEN NEW.id::text ELSE lpad(NEW.id::text, 6, '0') END;
  END IF;
  RETURN NEW;
END $$;
