import { describe, expect, it } from 'vitest';
import { NamedValues } from './prepared-shapes.ts';

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
