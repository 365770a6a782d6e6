-- h3_parent without STRICT, so the planner inlines it: a STRICT function whose body it cannot prove strict
-- runs through the SQL-function executor, about 3 µs a call, and the rollups call it up to fifteen times
-- per report. A NULL argument still gives NULL (every branch of the CASE propagates it).
CREATE OR REPLACE FUNCTION h3_parent(cell bigint, res int) RETURNS bigint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE
    WHEN res < 0 OR res > 15 THEN NULL
    WHEN res >= ((cell >> 52) & 15) THEN cell
    ELSE (cell & ~(15::bigint << 52) & ~((1::bigint << ((15 - res) * 3)) - 1))
         | (res::bigint << 52)
         | ((1::bigint << ((15 - res) * 3)) - 1)
  END;
