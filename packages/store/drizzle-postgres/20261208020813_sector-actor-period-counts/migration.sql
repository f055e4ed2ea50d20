CREATE TABLE "actor_period_counts" (
	"actor_id" integer,
	"period" text COLLATE "C",
	"kind" text COLLATE "C",
	"count" integer NOT NULL,
	CONSTRAINT "actor_period_counts_pkey" PRIMARY KEY("actor_id","period","kind")
);
--> statement-breakpoint
CREATE TABLE "sector_period_counts" (
	"sector" text COLLATE "C",
	"period" text COLLATE "C",
	"kind" text COLLATE "C",
	"count" integer NOT NULL,
	CONSTRAINT "sector_period_counts_pkey" PRIMARY KEY("sector","period","kind")
);
--> statement-breakpoint
-- The sector and actor period totals of SQLite's sector-actor-period-counts migration, as plpgsql over
-- transition tables like the totals migration (statement-level triggers see every row of the
-- statement, so they tell what it added from what was there before). An event counts once in each of
-- its sectors, and once for each actor whatever roles the actor holds in it; rows whose count falls
-- to 0 stay. A deleted live event is taken out BEFORE the row goes: its sectors and participants go
-- by cascade after it, when their own triggers no longer find the event.
CREATE FUNCTION event_sectors_period_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO sector_period_counts AS c (sector, period, kind, count)
    SELECT a.sector, event_period(e.date_earliest, e.date_latest), e.kind, count(*)
    FROM added a JOIN events e ON e.id = a.event_id AND e.archived_at IS NULL GROUP BY 1, 2, 3
    ON CONFLICT (sector, period, kind) DO UPDATE SET count = c.count + excluded.count;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER event_sectors_period_counts_insert AFTER INSERT ON event_sectors
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION event_sectors_period_counts_insert();
--> statement-breakpoint
CREATE FUNCTION event_sectors_period_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE sector_period_counts c SET count = c.count - gone.n
    FROM (SELECT r.sector, event_period(e.date_earliest, e.date_latest) AS period, e.kind, count(*) AS n
          FROM removed r JOIN events e ON e.id = r.event_id AND e.archived_at IS NULL GROUP BY 1, 2, 3) gone
    WHERE c.sector = gone.sector AND c.period = gone.period AND c.kind = gone.kind;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER event_sectors_period_counts_delete AFTER DELETE ON event_sectors
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION event_sectors_period_counts_delete();
--> statement-breakpoint
-- A sector row moved to another sector or event (the store replaces rows; this keeps any other writer honest).
CREATE FUNCTION event_sectors_period_counts_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO sector_period_counts AS c (sector, period, kind, count)
    SELECT sector, period, kind, sum(n) FROM (
      SELECT r.sector, event_period(e.date_earliest, e.date_latest) AS period, e.kind, -1 AS n
        FROM removed r JOIN events e ON e.id = r.event_id AND e.archived_at IS NULL
      UNION ALL
      SELECT a.sector, event_period(e.date_earliest, e.date_latest), e.kind, 1 FROM added a JOIN events e ON e.id = a.event_id AND e.archived_at IS NULL
    ) changes GROUP BY sector, period, kind HAVING sum(n) <> 0
    ON CONFLICT (sector, period, kind) DO UPDATE SET count = c.count + excluded.count;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER event_sectors_period_counts_update AFTER UPDATE ON event_sectors
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION event_sectors_period_counts_update();
--> statement-breakpoint
-- Participants added to live events: an actor counts when the statement put it in an event it was in
-- no row of before (the rule of event_participants_network_insert).
CREATE FUNCTION event_participants_period_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO actor_period_counts AS c (actor_id, period, kind, count)
    SELECT g.actor_id, event_period(e.date_earliest, e.date_latest), e.kind, count(*) FROM (
      SELECT DISTINCT n.event_id, n.actor_id FROM added n
      WHERE NOT EXISTS (
        SELECT 1 FROM event_participants p
        WHERE p.event_id = n.event_id AND p.actor_id = n.actor_id
          AND NOT EXISTS (SELECT 1 FROM added o WHERE o.event_id = p.event_id AND o.actor_id = p.actor_id AND o.role = p.role))
    ) g JOIN events e ON e.id = g.event_id AND e.archived_at IS NULL GROUP BY 1, 2, 3
    ON CONFLICT (actor_id, period, kind) DO UPDATE SET count = c.count + excluded.count;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER event_participants_period_counts_insert AFTER INSERT ON event_participants
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION event_participants_period_counts_insert();
--> statement-breakpoint
-- Participants removed from live events: an actor loses the event when no row of it is left there.
CREATE FUNCTION event_participants_period_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE actor_period_counts c SET count = c.count - gone.n
    FROM (SELECT l.actor_id, event_period(e.date_earliest, e.date_latest) AS period, e.kind, count(*) AS n FROM (
            SELECT DISTINCT r.event_id, r.actor_id FROM removed r
            WHERE NOT EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = r.event_id AND p.actor_id = r.actor_id)
          ) l JOIN events e ON e.id = l.event_id AND e.archived_at IS NULL GROUP BY 1, 2, 3) gone
    WHERE c.actor_id = gone.actor_id AND c.period = gone.period AND c.kind = gone.kind;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER event_participants_period_counts_delete AFTER DELETE ON event_participants
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION event_participants_period_counts_delete();
--> statement-breakpoint
CREATE FUNCTION events_sector_actor_period_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE sector_period_counts SET count = count - 1
    WHERE period = event_period(OLD.date_earliest, OLD.date_latest) AND kind = OLD.kind AND sector IN (SELECT s.sector FROM event_sectors s WHERE s.event_id = OLD.id);
  UPDATE actor_period_counts SET count = count - 1
    WHERE period = event_period(OLD.date_earliest, OLD.date_latest) AND kind = OLD.kind AND actor_id IN (SELECT p.actor_id FROM event_participants p WHERE p.event_id = OLD.id);
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER events_sector_actor_period_counts_delete BEFORE DELETE ON events
  FOR EACH ROW WHEN (OLD.archived_at IS NULL) EXECUTE FUNCTION events_sector_actor_period_counts_delete();
--> statement-breakpoint
-- Every update of events (a trigger with transition tables cannot name columns): rows whose period,
-- kind and liveness did not change net out.
CREATE FUNCTION events_sector_actor_period_counts_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO sector_period_counts AS c (sector, period, kind, count)
    SELECT sector, period, kind, sum(n) FROM (
      SELECT s.sector, event_period(r.date_earliest, r.date_latest) AS period, r.kind, -1 AS n
        FROM removed r JOIN event_sectors s ON s.event_id = r.id WHERE r.archived_at IS NULL
      UNION ALL
      SELECT s.sector, event_period(a.date_earliest, a.date_latest), a.kind, 1 FROM added a JOIN event_sectors s ON s.event_id = a.id WHERE a.archived_at IS NULL
    ) changes GROUP BY sector, period, kind HAVING sum(n) <> 0
    ON CONFLICT (sector, period, kind) DO UPDATE SET count = c.count + excluded.count;
  INSERT INTO actor_period_counts AS c (actor_id, period, kind, count)
    SELECT actor_id, period, kind, sum(n) FROM (
      SELECT DISTINCT p.actor_id, r.id, event_period(r.date_earliest, r.date_latest) AS period, r.kind, -1 AS n
        FROM removed r JOIN event_participants p ON p.event_id = r.id WHERE r.archived_at IS NULL
      UNION ALL
      SELECT DISTINCT p.actor_id, a.id, event_period(a.date_earliest, a.date_latest), a.kind, 1 FROM added a JOIN event_participants p ON p.event_id = a.id WHERE a.archived_at IS NULL
    ) changes GROUP BY actor_id, period, kind HAVING sum(n) <> 0
    ON CONFLICT (actor_id, period, kind) DO UPDATE SET count = c.count + excluded.count;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER events_sector_actor_period_counts_update AFTER UPDATE ON events
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION events_sector_actor_period_counts_update();
--> statement-breakpoint
INSERT INTO sector_period_counts (sector, period, kind, count)
  SELECT s.sector, event_period(e.date_earliest, e.date_latest), e.kind, count(*) FROM event_sectors s JOIN events e ON e.id = s.event_id AND e.archived_at IS NULL
  GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO actor_period_counts (actor_id, period, kind, count)
  SELECT p.actor_id, event_period(e.date_earliest, e.date_latest), e.kind, count(DISTINCT p.event_id) FROM event_participants p JOIN events e ON e.id = p.event_id AND e.archived_at IS NULL
  GROUP BY 1, 2, 3;
