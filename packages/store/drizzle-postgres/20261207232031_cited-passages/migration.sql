-- The text of each event's cited paragraphs, as on SQLite (see its cited-passages migration): read from
-- the source documents when the server is given them, kept by the store (`indexCitedPassages`), not part
-- of the record, null without the documents; searched with the lowest weight, D. Not declared in
-- src/postgres/schema.ts, so no select() ever ships it.
ALTER TABLE events ADD COLUMN cited_passages text;
--> statement-breakpoint
CREATE INDEX events_with_passages ON events (id) WHERE cited_passages IS NOT NULL;
--> statement-breakpoint
ALTER TABLE events DROP COLUMN search;
--> statement-breakpoint
ALTER TABLE events ADD COLUMN search tsvector GENERATED ALWAYS AS (
  search_vector(title, 'A') || search_vector(summary, 'B') || search_vector(place, 'C') || search_vector(cited_passages, 'D')
) STORED;
--> statement-breakpoint
CREATE INDEX events_search ON events USING gin (search) WHERE archived_at IS NULL;
