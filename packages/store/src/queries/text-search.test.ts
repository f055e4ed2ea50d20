import { describe, expect, it } from 'vitest';
import { toFtsQuery } from './text-search.ts';

describe('toFtsQuery', () => {
  it('quotes words so punctuation is never syntax, and lets a designation match its variants', () => {
    expect(toFtsQuery('embargo', 'q')).toBe('"embargo"');
    expect(toFtsQuery('U.S. title:x', 'q')).toBe('"U.S." AND "title:x"');
    expect(toFtsQuery('Mi-35', 'q')).toBe('"Mi-35"*');
    expect(toFtsQuery('JF-17 deal', 'q')).toBe('"JF-17"* AND "deal"');
    expect(toFtsQuery('2014-06', 'q')).toBe('"2014-06"');
  });
});
