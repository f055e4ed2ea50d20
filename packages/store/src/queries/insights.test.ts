import { afterAll, describe, expect, it } from 'vitest';
import { closeStore, openStore } from '../db/client.ts';
import { loadSeeds } from '../seed-loader/index.ts';
import { fixtureSeedsWith } from '../testing/fixture-store.ts';
import { actorBySlug } from './actors.ts';
import { countEvents, eventBySlug, listEvents } from './events.ts';
import { actorNetwork, relationshipsByActorIds, sharedEventsSql } from './network.ts';
import { search } from './search.ts';
import { bucketSql, cooperationIndex, eventStats } from './stats.ts';

// The fixture plus an event dated only to a decade and one that mentions a pipeline twice (and hyphenated model names).
const store = openStore(':memory:');
loadSeeds(
  store,
  fixtureSeedsWith({
    'events/extra.yaml': `
- slug: 1980-soviet-pakistan-tension
  title: Soviet–Pakistani tension over Afghanistan
  summary: Relations between Moscow and Pakistan were strained through the decade of the Afghan war.
  kind: criticism
  date: 198X
  sectors: [security]
  participants:
    - { actor: soviet-union, role: initiator }
    - { actor: pakistan, role: target }
  citations: [{ source: fixture-journal, paragraph: 20 }]
- slug: 2015-gas-pipeline-agreement
  title: Gas pipeline agreement signed
  summary: Pakistan and Russia signed an agreement on building a gas pipeline; the pipeline would run from Karachi to Lahore. Talks on Mi-35 helicopters and JF-17 engines ran alongside.
  kind: agreement
  date: 2015-10
  sectors: [energy]
  participants:
    - { actor: pakistan, role: signatory }
    - { actor: russia, role: signatory }
  citations: [{ source: fixture-news, paragraph: 35 }]
`,
  }),
);
afterAll(() => closeStore(store));
const id = (slug: string) => eventBySlug(store, slug)!.id;
const actorId = (slug: string) => actorBySlug(store, slug)!.id;

describe('search', () => {
  it('ranks a title match above a summary match and prefix-matches', () => {
    const hits = search(store, 'pipe*', ['event'], { first: 10 }).hits;
    expect(hits.map((hit) => hit.id)).toEqual([id('2015-gas-pipeline-agreement')]);
    const moscow = search(store, 'moscow', null, { first: 10 }).hits;
    // Russia's alias "Moscow" outranks the two events that only say Moscow in their summaries.
    expect(moscow[0]).toMatchObject({ type: 'actor', id: actorId('russia') });
    expect(
      moscow
        .slice(1)
        .map((hit) => hit.id)
        .sort(),
    ).toEqual([id('2014-russia-lifts-arms-embargo'), id('1980-soviet-pakistan-tension')].sort());
  });

  it('finds figures by label or indicator words', () => {
    expect(search(store, 'trade 2023', ['figure'], {}).hits.map((hit) => hit.type)).toEqual(['figure']);
    expect(search(store, 'bilateral trade', null, {}).hits.some((hit) => hit.type === 'figure')).toBe(true);
  });

  it('finds sources by title, author or outlet', () => {
    expect(search(store, 'journal', ['source'], {}).hits.map((hit) => hit.type)).toEqual(['source']);
    expect(search(store, 'fixture author', ['source'], {}).totalCount).toBe(1);
  });

  it('highlights matches in the snippet and folds case and accents', () => {
    const [hit] = search(store, 'PÍPELINE', ['event'], { first: 1 }).hits;
    expect(hit!.snippet).toContain('\u0002pipeline\u0003');
  });

  it('pages through hits with cursors and counts them all', () => {
    const first = search(store, 'pakistan', null, { first: 2 });
    expect(first.totalCount).toBeGreaterThan(2);
    const second = search(store, 'pakistan', null, { first: 2, after: first.cursors[1] });
    expect(second.hits[0]).not.toEqual(first.hits[0]);
    expect(second.hasPreviousPage).toBe(true);
  });

  it('rejects unreadable queries with INVALID_SEARCH', () => {
    expect(() => search(store, '"unclosed', null, {})).toThrow(expect.objectContaining({ code: 'INVALID_SEARCH' }));
    expect(() => search(store, 'AND', null, {})).toThrow(expect.objectContaining({ code: 'INVALID_SEARCH' }));
    expect(() => search(store, '   ', null, {})).toThrow(expect.objectContaining({ code: 'INVALID_SEARCH' }));
    for (const query of ['embargo OR', 'NOT pipeline', '(embargo', 'embargo)', '()', 'OR AND', '---']) {
      expect(() => search(store, query, null, {}), query).toThrow(
        expect.objectContaining({ code: 'INVALID_SEARCH', argument: 'query' }),
      );
    }
    expect(() => search(store, 'embargo OR', null, {})).toThrow(
      'The search needs a word after OR. Use words, "quoted phrases", prefix*, OR, NOT and parentheses.',
    );
  });

  it('reads words with punctuation as they are written, not as FTS5 syntax', () => {
    const gasDeal = [id('2015-gas-pipeline-agreement')];
    expect(search(store, 'Mi-35', null, {}).hits.map((hit) => hit.id)).toEqual(gasDeal);
    expect(search(store, 'JF-17 engines', null, {}).hits.map((hit) => hit.id)).toEqual(gasDeal);
    for (const query of ['U.S.', 'title:pipeline', 'a-b:c.d', '^start', 'NEAR(gas pipeline)', 'pipe*line'])
      expect(() => search(store, query, null, {}), query).not.toThrow();
    expect(search(store, 'title:pipeline', null, {}).totalCount).toBe(0);
  });

  it('keeps the documented syntax: phrases, prefixes, OR, NOT, AND and parentheses', () => {
    const slugsOf = (query: string) =>
      search(store, query, ['event'], {})
        .hits.map((hit) => hit.id)
        .sort();
    expect(slugsOf('"gas pipeline"')).toEqual([id('2015-gas-pipeline-agreement')]);
    expect(slugsOf('"pipeline Karachi"')).toEqual([]);
    expect(slugsOf('embargo OR pipeline')).toEqual(
      [id('2014-russia-lifts-arms-embargo'), id('2015-gas-pipeline-agreement')].sort(),
    );
    expect(slugsOf('pipeline NOT karachi')).toEqual([]);
    expect(slugsOf('(embargo OR pipeline) AND lahore')).toEqual([id('2015-gas-pipeline-agreement')]);
    expect(slugsOf('(embargo OR pipeline) lahore')).toEqual([id('2015-gas-pipeline-agreement')]);
    expect(slugsOf('pipe* or')).toEqual([]);
  });

  it('reads EventFilter.text exactly as search reads its query', () => {
    for (const text of [
      'embargo OR pipeline',
      'Mi-35',
      '"gas pipeline"',
      'pipe*',
      'pipeline NOT karachi',
      '(embargo OR druzhba) pakistan',
    ]) {
      const searched = search(store, text, ['event'], { first: 100 })
        .hits.map((hit) => hit.id)
        .sort();
      expect(
        listEvents(store, { text }, [], { first: 100 })
          .rows.map((row) => row.id)
          .sort(),
        text,
      ).toEqual(searched);
    }
    expect(countEvents(store, { text: 'embargo OR pipeline' })).toBe(2);
    expect(() => countEvents(store, { text: 'embargo OR' })).toThrow(
      expect.objectContaining({ code: 'INVALID_SEARCH', argument: 'filter.text' }),
    );
  });

  it('sees new and changed rows at once: the index is kept by triggers', () => {
    store.$client
      .prepare("update events set title = 'Druzhba drill renamed zephyrine' where slug = '2016-druzhba-exercise'")
      .run();
    expect(search(store, 'zephyrine', null, {}).hits.map((hit) => hit.id)).toEqual([id('2016-druzhba-exercise')]);
    store.$client
      .prepare("update events set title = 'First Druzhba joint exercise' where slug = '2016-druzhba-exercise'")
      .run();
    expect(search(store, 'zephyrine', null, {}).totalCount).toBe(0);
  });
});

describe('eventStats', () => {
  it('adds YEAR buckets up to the filtered total, keeping a decade-dated event in its own null bucket', () => {
    const { buckets, totalCount } = eventStats(store, null, ['year']);
    expect(totalCount).toBe(countEvents(store, null));
    expect(buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(totalCount);
    expect(buckets.map((bucket) => [bucket.keys[0]!.value, bucket.count])).toEqual([
      ['2014', 1],
      ['2015', 1],
      ['2016', 1],
      ['2024', 1],
      [null, 1],
    ]);
    expect(buckets.at(-1)!.keys[0]!.span).toBe('1980-01-01/1989-12-31');
    const drilled = (keys: Parameters<typeof bucketSql>[0]) =>
      listEvents(store, null, [], {}, bucketSql(keys)).rows.map((row) => row.id);
    expect(drilled(buckets.at(-1)!.keys)).toEqual([id('1980-soviet-pakistan-tension')]);
    for (const bucket of buckets) expect(drilled(bucket.keys)).toHaveLength(bucket.count);
  });

  it('answers from the period summary exactly as from the events themselves', () => {
    for (const dimensions of [['year'], ['decade', 'kind'], ['plover']] as const) {
      const fromSummary = eventStats(store, null, dimensions);
      // A date bound inside a year groups the events; includeArchived: false changes nothing.
      const fromEvents = eventStats(store, { hasConflicts: null, to: '9999-12-30' }, dimensions);
      expect(fromSummary).toEqual(fromEvents);
    }
    const archived = store.$client.prepare("update events set archived_at = ? where slug = '2016-druzhba-exercise'");
    archived.run('2026-11-29T00:00:00Z');
    expect(eventStats(store, null, ['year'])).toEqual(eventStats(store, { to: '9999-12-30' }, ['year']));
    archived.run(null);
  });

  it('answers dates on whole years from the summary exactly as from the events, within and overlapping', () => {
    // `actorsMatch` without actors selects nothing more, but is not a date: the events are grouped.
    const grouped = { actorsMatch: 'any' } as const;
    const ranges = [{ from: '1990' }, { to: '1985' }, { from: '1981', to: '2015' }, { from: '2015-01', to: '2015' }];
    for (const range of ranges)
      for (const dateMatch of ['within', 'overlaps'] as const)
        for (const kinds of [undefined, ['agreement' as const, 'criticism' as const]]) {
          const filter = { ...range, dateMatch, kinds };
          for (const dimensions of [['year'], ['decade', 'kind']] as const) {
            const fromSummary = eventStats(store, filter, dimensions);
            expect(fromSummary, JSON.stringify(filter)).toEqual(
              eventStats(store, { ...filter, ...grouped }, dimensions),
            );
          }
          expect(cooperationIndex(store, filter)).toEqual(cooperationIndex(store, { ...filter, ...grouped }));
        }
    // Read from the summary, not the events: a count changed in the summary alone shows through.
    const total = (filter: object) => eventStats(store, filter, ['year']).totalCount;
    const before = [total({ from: '1990' }), total({ from: '1990-06-01' })];
    store.$client.exec('savepoint altered');
    store.$client.exec("update event_period_counts set count = count + 1000 where period = '2015'");
    expect([total({ from: '1990' }), total({ from: '1990-06-01' })]).toEqual([before[0]! + 1000, before[1]]);
    store.$client.exec('rollback to altered; release altered');
    // The decade-dated event (198X) lies within 1980–1989 and overlaps any range that touches it.
    expect(eventStats(store, { from: '1980', to: '1989' }, ['year']).totalCount).toBeGreaterThan(0);
    expect(
      eventStats(store, { to: '1985', dateMatch: 'overlaps' }, ['year']).buckets.some((bucket) => bucket.keys[0]!.span),
    ).toBe(true);
  });

  it('groups by several dimensions and counts multi-valued ones once per value', () => {
    const filtered = eventStats(store, { sectors: ['defence'] }, ['decade', 'kind']);
    expect(filtered.buckets.map((bucket) => [bucket.keys.map((key) => key.value), bucket.count])).toEqual([
      [['2010', 'military_exercise'], 1],
      [['2010', 'sanction_lifted'], 1],
    ]);
    const bySector = eventStats(store, null, ['sector']);
    expect(bySector.buckets.find((bucket) => bucket.keys[0]!.value === 'defence')!.count).toBe(2);
    expect(bySector.buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBeGreaterThan(bySector.totalCount);
  });

  it('computes a yearly mean Goldstein index', () => {
    const years = cooperationIndex(store, null);
    expect(years.find((year) => year.year === 2014)).toMatchObject({
      meanGoldstein: 7,
      eventCount: 1,
      codedEventCount: 1,
    });
    expect(years.at(-1)).toMatchObject({ year: null, meanGoldstein: -2 });
  });
});

describe('actorNetwork', () => {
  it('weights edges by shared events, with first and last dates, matching a hand count', () => {
    const network = actorNetwork(store, null);
    const [pakistan, russia] = [actorId('pakistan'), actorId('russia')].sort((a, b) => a - b);
    const edge = network.edges.find((candidate) => candidate.sourceId === pakistan && candidate.targetId === russia)!;
    // 2014 embargo lifted, 2015 pipeline, 2016 Druzhba
    expect(edge).toMatchObject({ weight: 3, firstDate: '2014-01-01', lastDate: '2016-09-30' });
    expect(listEvents(store, null, [], {}, sharedEventsSql([pakistan!, russia!])).rows.map((row) => row.id)).toEqual([
      id('2014-russia-lifts-arms-embargo'),
      id('2015-gas-pipeline-agreement'),
      id('2016-druzhba-exercise'),
    ]);
    expect(network.nodes.find((node) => node.actorId === actorId('pakistan'))!.eventCount).toBe(4);
    expect(actorNetwork(store, null, { minWeight: 2 }).edges).toHaveLength(1);
  });

  it("lists an actor's relationships heaviest first", () => {
    const relationships = relationshipsByActorIds(store, [actorId('pakistan')]);
    expect(relationships.map((relationship) => [relationship.otherId, relationship.weight])).toEqual([
      [actorId('russia'), 3],
      [actorId('soviet-union'), 1],
    ]);
  });
});

describe('search and archived events', () => {
  it('drops an event from search when it is archived and finds it again when restored', () => {
    const archive = (at: string | null) =>
      store.$client.prepare("update events set archived_at = ? where slug = '2016-druzhba-exercise'").run(at);
    const found = () => search(store, 'druzhba', ['event'], {});
    expect(found().hits.map((hit) => hit.id)).toEqual([id('2016-druzhba-exercise')]);
    archive('2026-11-29T00:00:00Z');
    expect(found().hits).toEqual([]);
    expect(found().totalCount).toBe(0);
    archive(null);
    expect(found().hits.map((hit) => hit.id)).toEqual([id('2016-druzhba-exercise')]);
    expect(found().rankingLimited).toBe(false);
  });
});
