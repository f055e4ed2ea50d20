import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeStore } from '../db/client.ts';
import { openFixtureStore } from '../testing/fixture-store.ts';
import { preparedByShape } from './bound-values.ts';

const store = openFixtureStore();
afterAll(() => closeStore(store));

describe('preparedByShape', () => {
  const prepareCounting = () => {
    const built: string[] = [];
    const get = (shapeKey: string) =>
      preparedByShape(store, 'bound-values test', shapeKey, (db) => {
        built.push(shapeKey);
        return db.select({ one: sql<number>`1` }).from(sql`(select 1)`);
      });
    return { built, get };
  };

  it('builds and prepares a shape once, then reuses the same statement', () => {
    const { built, get } = prepareCounting();
    const first = get('shape a');
    expect(get('shape a')).toBe(first);
    expect(get('shape b')).not.toBe(first);
    expect(built).toEqual(['shape a', 'shape b']);
  });

  it('keeps the 500 most recently used shapes, dropping the least recently used first', () => {
    const { built, get } = prepareCounting();
    const kept = get('kept');
    for (let index = 0; index < 499; index++) get(`filler ${index}`);
    expect(get('kept')).toBe(kept);
    get('one too many');
    expect(get('kept')).toBe(kept);
    get('filler 0');
    expect(built.filter((key) => key === 'filler 0')).toHaveLength(2);
    expect(built.filter((key) => key === 'kept')).toHaveLength(1);
  });
});
