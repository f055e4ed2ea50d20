import { describe, expect, it } from 'vitest';
import { useFixtureApi } from '../testing/fixture-api.ts';
import { parseCorsOrigins } from './cors.ts';

const api = useFixtureApi();

describe('CORS without an allow-list', () => {
  it('lets any page read, with a literal * and never with credentials', async () => {
    const preflight = await api.yoga.fetch('http://bilateral.test/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'https://anywhere.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const read = await api.yoga.fetch('http://bilateral.test/graphql?query=%7B__typename%7D', {
      headers: { origin: 'https://anywhere.example', accept: 'application/json' },
    });
    expect(read.headers.get('access-control-allow-origin')).toBe('*');
    expect(read.headers.get('access-control-allow-credentials')).toBeNull();
    // The answer is the same for every origin, so caches need not keep one copy per origin.
    expect(read.headers.get('vary') ?? '').not.toMatch(/origin/i);
  });
});

describe('parseCorsOrigins', () => {
  it('reads a comma-separated list of origins, and means every origin when unset, empty or *', () => {
    expect(parseCorsOrigins(undefined)).toBeUndefined();
    expect(parseCorsOrigins(' ')).toBeUndefined();
    expect(parseCorsOrigins('https://a.example, *')).toBeUndefined();
    expect(parseCorsOrigins('https://app.example.org/, http://localhost:5173')).toEqual([
      'https://app.example.org',
      'http://localhost:5173',
    ]);
  });

  it('refuses what is not an origin, so a typo cannot quietly lock every page out', () => {
    for (const entry of ['app.example.org', 'https://app.example.org/api', 'https://APP.example.org', 'null'])
      expect(() => parseCorsOrigins(entry), entry).toThrow(/is not an origin/);
    expect(() => parseCorsOrigins('https://APP.example.org')).toThrow('did you mean https://app.example.org?');
  });
});
