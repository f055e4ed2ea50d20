import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { deriveUnicode61Table, UNICODE61_TABLE_PATH, unicode61TableModule } from '../cli/unicode61-table.ts';
import { POSTGRES_MIGRATIONS_FOLDER } from '../postgres/client.ts';
import { emptyPgliteStore } from '../postgres/testing/pglite.ts';
import { searchTokens, searchWords, searchWordsSql } from './words.ts';

describe('searchWords', () => {
  it('cuts and folds as FTS5’s unicode61 with remove_diacritics 2', () => {
    expect(searchWords('Mi-35M and JF-17B, 1.5% don’t')).toEqual([
      'mi',
      '35m',
      'and',
      'jf',
      '17b',
      '1',
      '5',
      'don',
      't',
    ]);
    expect(searchWords('Lavróv ŁÓDŹ Ёлка Йод')).toEqual(['lavrov', 'łodz', 'ёлка', 'йод']);
    expect(searchWords('https://x.org/a_b e@mail.org')).toEqual(['https', 'x', 'org', 'a', 'b', 'e', 'mail', 'org']);
    expect(searchWords('e\u0301cole پاکستان')).toEqual(['ecole', 'پاکستان']);
    expect(searchTokens('  Gas—pipe')).toEqual([
      { word: 'gas', start: 2, end: 5 },
      { word: 'pipe', start: 6, end: 10 },
    ]);
  });

  it('uses the table SQLite’s tokenizer gives today (regenerate with `search:table` if this fails)', () => {
    expect(readFileSync(UNICODE61_TABLE_PATH, 'utf8')).toBe(unicode61TableModule(deriveUnicode61Table()));
  }, 120_000);

  it('has its SQL twin in PostgreSQL’s migrations, cutting and folding every code point alike', async () => {
    const migrations = readdirSync(POSTGRES_MIGRATIONS_FOLDER).map((name) =>
      readFileSync(join(POSTGRES_MIGRATIONS_FOLDER, name, 'migration.sql'), 'utf8'),
    );
    expect(migrations.some((migration) => migration.includes(`AS $$\n${searchWordsSql()}\n$$;`))).toBe(true);

    // Each code point between two letters (which show whether it cuts, folds or vanishes), in chunks.
    const store = await emptyPgliteStore();
    const chunks: string[] = [];
    const planes = [
      [1, 0xd7ff],
      [0xe000, 0xffff],
      [0x10000, 0x1ffff],
      [0xe0000, 0xe01ff],
    ] as const;
    for (const [first, last] of planes)
      for (let start = first; start <= last; start += 4096) {
        let chunk = '';
        for (let codePoint = start; codePoint <= Math.min(last, start + 4095); codePoint++)
          chunk += `q${String.fromCodePoint(codePoint)}q `;
        chunks.push(chunk);
      }
    const { rows } = await store.db.execute<{ words: string }>(
      sql`select search_words(chunk) as words from unnest(${sql.param(chunks)}::text[]) with ordinality as chunks(chunk, n) order by n`,
    );
    expect(rows.map((row) => row.words)).toEqual(chunks.map((chunk) => searchWords(chunk).join(' ')));
  }, 300_000);
});
