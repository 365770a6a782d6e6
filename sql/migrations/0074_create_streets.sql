-- Named streets from an OpenStreetMap extract the province supplies (npm run places:import), with house-number
-- ranges where the data has them, so "số 12 Lê Lợi, P. Hạc Thành" finds a point. ODbL: source and licence kept.
CREATE TABLE streets (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  folded_name text NOT NULL,
  area_code text,
  province_code text,
  coordinates jsonb NOT NULL,
  house_from int,
  house_to int,
  interpolation text CHECK (interpolation IN ('even', 'odd', 'all')),
  source text NOT NULL,
  licence text NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX streets_folded_name ON streets (folded_name text_pattern_ops);
