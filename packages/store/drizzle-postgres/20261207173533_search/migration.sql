-- Full-text search on PostgreSQL: a generated, weighted tsvector column `search` on each searched
-- table with a GIN index, in place of SQLite's FTS5 tables. Generated columns follow every write path
-- (seed loader, API, manual SQL) in the writing transaction, as the FTS5 triggers do.
-- Folding: `simple` lower-cases without stemming or stop words; `unaccent` first strips accents, as
-- SQLite's `unicode61 remove_diacritics 2` does ("Lavrov" matches "lavróv"). unaccent is a trusted
-- contrib extension: a database owner may create it.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION bilateral_search (COPY = simple);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION bilateral_search
  ALTER MAPPING FOR asciiword, word, numword, asciihword, hword, numhword, hword_asciipart, hword_part, hword_numpart
  WITH unaccent, simple;
--> statement-breakpoint
-- Weights rank the title first, as bm25's column weights do on SQLite: A title, B summary, C place.
ALTER TABLE events ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('bilateral_search', title), 'A')
  || setweight(to_tsvector('bilateral_search', summary), 'B')
  || setweight(to_tsvector('bilateral_search', coalesce(place, '')), 'C')
) STORED;
--> statement-breakpoint
-- The index holds live events only, as SQLite's event_search does: a search never reads archived events.
CREATE INDEX events_search ON events USING gin (search) WHERE archived_at IS NULL;
--> statement-breakpoint
ALTER TABLE sources ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('bilateral_search', title), 'A')
  || setweight(to_tsvector('bilateral_search', coalesce(author, '')), 'B')
  || setweight(to_tsvector('bilateral_search', coalesce(outlet, '')), 'C')
) STORED;
--> statement-breakpoint
CREATE INDEX sources_search ON sources USING gin (search);
--> statement-breakpoint
-- An indicator such as `trade_volume` is searched as its words, as on SQLite.
ALTER TABLE figures ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('bilateral_search', label), 'A')
  || setweight(to_tsvector('bilateral_search', replace(indicator, '_', ' ')), 'B')
) STORED;
--> statement-breakpoint
CREATE INDEX figures_search ON figures USING gin (search);
--> statement-breakpoint
-- An actor is found by its name and by its aliases. A generated column reads only its own row, so the
-- aliases' names are kept on the actor, joined with ' | ', by the triggers on actor_aliases below.
ALTER TABLE actors ADD COLUMN alias_names text COLLATE "C" NOT NULL DEFAULT '';
--> statement-breakpoint
ALTER TABLE actors ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('bilateral_search', name), 'A')
  || setweight(to_tsvector('bilateral_search', alias_names), 'B')
) STORED;
--> statement-breakpoint
CREATE INDEX actors_search ON actors USING gin (search);
--> statement-breakpoint
CREATE FUNCTION refresh_alias_names(actor_ids integer[]) RETURNS void LANGUAGE sql AS $$
  UPDATE actors SET alias_names = coalesce(
    (SELECT string_agg(name, ' | ' ORDER BY position, id) FROM actor_aliases WHERE actor_id = actors.id), '')
  WHERE id = ANY (actor_ids)
$$;
--> statement-breakpoint
-- Statement-level triggers with transition tables: one refresh per statement, however many rows it wrote.
CREATE FUNCTION actor_aliases_search_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_alias_names(ARRAY(SELECT DISTINCT actor_id FROM added));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER actor_aliases_search_insert AFTER INSERT ON actor_aliases
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION actor_aliases_search_insert();
--> statement-breakpoint
CREATE FUNCTION actor_aliases_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_alias_names(ARRAY(SELECT actor_id FROM removed UNION SELECT actor_id FROM added));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER actor_aliases_search_update AFTER UPDATE ON actor_aliases
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION actor_aliases_search_update();
--> statement-breakpoint
CREATE FUNCTION actor_aliases_search_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_alias_names(ARRAY(SELECT DISTINCT actor_id FROM removed));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER actor_aliases_search_delete AFTER DELETE ON actor_aliases
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION actor_aliases_search_delete();
