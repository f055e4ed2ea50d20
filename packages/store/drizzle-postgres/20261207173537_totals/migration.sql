-- The trigger-kept totals of SQLite's event-period-counts and actor-network-counts migrations, as
-- plpgsql: the same tables mean the same thing after any sequence of writes (a test compares them
-- with a count from scratch). Written in the writing transaction, like the search vectors.
--
-- Where the mechanism differs from SQLite's: SQLite runs an AFTER ROW trigger right after each row,
-- PostgreSQL runs them all at the end of the statement, when every row of it is visible. So triggers
-- that must tell what a statement added from what was there before (participants, period counts) are
-- statement-level triggers over transition tables, and count a many-row statement once per row.
--
-- The period of an event: its year when its date lies within one year, else its span. Must match
-- PERIOD_SQL in src/queries/stats.ts (SQLite) and the PostgreSQL statistics that read this table.
CREATE FUNCTION event_period(date_earliest text, date_latest text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN CASE
    WHEN substr(date_earliest, 1, 4) = substr(date_latest, 1, 4) THEN substr(date_earliest, 1, 4)
    ELSE date_earliest || '/' || date_latest
  END;
--> statement-breakpoint
-- Live events by period and kind. As on SQLite, a row whose count falls to 0 stays.
CREATE FUNCTION events_period_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO event_period_counts AS c (period, kind, count)
    SELECT event_period(date_earliest, date_latest), kind, count(*) FROM added WHERE archived_at IS NULL GROUP BY 1, 2
    ON CONFLICT (period, kind) DO UPDATE SET count = c.count + excluded.count;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER events_period_counts_insert AFTER INSERT ON events
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION events_period_counts_insert();
--> statement-breakpoint
CREATE FUNCTION events_period_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE event_period_counts c SET count = c.count - gone.n
    FROM (SELECT event_period(date_earliest, date_latest) AS period, kind, count(*) AS n
          FROM removed WHERE archived_at IS NULL GROUP BY 1, 2) gone
    WHERE c.period = gone.period AND c.kind = gone.kind;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER events_period_counts_delete AFTER DELETE ON events
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION events_period_counts_delete();
--> statement-breakpoint
-- A trigger with transition tables cannot name columns (UPDATE OF), so this one sees every update of
-- events and nets out the rows whose period, kind and liveness did not change.
CREATE FUNCTION events_period_counts_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO event_period_counts AS c (period, kind, count)
    SELECT period, kind, sum(n) FROM (
      SELECT event_period(date_earliest, date_latest) AS period, kind, -1 AS n FROM removed WHERE archived_at IS NULL
      UNION ALL
      SELECT event_period(date_earliest, date_latest), kind, 1 FROM added WHERE archived_at IS NULL
    ) changes GROUP BY period, kind HAVING sum(n) <> 0
    ON CONFLICT (period, kind) DO UPDATE SET count = c.count + excluded.count;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER events_period_counts_update AFTER UPDATE ON events
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION events_period_counts_update();
--> statement-breakpoint
-- The actor network. An actor counts once per live event whatever roles it holds; a pair
-- (actor_id < other_id) counts once per live event both took part in, with the min/max of those
-- events' earliest/latest days. An added event can only widen a pair's dates; when an event on the
-- boundary goes, the boundary is read again from the pair's other shared live events (an index walk
-- over one actor's participations), for that pair only.
--
-- A pair's dates read again from its shared live events other than `except_event`.
CREATE FUNCTION pair_dates(actor_id integer, other_id integer, except_event integer, OUT first_date text, OUT last_date text)
  LANGUAGE sql STABLE AS $$
  SELECT min(e.date_earliest), max(e.date_latest)
  FROM event_participants a
  JOIN event_participants b ON b.event_id = a.event_id AND b.actor_id = pair_dates.other_id
  JOIN events e ON e.id = a.event_id AND e.archived_at IS NULL
  WHERE a.actor_id = pair_dates.actor_id AND e.id IS DISTINCT FROM except_event
$$;
--> statement-breakpoint
-- The pairs of actors of one event (each pair once, whatever roles they hold).
CREATE FUNCTION event_pairs(event integer, OUT actor_id integer, OUT other_id integer) RETURNS SETOF record
  LANGUAGE sql STABLE AS $$
  SELECT DISTINCT a.actor_id, b.actor_id FROM event_participants a
  JOIN event_participants b ON b.event_id = a.event_id AND b.actor_id > a.actor_id WHERE a.event_id = event
$$;
--> statement-breakpoint
-- A live event leaves the network (deleted or archived) with the dates it had: its actors and pairs
-- lose one event, and pairs whose dates it bounded read them again without it.
CREATE FUNCTION network_remove_event(event integer, date_earliest text, date_latest text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE actor_event_counts SET event_count = event_count - 1
    WHERE actor_id IN (SELECT p.actor_id FROM event_participants p WHERE p.event_id = event);
  DELETE FROM actor_event_counts
    WHERE event_count = 0 AND actor_id IN (SELECT p.actor_id FROM event_participants p WHERE p.event_id = event);
  UPDATE actor_pair_counts c SET weight = c.weight - 1
    FROM event_pairs(event) p WHERE c.actor_id = p.actor_id AND c.other_id = p.other_id;
  DELETE FROM actor_pair_counts c USING event_pairs(event) p
    WHERE c.actor_id = p.actor_id AND c.other_id = p.other_id AND c.weight = 0;
  -- In a statement that archives several events, each row's trigger runs once all are archived: a
  -- pair may then have no live shared event left while its count still waits for the other rows'
  -- triggers, which take it to 0 and delete it. Until then it keeps its dates.
  UPDATE actor_pair_counts c SET (first_date, last_date) = (
      SELECT coalesce(d.first_date, c.first_date), coalesce(d.last_date, c.last_date)
      FROM pair_dates(c.actor_id, c.other_id, event) d)
    FROM event_pairs(event) p
    WHERE c.actor_id = p.actor_id AND c.other_id = p.other_id
      AND (c.first_date = network_remove_event.date_earliest OR c.last_date = network_remove_event.date_latest);
END $$;
--> statement-breakpoint
-- A live event joins the network (restored): its actors and pairs gain one event.
CREATE FUNCTION network_add_event(event integer, date_earliest text, date_latest text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO actor_event_counts AS c (actor_id, event_count)
    SELECT DISTINCT p.actor_id, 1 FROM event_participants p WHERE p.event_id = event
    ON CONFLICT (actor_id) DO UPDATE SET event_count = c.event_count + 1;
  INSERT INTO actor_pair_counts AS c (actor_id, other_id, weight, first_date, last_date)
    SELECT p.actor_id, p.other_id, 1, network_add_event.date_earliest, network_add_event.date_latest FROM event_pairs(event) p
    ON CONFLICT (actor_id, other_id) DO UPDATE SET weight = c.weight + 1,
      first_date = least(c.first_date, excluded.first_date), last_date = greatest(c.last_date, excluded.last_date);
END $$;
--> statement-breakpoint
-- A live event is deleted: its participants go by cascade after the row, when their own trigger no
-- longer finds the event, so the event's share is taken out here, while its participants are there.
CREATE FUNCTION events_network_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM network_remove_event(OLD.id, OLD.date_earliest, OLD.date_latest);
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER events_network_delete BEFORE DELETE ON events
  FOR EACH ROW WHEN (OLD.archived_at IS NULL) EXECUTE FUNCTION events_network_delete();
--> statement-breakpoint
-- Archived, restored, or a live event's dates changed.
CREATE FUNCTION events_network_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.archived_at IS NULL AND NEW.archived_at IS NOT NULL THEN
    PERFORM network_remove_event(NEW.id, OLD.date_earliest, OLD.date_latest);
  ELSIF OLD.archived_at IS NOT NULL AND NEW.archived_at IS NULL THEN
    PERFORM network_add_event(NEW.id, NEW.date_earliest, NEW.date_latest);
  ELSIF NEW.archived_at IS NULL
    AND (OLD.date_earliest <> NEW.date_earliest OR OLD.date_latest <> NEW.date_latest) THEN
    UPDATE actor_pair_counts c SET
        first_date = CASE WHEN c.first_date = OLD.date_earliest
          THEN least(coalesce((SELECT d.first_date FROM pair_dates(c.actor_id, c.other_id, NEW.id) d), NEW.date_earliest), NEW.date_earliest)
          ELSE least(c.first_date, NEW.date_earliest) END,
        last_date = CASE WHEN c.last_date = OLD.date_latest
          THEN greatest(coalesce((SELECT d.last_date FROM pair_dates(c.actor_id, c.other_id, NEW.id) d), NEW.date_latest), NEW.date_latest)
          ELSE greatest(c.last_date, NEW.date_latest) END
      FROM event_pairs(NEW.id) p WHERE c.actor_id = p.actor_id AND c.other_id = p.other_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER events_network_update AFTER UPDATE OF archived_at, date_earliest, date_latest ON events
  FOR EACH ROW EXECUTE FUNCTION events_network_update();
--> statement-breakpoint
-- Participant rows are replaced (deleted and inserted), never moved, so moving one is refused rather than miscounted.
CREATE FUNCTION event_participants_network_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'event_participants rows are replaced, not moved: the actor network counts follow inserts and deletes';
END $$;
--> statement-breakpoint
CREATE TRIGGER event_participants_network_move BEFORE UPDATE OF event_id, actor_id ON event_participants
  FOR EACH ROW WHEN (NEW.event_id <> OLD.event_id OR NEW.actor_id <> OLD.actor_id)
  EXECUTE FUNCTION event_participants_network_move();
--> statement-breakpoint
-- Participants added to live events: an actor counts when the statement put it in an event it was
-- in no row of before; a pair counts when one of its actors is such a newcomer (once, if both are).
CREATE FUNCTION event_participants_network_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH gained AS (
    SELECT DISTINCT n.event_id, n.actor_id, e.date_earliest, e.date_latest
    FROM added n JOIN events e ON e.id = n.event_id AND e.archived_at IS NULL
    WHERE NOT EXISTS (
      SELECT 1 FROM event_participants p
      WHERE p.event_id = n.event_id AND p.actor_id = n.actor_id
        AND NOT EXISTS (SELECT 1 FROM added o WHERE o.event_id = p.event_id AND o.actor_id = p.actor_id AND o.role = p.role))
  ), counted AS (
    INSERT INTO actor_event_counts AS c (actor_id, event_count)
      SELECT actor_id, count(*) FROM gained GROUP BY actor_id
      ON CONFLICT (actor_id) DO UPDATE SET event_count = c.event_count + excluded.event_count
  ), pairs AS (
    SELECT DISTINCT least(g.actor_id, p.actor_id) AS actor_id, greatest(g.actor_id, p.actor_id) AS other_id,
      g.event_id, g.date_earliest, g.date_latest
    FROM gained g JOIN event_participants p ON p.event_id = g.event_id AND p.actor_id <> g.actor_id
  )
  INSERT INTO actor_pair_counts AS c (actor_id, other_id, weight, first_date, last_date)
    SELECT actor_id, other_id, count(*), min(date_earliest), max(date_latest) FROM pairs GROUP BY actor_id, other_id
    ON CONFLICT (actor_id, other_id) DO UPDATE SET weight = c.weight + excluded.weight,
      first_date = least(c.first_date, excluded.first_date), last_date = greatest(c.last_date, excluded.last_date);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER event_participants_network_insert AFTER INSERT ON event_participants
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION event_participants_network_insert();
--> statement-breakpoint
-- Participants removed from live events (a deleted event's cascade finds no event and counts nothing):
-- an actor loses the event when no row of it is left there; a pair loses it when one of its actors did.
CREATE FUNCTION event_participants_network_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- One statement: its parts see the same snapshot, so each part changes rows no other part changes
  -- (a count that falls to 0 is deleted, the others are decremented).
  WITH lost AS (
    SELECT DISTINCT r.event_id, r.actor_id, e.date_earliest, e.date_latest
    FROM removed r JOIN events e ON e.id = r.event_id AND e.archived_at IS NULL
    WHERE NOT EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = r.event_id AND p.actor_id = r.actor_id)
  ), actor_losses AS (
    SELECT actor_id, count(*) AS n FROM lost GROUP BY actor_id
  ), emptied_actors AS (
    DELETE FROM actor_event_counts c USING actor_losses l WHERE c.actor_id = l.actor_id AND c.event_count <= l.n
  ), decremented_actors AS (
    UPDATE actor_event_counts c SET event_count = c.event_count - l.n
      FROM actor_losses l WHERE c.actor_id = l.actor_id AND c.event_count > l.n
  ), pair_losses AS (
    -- Each pair once per event, with the lost events' days, to tell whether one bounded the pair's dates.
    SELECT actor_id, other_id, count(*) AS n, array_agg(date_earliest) AS earliest, array_agg(date_latest) AS latest
    FROM (
      SELECT DISTINCT least(l.actor_id, o.actor_id) AS actor_id, greatest(l.actor_id, o.actor_id) AS other_id,
        l.event_id, l.date_earliest, l.date_latest
      FROM lost l JOIN (
        SELECT p.event_id, p.actor_id FROM event_participants p WHERE p.event_id IN (SELECT event_id FROM lost)
        UNION SELECT event_id, actor_id FROM removed
      ) o ON o.event_id = l.event_id AND o.actor_id <> l.actor_id
    ) pairs GROUP BY actor_id, other_id
  ), emptied_pairs AS (
    DELETE FROM actor_pair_counts c USING pair_losses p
      WHERE c.actor_id = p.actor_id AND c.other_id = p.other_id AND c.weight <= p.n
  )
  UPDATE actor_pair_counts c SET weight = c.weight - p.n,
      first_date = CASE WHEN c.first_date = ANY (p.earliest)
        THEN (SELECT d.first_date FROM pair_dates(c.actor_id, c.other_id, NULL) d) ELSE c.first_date END,
      last_date = CASE WHEN c.last_date = ANY (p.latest)
        THEN (SELECT d.last_date FROM pair_dates(c.actor_id, c.other_id, NULL) d) ELSE c.last_date END
    FROM pair_losses p WHERE c.actor_id = p.actor_id AND c.other_id = p.other_id AND c.weight > p.n;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER event_participants_network_delete AFTER DELETE ON event_participants
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION event_participants_network_delete();
