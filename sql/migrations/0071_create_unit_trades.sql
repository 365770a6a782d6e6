-- Trades: what a field unit can do, and which trade a category needs, so "assign the nearest" never sends a
-- road team to a rubbish dump. A category with no trade (misconduct, paperwork) is matched on the agency alone.

CREATE TABLE trades (
  code text PRIMARY KEY CHECK (code ~ '^[a-z_]{2,32}$'),
  name_vi text NOT NULL,
  name_en text NOT NULL
);
INSERT INTO trades (code, name_vi, name_en) VALUES
  ('roads', 'Giao thông, đường bộ', 'Roads'),
  ('sanitation', 'Vệ sinh môi trường', 'Sanitation'),
  ('power', 'Điện, chiếu sáng', 'Power and lighting'),
  ('police', 'An ninh, trật tự', 'Police'),
  ('urban_order', 'Trật tự đô thị', 'Urban order'),
  ('drainage', 'Thoát nước, chống ngập', 'Drainage and flooding');

ALTER TABLE categories ADD COLUMN trade text REFERENCES trades (code);
UPDATE categories SET trade = CASE code
  WHEN 'rubbish' THEN 'sanitation' WHEN 'road' THEN 'roads' WHEN 'encroachment' THEN 'urban_order'
  WHEN 'flooding' THEN 'drainage' WHEN 'lighting' THEN 'power' WHEN 'security' THEN 'police' END;

ALTER TABLE units ADD COLUMN trade text REFERENCES trades (code);
-- Existing units get the trade their agency's kind of work implies; administrators correct it in /admin.
UPDATE units SET trade = CASE agency_id
  WHEN 'so-xay-dung' THEN 'roads' WHEN 'so-nong-nghiep-moi-truong' THEN 'sanitation' WHEN 'dien-luc' THEN 'power'
  WHEN 'cong-an-tinh' THEN 'police' END;
