-- A restarted hotspot monitor reads the last 24 h of `hotspot` events so it does not announce them again.
CREATE INDEX events_hotspot_created ON events (created_at) WHERE kind = 'hotspot';
