-- Per-category questions a citizen answers when reporting (and Open311 publishes as service attributes).
-- Definitions are data: a province edits them without a release. Answers are kept with the report.

CREATE TABLE category_questions (
  category text NOT NULL REFERENCES categories (code) ON DELETE CASCADE,
  code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{0,39}$'),
  datatype text NOT NULL
    CHECK (datatype IN ('string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist')),
  required boolean NOT NULL DEFAULT false,
  label_vi text NOT NULL,
  label_en text NOT NULL,
  hint_vi text,
  hint_en text,
  -- [{key, name, nameEn}] for the two list types, and only for them.
  choices jsonb CHECK (choices IS NULL OR jsonb_typeof(choices) = 'array'),
  min_value double precision,
  max_value double precision,
  unit text,
  position int NOT NULL DEFAULT 0,
  PRIMARY KEY (category, code),
  CHECK ((datatype IN ('singlevaluelist', 'multivaluelist')) = (choices IS NOT NULL)),
  CHECK (min_value IS NULL OR max_value IS NULL OR min_value <= max_value)
);

-- {questionCode: string | number | string[]}, validated against the definitions when the report came in.
ALTER TABLE reports ADD COLUMN answers jsonb;
