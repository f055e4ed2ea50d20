-- The change feed across processes: every API process LISTENs on `bilateral_changes` and reads the
-- revisions after the last one it delivered (`src/postgres/change-listener.ts`).
--
-- Revision IDs come from a sequence when the row is inserted, not when its transaction commits: two
-- writers could commit in the other order, and a reader that had seen the later ID would skip the
-- earlier one forever. So each transaction takes one lock before its first revision is given an ID
-- and holds it until it commits (a BEFORE STATEMENT trigger runs before the row's default takes its
-- ID). IDs then follow commit order, a reader that saw ID n has seen every committed ID below n, and
-- "the revisions after the last one seen" is the whole catch-up, with no gap and no duplicate. The
-- cost: writes commit one at a time from their first revision on, as on SQLite, whose writer is one.
-- The key is an arbitrary constant of our own ("bilfeed_"), distinct from the migration lock's.
CREATE FUNCTION revisions_in_commit_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7091318275315164255);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER revisions_in_commit_order BEFORE INSERT ON revisions
  FOR EACH STATEMENT EXECUTE FUNCTION revisions_in_commit_order();
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
