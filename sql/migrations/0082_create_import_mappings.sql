-- Saved column mappings for bulk hotline imports: which column of a call centre's export holds what.
CREATE TABLE import_mappings (
  id bigserial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  -- {category, description, address?, lat?, lng?, reporterName?, reporterPhone?}: report field -> column title.
  columns jsonb NOT NULL,
  -- The call centre's own labels -> category codes (a code itself is always accepted).
  category_values jsonb NOT NULL DEFAULT '{}',
  created_by bigint REFERENCES staff_users (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
