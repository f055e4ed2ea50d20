import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeStore } from '../db/client.ts';
import { openFixtureStore } from '../testing/fixture-store.ts';
import { NamedValues, preparedByShape } from './bound-values.ts';

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

describe('NamedValues', () => {
  it('records each value under its name, and every name and choice in its shape key', () => {
    const binder = new NamedValues();
    binder.value('from', '2014-01-01');
    binder.form('overlaps');
    binder.value('limit', 21);
    expect(binder.values).toEqual({ from: '2014-01-01', limit: 21 });
    const other = new NamedValues();
    other.value('from', '1999-01-01');
    other.form('overlaps');
    other.value('limit', 5);
    expect(other.shapeKey).toBe(binder.shapeKey);
    const without = new NamedValues();
    without.value('from', '2014-01-01');
    without.value('limit', 21);
    expect(without.shapeKey).not.toBe(binder.shapeKey);
    expect(new NamedValues().shapeKey).toBe('');
  });
});
