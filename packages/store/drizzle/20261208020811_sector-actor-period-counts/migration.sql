CREATE TABLE `actor_period_counts` (
	`actor_id` integer NOT NULL,
	`period` text NOT NULL,
	`kind` text NOT NULL,
	`count` integer NOT NULL,
	CONSTRAINT `actor_period_counts_pk` PRIMARY KEY(`actor_id`, `period`, `kind`)
);
--> statement-breakpoint
CREATE TABLE `sector_period_counts` (
	`sector` text NOT NULL,
	`period` text NOT NULL,
	`kind` text NOT NULL,
	`count` integer NOT NULL,
	CONSTRAINT `sector_period_counts_pk` PRIMARY KEY(`sector`, `period`, `kind`)
);

--> statement-breakpoint
-- Kept in step with events, sectors and participants by triggers, in the writing transaction, like
-- event_period_counts (the same period expression, PERIOD_SQL in src/queries/stats.ts). An event counts
-- once in each of its sectors, and once for each actor whatever roles the actor holds in it. Rows whose
-- count falls to 0 stay. A deleted live event is taken out BEFORE the row goes: its sectors and
-- participants go by cascade after it, when their own triggers no longer find the event.
CREATE TRIGGER `event_sectors_period_count_insert` AFTER INSERT ON `event_sectors` BEGIN
  INSERT INTO sector_period_counts(sector, period, kind, count)
    SELECT new.sector, CASE WHEN substr(e.date_earliest, 1, 4) = substr(e.date_latest, 1, 4) THEN substr(e.date_earliest, 1, 4) ELSE e.date_earliest || '/' || e.date_latest END, e.kind, 1 FROM events e WHERE e.id = new.event_id AND e.archived_at IS NULL
    ON CONFLICT(sector, period, kind) DO UPDATE SET count = count + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `event_sectors_period_count_delete` AFTER DELETE ON `event_sectors` BEGIN
  UPDATE sector_period_counts SET count = count - 1 WHERE sector = old.sector
    AND (period, kind) = (SELECT CASE WHEN substr(e.date_earliest, 1, 4) = substr(e.date_latest, 1, 4) THEN substr(e.date_earliest, 1, 4) ELSE e.date_earliest || '/' || e.date_latest END, e.kind FROM events e WHERE e.id = old.event_id AND e.archived_at IS NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `event_sectors_period_count_update` AFTER UPDATE OF event_id, sector ON `event_sectors`
  WHEN new.event_id <> old.event_id OR new.sector <> old.sector BEGIN
  UPDATE sector_period_counts SET count = count - 1 WHERE sector = old.sector
    AND (period, kind) = (SELECT CASE WHEN substr(e.date_earliest, 1, 4) = substr(e.date_latest, 1, 4) THEN substr(e.date_earliest, 1, 4) ELSE e.date_earliest || '/' || e.date_latest END, e.kind FROM events e WHERE e.id = old.event_id AND e.archived_at IS NULL);
  INSERT INTO sector_period_counts(sector, period, kind, count)
    SELECT new.sector, CASE WHEN substr(e.date_earliest, 1, 4) = substr(e.date_latest, 1, 4) THEN substr(e.date_earliest, 1, 4) ELSE e.date_earliest || '/' || e.date_latest END, e.kind, 1 FROM events e WHERE e.id = new.event_id AND e.archived_at IS NULL
    ON CONFLICT(sector, period, kind) DO UPDATE SET count = count + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `event_participants_period_count_insert` AFTER INSERT ON `event_participants`
  WHEN NOT EXISTS (SELECT 1 FROM event_participants WHERE event_id = new.event_id AND actor_id = new.actor_id AND role <> new.role) BEGIN
  INSERT INTO actor_period_counts(actor_id, period, kind, count)
    SELECT new.actor_id, CASE WHEN substr(e.date_earliest, 1, 4) = substr(e.date_latest, 1, 4) THEN substr(e.date_earliest, 1, 4) ELSE e.date_earliest || '/' || e.date_latest END, e.kind, 1 FROM events e WHERE e.id = new.event_id AND e.archived_at IS NULL
    ON CONFLICT(actor_id, period, kind) DO UPDATE SET count = count + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `event_participants_period_count_delete` AFTER DELETE ON `event_participants`
  WHEN NOT EXISTS (SELECT 1 FROM event_participants WHERE event_id = old.event_id AND actor_id = old.actor_id) BEGIN
  UPDATE actor_period_counts SET count = count - 1 WHERE actor_id = old.actor_id
    AND (period, kind) = (SELECT CASE WHEN substr(e.date_earliest, 1, 4) = substr(e.date_latest, 1, 4) THEN substr(e.date_earliest, 1, 4) ELSE e.date_earliest || '/' || e.date_latest END, e.kind FROM events e WHERE e.id = old.event_id AND e.archived_at IS NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `events_sector_actor_period_count_delete` BEFORE DELETE ON `events` WHEN old.archived_at IS NULL BEGIN
  UPDATE sector_period_counts SET count = count - 1
    WHERE period = CASE WHEN substr(old.date_earliest, 1, 4) = substr(old.date_latest, 1, 4) THEN substr(old.date_earliest, 1, 4) ELSE old.date_earliest || '/' || old.date_latest END AND kind = old.kind AND sector IN (SELECT sector FROM event_sectors WHERE event_id = old.id);
  UPDATE actor_period_counts SET count = count - 1
    WHERE period = CASE WHEN substr(old.date_earliest, 1, 4) = substr(old.date_latest, 1, 4) THEN substr(old.date_earliest, 1, 4) ELSE old.date_earliest || '/' || old.date_latest END AND kind = old.kind AND actor_id IN (SELECT actor_id FROM event_participants WHERE event_id = old.id);
END;
--> statement-breakpoint
CREATE TRIGGER `events_sector_actor_period_count_update` AFTER UPDATE OF date_earliest, date_latest, kind, archived_at ON `events` BEGIN
  UPDATE sector_period_counts SET count = count - 1
    WHERE old.archived_at IS NULL AND period = CASE WHEN substr(old.date_earliest, 1, 4) = substr(old.date_latest, 1, 4) THEN substr(old.date_earliest, 1, 4) ELSE old.date_earliest || '/' || old.date_latest END AND kind = old.kind AND sector IN (SELECT sector FROM event_sectors WHERE event_id = new.id);
  INSERT INTO sector_period_counts(sector, period, kind, count)
    SELECT sector, CASE WHEN substr(new.date_earliest, 1, 4) = substr(new.date_latest, 1, 4) THEN substr(new.date_earliest, 1, 4) ELSE new.date_earliest || '/' || new.date_latest END, new.kind, 1 FROM event_sectors WHERE event_id = new.id AND new.archived_at IS NULL
    ON CONFLICT(sector, period, kind) DO UPDATE SET count = count + 1;
  UPDATE actor_period_counts SET count = count - 1
    WHERE old.archived_at IS NULL AND period = CASE WHEN substr(old.date_earliest, 1, 4) = substr(old.date_latest, 1, 4) THEN substr(old.date_earliest, 1, 4) ELSE old.date_earliest || '/' || old.date_latest END AND kind = old.kind AND actor_id IN (SELECT actor_id FROM event_participants WHERE event_id = new.id);
  INSERT INTO actor_period_counts(actor_id, period, kind, count)
    SELECT DISTINCT actor_id, CASE WHEN substr(new.date_earliest, 1, 4) = substr(new.date_latest, 1, 4) THEN substr(new.date_earliest, 1, 4) ELSE new.date_earliest || '/' || new.date_latest END, new.kind, 1 FROM event_participants WHERE event_id = new.id AND new.archived_at IS NULL
    ON CONFLICT(actor_id, period, kind) DO UPDATE SET count = count + 1;
END;
--> statement-breakpoint
INSERT INTO sector_period_counts(sector, period, kind, count)
  SELECT s.sector, CASE WHEN substr(e.date_earliest, 1, 4) = substr(e.date_latest, 1, 4) THEN substr(e.date_earliest, 1, 4) ELSE e.date_earliest || '/' || e.date_latest END, e.kind, count(*) FROM event_sectors s JOIN events e ON e.id = s.event_id AND e.archived_at IS NULL
  WHERE true GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO actor_period_counts(actor_id, period, kind, count)
  SELECT p.actor_id, CASE WHEN substr(e.date_earliest, 1, 4) = substr(e.date_latest, 1, 4) THEN substr(e.date_earliest, 1, 4) ELSE e.date_earliest || '/' || e.date_latest END, e.kind, count(DISTINCT p.event_id) FROM event_participants p JOIN events e ON e.id = p.event_id AND e.archived_at IS NULL
  WHERE true GROUP BY 1, 2, 3;
