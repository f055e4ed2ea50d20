-- The text of each event's cited paragraphs (its own citations' and its claims'), read from the source
-- documents when the server is given them (SOURCES_DIR), searched as a fourth column of event_search so
-- that a word only a passage holds finds its event. Bookkeeping kept by the store (`indexCitedPassages`),
-- not part of the record: the repository ships no document text, and without the documents it is null.
-- Not declared in src/db/schema.ts, so no select() ever ships it.
ALTER TABLE `events` ADD `cited_passages` text;
--> statement-breakpoint
-- The events that hold passages, so clearing them (a server started without the documents) reads only those.
CREATE INDEX `events_with_passages` ON `events` (`id`) WHERE `cited_passages` IS NOT NULL;
--> statement-breakpoint
-- FTS5 cannot add a column: the index is built again with the fourth column, live events only.
DROP TRIGGER `events_search_insert`;
--> statement-breakpoint
DROP TRIGGER `events_search_delete`;
--> statement-breakpoint
DROP TRIGGER `events_search_update`;
--> statement-breakpoint
DROP TABLE `event_search`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `event_search` USING fts5(
  title, summary, place, cited_passages,
  content='events', content_rowid='id',
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `events_search_insert` AFTER INSERT ON `events` WHEN new.archived_at IS NULL BEGIN
  INSERT INTO event_search(rowid, title, summary, place, cited_passages)
    VALUES (new.id, new.title, new.summary, new.place, new.cited_passages);
END;
--> statement-breakpoint
CREATE TRIGGER `events_search_delete` AFTER DELETE ON `events` WHEN old.archived_at IS NULL BEGIN
  INSERT INTO event_search(event_search, rowid, title, summary, place, cited_passages)
    VALUES ('delete', old.id, old.title, old.summary, old.place, old.cited_passages);
END;
--> statement-breakpoint
-- One trigger, so the old row leaves the index before the new one enters (two triggers fire in no set order).
CREATE TRIGGER `events_search_update` AFTER UPDATE OF title, summary, place, cited_passages, archived_at ON `events` BEGIN
  INSERT INTO event_search(event_search, rowid, title, summary, place, cited_passages)
    SELECT 'delete', old.id, old.title, old.summary, old.place, old.cited_passages WHERE old.archived_at IS NULL;
  INSERT INTO event_search(rowid, title, summary, place, cited_passages)
    SELECT new.id, new.title, new.summary, new.place, new.cited_passages WHERE new.archived_at IS NULL;
END;
--> statement-breakpoint
-- Never 'rebuild': it would index archived events too.
INSERT INTO event_search(rowid, title, summary, place, cited_passages)
  SELECT id, title, summary, place, cited_passages FROM events WHERE archived_at IS NULL;
