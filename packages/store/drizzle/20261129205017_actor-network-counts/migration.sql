CREATE TABLE `actor_event_counts` (
	`actor_id` integer PRIMARY KEY,
	`event_count` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `actor_pair_counts` (
	`actor_id` integer NOT NULL,
	`other_id` integer NOT NULL,
	`weight` integer NOT NULL,
	`first_date` text NOT NULL,
	`last_date` text NOT NULL,
	CONSTRAINT `actor_pair_counts_pk` PRIMARY KEY(`actor_id`, `other_id`)
);
--> statement-breakpoint
CREATE INDEX `actor_event_counts_rank` ON `actor_event_counts` ("event_count" desc,`actor_id`);--> statement-breakpoint
CREATE INDEX `actor_pair_counts_other` ON `actor_pair_counts` (`other_id`,`actor_id`);--> statement-breakpoint
CREATE INDEX `actor_pair_counts_weight` ON `actor_pair_counts` (`weight`);
--> statement-breakpoint
-- Kept in step with events and participants by triggers, in the writing transaction, like event_period_counts.
-- An actor counts once per live event whatever roles it holds; a pair counts once per live event both took part in.
-- A pair's first_date/last_date are the min/max of its shared live events' earliest/latest days: an added event can
-- only widen them; when an event that sat on the boundary goes, the boundary is read again from the pair's other
-- shared events (an index walk over one actor's participations), which happens only for that pair.
-- Participant rows are replaced (deleted and inserted), never moved, so moving one is refused rather than miscounted.
CREATE TRIGGER `event_participants_network_move` BEFORE UPDATE OF event_id, actor_id ON `event_participants`
  WHEN new.event_id <> old.event_id OR new.actor_id <> old.actor_id BEGIN
  SELECT RAISE(ABORT, 'event_participants rows are replaced, not moved: the actor network counts follow inserts and deletes');
END;
--> statement-breakpoint
CREATE TRIGGER `event_participants_network_insert` AFTER INSERT ON `event_participants`
  WHEN (SELECT archived_at IS NULL FROM events WHERE id = new.event_id)
    AND NOT EXISTS (SELECT 1 FROM event_participants WHERE event_id = new.event_id AND actor_id = new.actor_id AND role <> new.role) BEGIN
  INSERT INTO actor_event_counts(actor_id, event_count) VALUES (new.actor_id, 1)
    ON CONFLICT(actor_id) DO UPDATE SET event_count = event_count + 1;
  INSERT INTO actor_pair_counts(actor_id, other_id, weight, first_date, last_date)
    SELECT DISTINCT min(new.actor_id, p.actor_id), max(new.actor_id, p.actor_id), 1, e.date_earliest, e.date_latest
    FROM event_participants p JOIN events e ON e.id = p.event_id WHERE p.event_id = new.event_id AND p.actor_id <> new.actor_id
    ON CONFLICT(actor_id, other_id) DO UPDATE SET weight = weight + 1,
      first_date = min(first_date, excluded.first_date), last_date = max(last_date, excluded.last_date);
END;
--> statement-breakpoint
CREATE TRIGGER `event_participants_network_delete` AFTER DELETE ON `event_participants`
  WHEN (SELECT archived_at IS NULL FROM events WHERE id = old.event_id)
    AND NOT EXISTS (SELECT 1 FROM event_participants WHERE event_id = old.event_id AND actor_id = old.actor_id) BEGIN
  UPDATE actor_event_counts SET event_count = event_count - 1 WHERE actor_id = old.actor_id;
  DELETE FROM actor_event_counts WHERE event_count = 0;
  UPDATE actor_pair_counts SET weight = weight - 1
    WHERE (actor_id, other_id) IN (SELECT DISTINCT min(old.actor_id, actor_id), max(old.actor_id, actor_id) FROM event_participants WHERE event_id = old.event_id AND actor_id <> old.actor_id);
  DELETE FROM actor_pair_counts WHERE weight = 0;
  UPDATE actor_pair_counts SET first_date = (SELECT min(e.date_earliest) FROM event_participants a JOIN event_participants b ON b.event_id = a.event_id AND b.actor_id = actor_pair_counts.other_id JOIN events e ON e.id = a.event_id AND e.archived_at IS NULL WHERE a.actor_id = actor_pair_counts.actor_id AND e.id <> old.event_id),
      last_date = (SELECT max(e.date_latest) FROM event_participants a JOIN event_participants b ON b.event_id = a.event_id AND b.actor_id = actor_pair_counts.other_id JOIN events e ON e.id = a.event_id AND e.archived_at IS NULL WHERE a.actor_id = actor_pair_counts.actor_id AND e.id <> old.event_id)
    WHERE (actor_id, other_id) IN (SELECT min(old.actor_id, actor_id), max(old.actor_id, actor_id) FROM event_participants WHERE event_id = old.event_id AND actor_id <> old.actor_id)
      AND (first_date = (SELECT date_earliest FROM events WHERE id = old.event_id) OR last_date = (SELECT date_latest FROM events WHERE id = old.event_id));
END;
--> statement-breakpoint
-- A live event deleted: its participants go by cascade after the row, when their own trigger no longer finds the event.
CREATE TRIGGER `events_network_delete` BEFORE DELETE ON `events` WHEN old.archived_at IS NULL BEGIN
  UPDATE actor_event_counts SET event_count = event_count - 1
    WHERE actor_id IN (SELECT actor_id FROM event_participants WHERE event_id = old.id);
  DELETE FROM actor_event_counts WHERE event_count = 0;
  UPDATE actor_pair_counts SET weight = weight - 1 WHERE (actor_id, other_id) IN (SELECT a.actor_id, b.actor_id FROM event_participants a JOIN event_participants b ON b.event_id = a.event_id AND b.actor_id > a.actor_id WHERE a.event_id = old.id);
  DELETE FROM actor_pair_counts WHERE weight = 0;
  UPDATE actor_pair_counts SET first_date = (SELECT min(e.date_earliest) FROM event_participants a JOIN event_participants b ON b.event_id = a.event_id AND b.actor_id = actor_pair_counts.other_id JOIN events e ON e.id = a.event_id AND e.archived_at IS NULL WHERE a.actor_id = actor_pair_counts.actor_id AND e.id <> old.id),
      last_date = (SELECT max(e.date_latest) FROM event_participants a JOIN event_participants b ON b.event_id = a.event_id AND b.actor_id = actor_pair_counts.other_id JOIN events e ON e.id = a.event_id AND e.archived_at IS NULL WHERE a.actor_id = actor_pair_counts.actor_id AND e.id <> old.id)
    WHERE (actor_id, other_id) IN (SELECT a.actor_id, b.actor_id FROM event_participants a JOIN event_participants b ON b.event_id = a.event_id AND b.actor_id > a.actor_id WHERE a.event_id = old.id) AND (first_date = old.date_earliest OR last_date = old.date_latest);
END;
--> statement-breakpoint
CREATE TRIGGER `events_network_archive` AFTER UPDATE OF archived_at ON `events`
  WHEN (old.archived_at IS NULL) <> (new.archived_at IS NULL) BEGIN
  UPDATE actor_event_counts SET event_count = event_count - 1
    WHERE actor_id IN (SELECT actor_id FROM event_participants WHERE event_id = new.id) AND new.archived_at IS NOT NULL;
  DELETE FROM actor_event_counts WHERE event_count = 0;
  UPDATE actor_pair_counts SET weight = weight - 1 WHERE (actor_id, other_id) IN (SELECT a.actor_id, b.actor_id FROM event_participants a JOIN event_participants b ON b.event_id = a.event_id AND b.actor_id > a.actor_id WHERE a.event_id = new.id) AND new.archived_at IS NOT NULL;
  DELETE FROM actor_pair_counts WHERE weight = 0;
  UPDATE actor_pair_counts SET first_date = (SELECT min(e.date_earliest) FROM event_participants a JOIN event_participants b ON b.event_id = a.event_id AND b.actor_id = actor_pair_counts.other_id JOIN events e ON e.id = a.event_id AND e.archived_at IS NULL WHERE a.actor_id = actor_pair_counts.actor_id AND e.id <> new.id),
      last_date = (SELECT max(e.date_latest) FROM event_participants a JOIN event_participants b ON b.event_id = a.event_id AND b.actor_id = actor_pair_counts.other_id JOIN events e ON e.id = a.event_id AND e.archived_at IS NULL WHERE a.actor_id = actor_pair_counts.actor_id AND e.id <> new.id)
    WHERE (actor_id, other_id) IN (SELECT a.actor_id, b.actor_id FROM event_participants a JOIN event_participants b ON b.event_id = a.event_id AND b.actor_id > a.actor_id WHERE a.event_id = new.id) AND (first_date = old.date_earliest OR last_date = old.date_latest) AND new.archived_at IS NOT NULL;
  INSERT INTO actor_event_counts(actor_id, event_count)
    SELECT DISTINCT actor_id, 1 FROM event_participants WHERE event_id = new.id AND new.archived_at IS NULL
    ON CONFLICT(actor_id) DO UPDATE SET event_count = event_count + 1;
  INSERT INTO actor_pair_counts(actor_id, other_id, weight, first_date, last_date)
    SELECT DISTINCT a.actor_id, b.actor_id, 1, new.date_earliest, new.date_latest
    FROM event_participants a JOIN event_participants b ON b.event_id = a.event_id AND b.actor_id > a.actor_id
    WHERE a.event_id = new.id AND new.archived_at IS NULL
    ON CONFLICT(actor_id, other_id) DO UPDATE SET weight = weight + 1,
      first_date = min(first_date, excluded.first_date), last_date = max(last_date, excluded.last_date);
END;
--> statement-breakpoint
CREATE TRIGGER `events_network_dates` AFTER UPDATE OF date_earliest, date_latest ON `events`
  WHEN old.archived_at IS NULL AND new.archived_at IS NULL
    AND (old.date_earliest <> new.date_earliest OR old.date_latest <> new.date_latest) BEGIN
  UPDATE actor_pair_counts SET
      first_date = CASE WHEN first_date = old.date_earliest
        THEN min(coalesce((SELECT min(e.date_earliest) FROM event_participants a JOIN event_participants b ON b.event_id = a.event_id AND b.actor_id = actor_pair_counts.other_id JOIN events e ON e.id = a.event_id AND e.archived_at IS NULL WHERE a.actor_id = actor_pair_counts.actor_id AND e.id <> new.id), new.date_earliest), new.date_earliest)
        ELSE min(first_date, new.date_earliest) END,
      last_date = CASE WHEN last_date = old.date_latest
        THEN max(coalesce((SELECT max(e.date_latest) FROM event_participants a JOIN event_participants b ON b.event_id = a.event_id AND b.actor_id = actor_pair_counts.other_id JOIN events e ON e.id = a.event_id AND e.archived_at IS NULL WHERE a.actor_id = actor_pair_counts.actor_id AND e.id <> new.id), new.date_latest), new.date_latest)
        ELSE max(last_date, new.date_latest) END
    WHERE (actor_id, other_id) IN (SELECT a.actor_id, b.actor_id FROM event_participants a JOIN event_participants b ON b.event_id = a.event_id AND b.actor_id > a.actor_id WHERE a.event_id = new.id);
END;
--> statement-breakpoint
INSERT INTO actor_event_counts(actor_id, event_count)
  SELECT p.actor_id, count(DISTINCT p.event_id) FROM event_participants p JOIN events e ON e.id = p.event_id AND e.archived_at IS NULL
  GROUP BY p.actor_id;
--> statement-breakpoint
INSERT INTO actor_pair_counts(actor_id, other_id, weight, first_date, last_date)
  SELECT a.actor_id, b.actor_id, count(DISTINCT a.event_id), min(e.date_earliest), max(e.date_latest)
  FROM event_participants a JOIN event_participants b ON b.event_id = a.event_id AND b.actor_id > a.actor_id
  JOIN events e ON e.id = a.event_id AND e.archived_at IS NULL
  GROUP BY a.actor_id, b.actor_id;
