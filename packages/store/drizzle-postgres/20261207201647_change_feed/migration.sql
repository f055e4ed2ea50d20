-- Writes one at a time, in commit order: the change feed across processes and the trigger-kept
-- totals both need it.
--
-- The change feed: every API process LISTENs on `bilateral_changes` and reads the revisions after
-- the last one it delivered (`src/postgres/change-listener.ts`). Revision IDs come from a sequence
-- when the row is inserted, not when its transaction commits: two writers could commit in the other
-- order, and a reader that had seen the later ID would skip the earlier one forever.
--
-- The totals (the totals migration): when an event leaves a pair's date boundary, the trigger reads
-- the pair's other events again; a concurrent writer's event not yet committed is not among them,
-- and its date would be lost. Two writers also meet on the same totals rows in different orders
-- (one pair of actors is in most events), which deadlocks.
--
-- So a transaction takes one lock before it first writes an event, a participant or a revision, and
-- holds it until it commits (a BEFORE STATEMENT trigger, which runs before the rows are written and
-- before a revision's default takes its ID). Revision IDs then follow commit order, a reader that
-- saw ID n has seen every committed ID below n, and "the revisions after the last one seen" is the
-- whole catch-up, with no gap and no duplicate; each totals trigger runs with every earlier write
-- committed and visible. The cost: writes to events commit one at a time, as on SQLite, whose
-- writer is one; reads never wait for it. The key is an arbitrary constant of our own ("bilfeed_"),
-- distinct from the migration lock's.
CREATE FUNCTION writes_in_commit_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7091318275315164255);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER writes_in_commit_order BEFORE INSERT OR UPDATE OR DELETE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION writes_in_commit_order();
--> statement-breakpoint
CREATE TRIGGER writes_in_commit_order BEFORE INSERT OR UPDATE OR DELETE ON event_participants
  FOR EACH STATEMENT EXECUTE FUNCTION writes_in_commit_order();
--> statement-breakpoint
CREATE TRIGGER writes_in_commit_order BEFORE INSERT ON revisions
  FOR EACH STATEMENT EXECUTE FUNCTION writes_in_commit_order();
--> statement-breakpoint
-- NOTIFY is sent when the transaction commits, in commit order, and never for one rolled back. The
-- payload is only the newest revision ID of the statement (far under the 8,000-byte limit): the
-- listener reads the rows themselves from the table, so a missed or merged notification loses nothing.
CREATE FUNCTION revisions_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('bilateral_changes', (SELECT max(id)::text FROM added));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER revisions_notify AFTER INSERT ON revisions
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION revisions_notify();
