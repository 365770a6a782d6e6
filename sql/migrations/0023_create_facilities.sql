-- Facilities citizens look up and operators search by name (hospitals first; schools and offices as data arrives).
CREATE TABLE facilities (
  id text PRIMARY KEY,
  kind text NOT NULL,
  name text NOT NULL,
  address text,
  phone text,
  lat double precision NOT NULL,
  lng double precision NOT NULL,
  area_code text,
  province_code text,
  source text NOT NULL,
  licence text
);
CREATE INDEX facilities_area ON facilities (area_code);
