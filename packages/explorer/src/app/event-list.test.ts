import { describe, expect, it } from 'vitest';
import { countLabel } from './event-list.ts';

describe('a list count as the explorer shows it', () => {
  it('shows an exact count as it is, and a count that stopped at its limit as "at least"', () => {
    expect(countLabel({ count: 777_618, limited: false })).toBe('777618');
    expect(countLabel({ count: 10_000, limited: true })).toBe('10,000+');
  });
});
