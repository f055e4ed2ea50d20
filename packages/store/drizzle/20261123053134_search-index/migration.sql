-- Full-text indexes, kept in step with their tables by triggers so that every write path
-- (seed loader, API mutations, manual SQL) updates them in the same transaction.
-- unicode61 with remove_diacritics 2 folds case and accents: "Lavrov" matches "lavróv".
CREATE VIRTUAL TABLE `event_search` USING fts5(
  title, summary, place,
  content='events', content_rowid='id',
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `events_search_insert` AFTER INSERT ON `events` BEGIN
  INSERT INTO event_search(rowid, title, summary, place) VALUES (new.id, new.title, new.summary, new.place);
END;
--> statement-breakpoint
CREATE TRIGGER `events_search_delete` AFTER DELETE ON `events` BEGIN
  INSERT INTO event_search(event_search, rowid, title, summary, place) VALUES ('delete', old.id, old.title, old.summary, old.place);
END;
--> statement-breakpoint
CREATE TRIGGER `events_search_update` AFTER UPDATE OF title, summary, place ON `events` BEGIN
  INSERT INTO event_search(event_search, rowid, title, summary, place) VALUES ('delete', old.id, old.title, old.summary, old.place);
  INSERT INTO event_search(rowid, title, summary, place) VALUES (new.id, new.title, new.summary, new.place);
END;
--> statement-breakpoint
-- An actor's row holds its name and all its aliases; rowid is the actor's id.
CREATE VIRTUAL TABLE `actor_search` USING fts5(
  name, aliases,
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `actors_search_insert` AFTER INSERT ON `actors` BEGIN
  INSERT INTO actor_search(rowid, name, aliases) VALUES (new.id, new.name, '');
END;
--> statement-breakpoint
CREATE TRIGGER `actors_search_update` AFTER UPDATE OF name ON `actors` BEGIN
  UPDATE actor_search SET name = new.name WHERE rowid = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `actors_search_delete` AFTER DELETE ON `actors` BEGIN
  DELETE FROM actor_search WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `actor_aliases_search_insert` AFTER INSERT ON `actor_aliases` BEGIN
  UPDATE actor_search SET aliases = (SELECT group_concat(name, ' | ') FROM actor_aliases WHERE actor_id = new.actor_id) WHERE rowid = new.actor_id;
END;
--> statement-breakpoint
CREATE TRIGGER `actor_aliases_search_delete` AFTER DELETE ON `actor_aliases` BEGIN
  UPDATE actor_search SET aliases = coalesce((SELECT group_concat(name, ' | ') FROM actor_aliases WHERE actor_id = old.actor_id), '') WHERE rowid = old.actor_id;
END;
--> statement-breakpoint
CREATE TRIGGER `actor_aliases_search_update` AFTER UPDATE ON `actor_aliases` BEGIN
  UPDATE actor_search SET aliases = coalesce((SELECT group_concat(name, ' | ') FROM actor_aliases WHERE actor_id = old.actor_id), '') WHERE rowid = old.actor_id;
  UPDATE actor_search SET aliases = (SELECT group_concat(name, ' | ') FROM actor_aliases WHERE actor_id = new.actor_id) WHERE rowid = new.actor_id;
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `source_search` USING fts5(
  title, author, outlet,
  content='sources', content_rowid='id',
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `sources_search_insert` AFTER INSERT ON `sources` BEGIN
  INSERT INTO source_search(rowid, title, author, outlet) VALUES (new.id, new.title, new.author, new.outlet);
END;
--> statement-breakpoint
CREATE TRIGGER `sources_search_delete` AFTER DELETE ON `sources` BEGIN
  INSERT INTO source_search(source_search, rowid, title, author, outlet) VALUES ('delete', old.id, old.title, old.author, old.outlet);
END;
--> statement-breakpoint
CREATE TRIGGER `sources_search_update` AFTER UPDATE OF title, author, outlet ON `sources` BEGIN
  INSERT INTO source_search(source_search, rowid, title, author, outlet) VALUES ('delete', old.id, old.title, old.author, old.outlet);
  INSERT INTO source_search(rowid, title, author, outlet) VALUES (new.id, new.title, new.author, new.outlet);
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `figure_search` USING fts5(
  label, indicator,
  content='figures', content_rowid='id',
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `figures_search_insert` AFTER INSERT ON `figures` BEGIN
  INSERT INTO figure_search(rowid, label, indicator) VALUES (new.id, new.label, replace(new.indicator, '_', ' '));
END;
--> statement-breakpoint
CREATE TRIGGER `figures_search_delete` AFTER DELETE ON `figures` BEGIN
  INSERT INTO figure_search(figure_search, rowid, label, indicator) VALUES ('delete', old.id, old.label, replace(old.indicator, '_', ' '));
END;
--> statement-breakpoint
CREATE TRIGGER `figures_search_update` AFTER UPDATE OF label, indicator ON `figures` BEGIN
  INSERT INTO figure_search(figure_search, rowid, label, indicator) VALUES ('delete', old.id, old.label, replace(old.indicator, '_', ' '));
  INSERT INTO figure_search(rowid, label, indicator) VALUES (new.id, new.label, replace(new.indicator, '_', ' '));
END;
