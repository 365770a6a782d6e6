-- H3 in plain SQL (no extension, so it runs on any managed Postgres). A cell index is 64 bits:
-- mode (bits 59-62), resolution (52-55), base cell (45-51), then 15 three-bit digits, digit r at
-- bits 3*(15-r) .. 3*(15-r)+2, unused digits set to 7. The parent at res p keeps digits 1..p,
-- sets the resolution field to p and every finer digit to 7.

CREATE FUNCTION h3_resolution(cell bigint) RETURNS int
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN ((cell >> 52) & 15)::int;

CREATE FUNCTION h3_parent(cell bigint, res int) RETURNS bigint
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN CASE
    WHEN res < 0 OR res > 15 THEN NULL
    WHEN res >= ((cell >> 52) & 15) THEN cell
    ELSE (cell & ~(15::bigint << 52) & ~((1::bigint << ((15 - res) * 3)) - 1))
         | (res::bigint << 52)
         | ((1::bigint << ((15 - res) * 3)) - 1)
  END;
