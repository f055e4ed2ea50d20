import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStore } from '../db/client.ts';
import { QueryError } from '../errors/query-error.ts';
import type { BilateralStore } from '../interface/bilateral-store.ts';
import { SqliteStore } from '../sqlite/sqlite-store.ts';
import { openFixtureStore } from '../testing/fixture-store.ts';
import { copyIntoPostgres } from '../testing/postgres.ts';
import { MAX_SEARCH_LENGTH, MAX_SEARCH_NESTING, MAX_SEARCH_TERMS, searchErrorFrom, toFtsQuery } from './text-search.ts';

const store = openFixtureStore();
afterAll(() => closeStore(store));

const matchEvents = (match: string) =>
  store.all(sql`select rowid from event_search where event_search match ${match} limit 1`);

/**
 * The fixture dataset behind the store interface on each database: PostgreSQL's copy of SQLite's.
 * (Kept small and local, to be replaced by the shared both-databases harness.)
 */
const DATABASES: [string, () => Promise<BilateralStore>][] = [
  ['SQLite', async () => new SqliteStore(openFixtureStore())],
  [
    'PostgreSQL',
    async () => {
      const fixture = new SqliteStore(openFixtureStore());
      const copy = await copyIntoPostgres(fixture);
      await fixture.close();
      return copy;
    },
  ],
];

const refusal = (input: string) => {
  try {
    toFtsQuery(input, 'q');
  } catch (error) {
    expect(error).toBeInstanceOf(QueryError);
    return { code: (error as QueryError).code, message: (error as QueryError).message };
  }
  throw new Error(`${JSON.stringify(input.slice(0, 40))} was accepted`);
};

const words = (count: number) => Array.from({ length: count }, (_, index) => `w${index}`);

/** A small deterministic generator (mulberry32), so a failing input can be reproduced. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('toFtsQuery', () => {
  it('quotes words so punctuation is never syntax, and lets a designation match its variants', () => {
    expect(toFtsQuery('embargo', 'q')).toBe('"embargo"');
    expect(toFtsQuery('U.S. title:x', 'q')).toBe('"U.S." AND "title:x"');
    expect(toFtsQuery('Mi-35', 'q')).toBe('"Mi-35"*');
    expect(toFtsQuery('JF-17 deal', 'q')).toBe('"JF-17"* AND "deal"');
    expect(toFtsQuery('2014-06', 'q')).toBe('"2014-06"');
  });

  it('refuses control characters and lone surrogates, naming the code point', () => {
    for (const [input, point] of [
      ['a\u0000b', 'U+0000'],
      ['a\u0001b', 'U+0001'],
      ['a\u007fb', 'U+007F'],
      ['a\u0085b', 'U+0085'],
      ['"a\u0000"', 'U+0000'],
      ['a\ud800b', 'U+D800'],
      ['a\udc00', 'U+DC00'],
    ]) {
      const { code, message } = refusal(input!);
      expect(code).toBe('INVALID_SEARCH');
      expect(message).toContain(point);
    }
    // Tabs, line breaks and whole surrogate pairs (an emoji) are ordinary text.
    expect(toFtsQuery('arms\tdeal\r\nembargo 😀', 'q')).toBe('"arms" AND "deal" AND "embargo"');
  });

  it('caps the length, the number of words and the nesting of parentheses', () => {
    expect(refusal('a'.repeat(MAX_SEARCH_LENGTH + 1)).message).toContain(`at most ${MAX_SEARCH_LENGTH}`);
    expect(refusal(`${words(10_000).join(' ')}`).message).toContain(`at most ${MAX_SEARCH_LENGTH}`);
    expect(toFtsQuery(words(MAX_SEARCH_TERMS).join(' '), 'q')).not.toBeNull();
    expect(refusal(words(MAX_SEARCH_TERMS + 1).join(' ')).message).toContain(`more than ${MAX_SEARCH_TERMS} words`);
    // A phrase counts each of its words.
    expect(refusal(`"${words(MAX_SEARCH_TERMS + 1).join(' ')}"`).message).toContain('words');
    const nested = (depth: number) => `${'('.repeat(depth)}a${')'.repeat(depth)}`;
    expect(toFtsQuery(nested(MAX_SEARCH_NESTING), 'q')).not.toBeNull();
    expect(refusal(nested(MAX_SEARCH_NESTING + 1)).message).toContain(`more than ${MAX_SEARCH_NESTING} levels`);
  });
});

/** Searches within the limits: the worst shapes, and thousands of random inputs of words, operators and stray marks. */
const worstShapes = [
  `${'(a OR b AND c NOT '.repeat(MAX_SEARCH_NESTING)}d${')'.repeat(MAX_SEARCH_NESTING)}`,
  `${'(a OR '.repeat(MAX_SEARCH_NESTING)}b${')'.repeat(MAX_SEARCH_NESTING)} ${words(MAX_SEARCH_TERMS - 9).join(' OR ')}`,
  words(MAX_SEARCH_TERMS).join(' NOT '),
  words(MAX_SEARCH_TERMS).join(' OR '),
  words(MAX_SEARCH_TERMS / 2)
    .map((word) => `${word} x`)
    .join(' OR '),
  `"${words(MAX_SEARCH_TERMS).join(' ')}"*`,
];

function randomInputs(count: number): string[] {
  const next = random(9);
  const operands = ['pipe*', '"arms deal"', 'Mi-35', 'U.S.', '"x"*', 'embargo', 'a'];
  const pieces = [...operands, ...operands, ...operands, 'OR', 'NOT', 'AND', '(', '(', ')', ')', '*', '"'];
  return Array.from({ length: count }, () => {
    const length = 1 + Math.floor(next() * 40);
    return Array.from({ length }, () => pieces[Math.floor(next() * pieces.length)]).join(next() < 0.5 ? ' ' : '');
  });
}

const verdictsBy: Record<string, string[]> = {};

describe.each(DATABASES)('the text filter and search on %s', (name, open) => {
  let database: BilateralStore;
  beforeAll(async () => {
    database = await open();
  }, 120_000);
  afterAll(() => database?.close());

  /** The caller's INVALID_SEARCH, or the events the text filter matches: never another error. */
  const filterEvents = (text: string) =>
    database.listEvents({ text }, [], { first: 5 }).then(
      (page) => page.rows.map((row) => row.id),
      (error: unknown) => {
        expect((error as QueryError).code, text).toBe('INVALID_SEARCH');
        return 'refused' as const;
      },
    );

  it('reads every search of the worst shapes within the limits', async () => {
    for (const input of worstShapes) {
      expect(await filterEvents(input), input).not.toBe('refused');
      await expect(database.search(input, null, { first: 5 }), input).resolves.toBeDefined();
    }
  });

  it('reads or refuses as the caller’s error thousands of random inputs, with the same verdicts on both databases', async () => {
    let translated = 0;
    const verdicts: string[] = [];
    for (const input of randomInputs(3000)) {
      const found = await filterEvents(input);
      verdicts.push(`${input} -> ${JSON.stringify(found)}`);
      if (found !== 'refused') translated++;
    }
    expect(translated).toBeGreaterThan(300);
    // The same inputs ran on SQLite first: PostgreSQL refuses the same ones and matches the same events.
    verdictsBy[name] = verdicts;
    if (verdictsBy.SQLite && verdictsBy.PostgreSQL) expect(verdictsBy.PostgreSQL).toEqual(verdictsBy.SQLite);
  }, 300_000);
});

describe('searchErrorFrom', () => {
  it('turns the errors SQLite raises on an unreadable FTS5 expression into INVALID_SEARCH', () => {
    const failure = (match: string) => {
      try {
        matchEvents(match);
      } catch (error) {
        return error;
      }
      throw new Error('expected SQLite to refuse the expression');
    };
    const deep = searchErrorFrom(failure(`${'('.repeat(200)}"a"${')'.repeat(200)}`), 'filter.text');
    expect(deep).toMatchObject({ code: 'INVALID_SEARCH', argument: 'filter.text' });
    expect(deep!.message).toContain('fewer parentheses');
    expect(searchErrorFrom(failure('"a\u0000"'))?.message).toContain('unterminated string');
    expect(searchErrorFrom(new Error('disk I/O error'))).toBeUndefined();
    expect(searchErrorFrom('not an error')).toBeUndefined();
  });

  it('leaves other SQLite errors, one that names an FTS5 table included, to fail as server errors', () => {
    const failure = (statement: string) => {
      try {
        store.$client.prepare(statement).all();
      } catch (error) {
        return error as Error & { code: string };
      }
      throw new Error(`expected SQLite to refuse ${statement}`);
    };
    const missingTable = failure('select * from no_such_table');
    expect(missingTable.code).toBe('SQLITE_ERROR');
    expect(searchErrorFrom(missingTable)).toBeUndefined();
    // A vocabulary table over a table that is not FTS5: the message names FTS5, but not first.
    store.$client.exec("create virtual table temp.not_fts_vocabulary using fts5vocab(main, events, 'row')");
    const notFts = failure('select * from temp.not_fts_vocabulary');
    expect(notFts).toMatchObject({ code: 'SQLITE_ERROR', message: expect.stringMatching(/^no such fts5 table: /) });
    expect(searchErrorFrom(notFts)).toBeUndefined();
  });
});
