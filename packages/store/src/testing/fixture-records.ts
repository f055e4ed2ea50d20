// Records in seed format for tests; free of imports so the crash-test writer starts quickly.

/** A valid event in seed format that refers only to records in the fixture dataset. */
export const fixtureVisit = (slug: string, title = 'A delegation visits') => ({
  slug,
  title,
  summary: 'A delegation held talks.',
  kind: 'visit',
  date: '2019-03',
  sectors: ['diplomacy'],
  participants: [
    { actor: 'pakistan', role: 'visitor' },
    { actor: 'russia', role: 'host' },
  ],
  citations: [{ source: 'fixture-news', paragraph: 3 }],
});
