// Nested selections must cost a fixed number of SQL statements, whatever the page size.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '@bilateral/store';
import { fixtureSeedsDir } from '@bilateral/store/testing';
import { describe, expect, it } from 'vitest';
import { execute } from './testing/graphql.ts';
import { createBilateralYoga } from './yoga.ts';

/**
 * The fixture dataset plus 60 generated events, each with two citations and three participants, one
 * of them a person whose country (Pakistan) also takes part.
 */
function seedsWithManyEvents(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'bilateral-sql-')), 'seeds');
  cpSync(fixtureSeedsDir, dir, { recursive: true });
  const events = Array.from(
    { length: 60 },
    (_, index) => `
- slug: 2000-generated-${index}
  title: Generated meeting ${index}
  summary: A generated meeting used to count SQL statements.
  kind: meeting
  date: "${2000 + (index % 20)}"
  sectors: [diplomacy]
  participants:
    - { actor: pakistan, role: host }
    - { actor: shehbaz-sharif, role: host }
    - { actor: russia, role: visitor }
  citations:
    - { source: fixture-news, paragraph: ${index + 1} }
    - { source: fixture-journal, paragraph: ${index + 2} }`,
  ).join('\n');
  writeFileSync(join(dir, 'events/generated.yaml'), events);
  return dir;
}

const NESTED = /* GraphQL */ `
  query ($first: Int) {
    events(first: $first) {
      totalCount
      edges { node { slug participants { role actor { slug name country { slug } } } citations { paragraph source { slug title } } } }
    }
  }`;

describe('SQL statements per nested query', () => {
  it('does not grow with the page size', async () => {
    const statements: string[] = [];
    const store = openSqliteStore(':memory:', { onStatement: (sql) => statements.push(sql) });
    await store.loadSeeds(seedsWithManyEvents());
    const yoga = createBilateralYoga({ store, logging: false });
    const countFor = async (first: number) => {
      statements.length = 0;
      const result = await execute(yoga, NESTED, { first });
      expect(result.errors).toBeUndefined();
      expect(result.data.events.edges).toHaveLength(first);
      return statements.length;
    };
    const small = await countFor(2);
    const large = await countFor(50);
    expect(large).toBe(small);
    // page + count + participants with their actors + citations with their sources; the countries
    // are participants too, so they come from the actor loader without a statement
    expect(large).toBeLessThanOrEqual(4);
    await store.close();
  });
});
