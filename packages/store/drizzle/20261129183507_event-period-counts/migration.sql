CREATE TABLE `event_period_counts` (
	`period` text NOT NULL,
	`kind` text NOT NULL,
	`count` integer NOT NULL,
	CONSTRAINT `event_period_counts_pk` PRIMARY KEY(`period`, `kind`)
);;
--> statement-breakpoint
-- Kept in step with events by triggers, in the writing transaction, like the search indexes.
-- The period expression must match PERIOD_SQL in src/queries/stats.ts.
CREATE TRIGGER `events_period_count_insert` AFTER INSERT ON `events` WHEN new.archived_at IS NULL BEGIN
  INSERT INTO event_period_counts(period, kind, count) VALUES (CASE WHEN substr(new.date_earliest, 1, 4) = substr(new.date_latest, 1, 4) THEN substr(new.date_earliest, 1, 4) ELSE new.date_earliest || '/' || new.date_latest END, new.kind, 1)
    ON CONFLICT(period, kind) DO UPDATE SET count = count + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `events_period_count_delete` AFTER DELETE ON `events` WHEN old.archived_at IS NULL BEGIN
  UPDATE event_period_counts SET count = count - 1 WHERE period = CASE WHEN substr(old.date_earliest, 1, 4) = substr(old.date_latest, 1, 4) THEN substr(old.date_earliest, 1, 4) ELSE old.date_earliest || '/' || old.date_latest END AND kind = old.kind;
END;
--> statement-breakpoint
CREATE TRIGGER `events_period_count_update` AFTER UPDATE OF date_earliest, date_latest, kind, archived_at ON `events` BEGIN
  UPDATE event_period_counts SET count = count - 1
    WHERE old.archived_at IS NULL AND period = CASE WHEN substr(old.date_earliest, 1, 4) = substr(old.date_latest, 1, 4) THEN substr(old.date_earliest, 1, 4) ELSE old.date_earliest || '/' || old.date_latest END AND kind = old.kind;
  INSERT INTO event_period_counts(period, kind, count) SELECT CASE WHEN substr(new.date_earliest, 1, 4) = substr(new.date_latest, 1, 4) THEN substr(new.date_earliest, 1, 4) ELSE new.date_earliest || '/' || new.date_latest END, new.kind, 1 WHERE new.archived_at IS NULL
    ON CONFLICT(period, kind) DO UPDATE SET count = count + 1;
END;
--> statement-breakpoint
INSERT INTO event_period_counts(period, kind, count)
  SELECT CASE WHEN substr(events.date_earliest, 1, 4) = substr(events.date_latest, 1, 4) THEN substr(events.date_earliest, 1, 4) ELSE events.date_earliest || '/' || events.date_latest END, kind, count(*) FROM events WHERE archived_at IS NULL GROUP BY 1, 2;
