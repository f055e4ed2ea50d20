-- RATE_LIMIT_POINTS_PER_MINUTE as one budget per client across every API process on this database
-- (`src/postgres-store/rate-budgets.ts` charges it: one upsert per charge).
--
-- UNLOGGED: a budget is worth nothing after a crash, and a crash that empties this table gives every
-- client a full budget, the harmless direction. In exchange each charge writes no WAL, so its commit
-- waits for no disk flush and it costs the standbys nothing. `updated_at` is the server's clock (ms
-- since the epoch), one clock for every process, however far apart their machines' clocks are.
CREATE UNLOGGED TABLE rate_budgets (
  client text PRIMARY KEY,
  points double precision NOT NULL,
  updated_at double precision NOT NULL,
  -- Whether the last charge was paid: the upsert's RETURNING tells the caller.
  paid boolean NOT NULL
);
