-- The newest matches of a search among live events, each with its ts_rank score negated (lower is better),
-- for the search's ranking (src/postgres-store/search.ts takes the newest `wanted` of what this returns).
-- The GIN index says which events match but not in which order, so ordering every match by ID visits
-- each match's row (36,000 pages for a word in 4% of a million events), and walking the primary key
-- backwards tests every event until enough match (230,000 for the same word). Instead the events are
-- read a window of IDs at a time, from the newest down, each window sized to hold 15% more matches than
-- still wanted: the first from the planner's estimate of how many events match (at most 32 times the
-- number wanted, as a phrase's estimate can be far too low), the next ones from the matches the windows
-- read so far held, until `wanted` are found or the oldest event is read. Every live match with an ID
-- from the last window's lower end up is returned, so the newest `wanted` of them are the newest overall.
-- A window where matches are expected to be sparse (under one event in 16) is read through the GIN
-- bitmap ANDed with the primary key's, so only its matches are visited and ranked: index scans are off
-- for it, as on a range of IDs the planner otherwise walks the primary key testing every event. A dense
-- window walks the primary key backwards, testing the few events it holds, rather than building the
-- bitmap of every match in the table (at a million events, for `energ*`, in 8% of them, the two took
-- about as long; for `pipeline`, in 4%, the walk twice as long). The SET clause restores the caller's
-- setting at exit. STABLE, so every window is read in the snapshot of the statement that calls it, as
-- one query would be: a write committing meanwhile is seen in all windows or none. The estimate is
-- read by live_events_matching_estimate, VOLATILE only because EXPLAIN is refused in a STABLE
-- function; it writes nothing.
CREATE FUNCTION live_events_matching_estimate(query tsquery) RETURNS float8 LANGUAGE plpgsql VOLATILE STRICT AS $$
DECLARE
  plan json;
BEGIN
  EXECUTE 'EXPLAIN (FORMAT JSON) SELECT 1 FROM events WHERE archived_at IS NULL AND search @@ $1' INTO plan USING query;
  RETURN (plan->0->'Plan'->>'Plan Rows')::float8;
END $$;
--> statement-breakpoint
CREATE FUNCTION newest_event_matches(query tsquery, weights float4[], wanted integer)
RETURNS TABLE (id integer, score float8) LANGUAGE plpgsql STABLE STRICT SET enable_indexscan = on AS $$
DECLARE
  newest integer;
  oldest integer;
  upper bigint;
  lower bigint;
  width float8;
  found integer := 0;
  got integer;
BEGIN
  SELECT max(e.id), min(e.id) INTO newest, oldest FROM events e;
  IF newest IS NULL OR wanted <= 0 THEN RETURN; END IF;
  width := least(
    1.15 * wanted * (newest::float8 - oldest + 1) / greatest(live_events_matching_estimate(query), 1),
    32.0 * wanted);
  upper := newest::bigint + 1;
  LOOP
    lower := greatest(upper - ceil(width)::bigint, oldest);
    IF width <= 16 * 1.15 * (wanted - found) THEN
      PERFORM set_config('enable_indexscan', 'on', true);
      RETURN QUERY EXECUTE
        'SELECT e.id, (-ts_rank($1, e.search, $2, 1))::float8 FROM events e'
        ' WHERE e.archived_at IS NULL AND e.search @@ $2 AND e.id >= $3 AND e.id < $4 ORDER BY e.id DESC LIMIT $5'
        USING weights, query, lower::integer, upper, wanted - found;
    ELSE
      PERFORM set_config('enable_indexscan', 'off', true);
      RETURN QUERY EXECUTE
        'SELECT e.id, (-ts_rank($1, e.search, $2, 1))::float8 FROM events e'
        ' WHERE e.archived_at IS NULL AND e.search @@ $2 AND e.id >= $3 AND e.id < $4'
        USING weights, query, lower::integer, upper;
    END IF;
    GET DIAGNOSTICS got = ROW_COUNT;
    found := found + got;
    EXIT WHEN found >= wanted OR lower <= oldest;
    width := 1.15 * (wanted - found) * (newest::float8 + 1 - lower) / greatest(found, 1);
    upper := lower;
  END LOOP;
END $$;
