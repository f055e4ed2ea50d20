/**
 * `readSeedRenames` on PostgreSQL: the records renamed through the API since the seed files were
 * loaded (their `seed_slug` is the slug the files use) and the actors merged away, as
 * `records/export-seeds.ts` reads them on SQLite, for `export-seeds`.
 */
import { and, eq, isNotNull, ne } from 'drizzle-orm';
import type { PostgresDatabase } from '../postgres/client.ts';
import { actorMerges, actors, events, figures, sources } from '../postgres/schema.ts';
import type { SeedRenames } from '../records/export-seeds.ts';

const TABLES = { sources, actors, events, figures };

export async function readSeedRenames(db: PostgresDatabase): Promise<SeedRenames> {
  const renamed = {} as SeedRenames['renamed'];
  for (const [type, table] of Object.entries(TABLES) as [keyof typeof TABLES, typeof events][]) {
    const rows = await db
      .select({ slug: table.slug, seedSlug: table.seedSlug })
      .from(table)
      .where(and(isNotNull(table.seedSlug), ne(table.seedSlug, table.slug)));
    renamed[type] = new Map(rows.map((row) => [row.slug, row.seedSlug!]));
  }
  const merged = await db
    .select({ from: actorMerges.fromSlug, into: actors.slug })
    .from(actorMerges)
    .innerJoin(actors, eq(actors.id, actorMerges.intoActorId));
  return { renamed, merged: merged.map((row) => [row.from, row.into] as const) };
}
