-- The reporter's rating of a resolution (proved by the tracking secret); a later rating replaces it.
CREATE TABLE report_ratings (
  report_id bigint PRIMARY KEY REFERENCES reports (id),
  stars smallint NOT NULL CHECK (stars BETWEEN 1 AND 5),
  comment text,
  rated_at timestamptz NOT NULL DEFAULT now()
);
