import { expect, it } from 'vitest';
import type { BilateralStore } from '../interface/bilateral-store.ts';
import type { SearchType } from '../search/request.ts';
import { forEachStore, type StoreUnderTest } from '../testing/both-stores.ts';
import { fixtureSeedsWith } from '../testing/fixture-store.ts';

// The fixture plus an event dated only to a decade and one that mentions a pipeline twice (and hyphenated model names).
const dataset = {
  seeds: fixtureSeedsWith({
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
};

/** The store's answers by slug, for the block's tests. */
function lookups(underTest: StoreUnderTest) {
  return {
    id: async (slug: string) => (await underTest.store.eventBySlug(slug))!.id,
    actorId: async (slug: string) => (await underTest.store.actorBySlug(slug))!.id,
  };
}

/** A search page with its counts read, as the SQLite query function answered it. */
async function searched(
  store: BilateralStore,
  query: string,
  types: readonly SearchType[] | null,
  page: { first?: number; after?: string },
) {
  const results = await store.search(query, types, page);
  return {
    hits: results.rows,
    cursors: results.cursors,
    hasPreviousPage: results.hasPreviousPage,
    totalCount: await results.totalCount(),
    rankingLimited: await results.rankingLimited(),
  };
}

forEachStore(
  'search',
  (underTest) => {
    const { id, actorId } = lookups(underTest);
    const search = (query: string, types: readonly SearchType[] | null, page: { first?: number; after?: string }) =>
      searched(underTest.store, query, types, page);
    const refusal = (query: string) => underTest.store.search(query, null, {});

    it('ranks a title match above a summary match and prefix-matches', async () => {
      const { hits } = await search('pipe*', ['event'], { first: 10 });
      expect(hits.map((hit) => hit.id)).toEqual([await id('2015-gas-pipeline-agreement')]);
      const moscow = (await search('moscow', null, { first: 10 })).hits;
      // Russia's alias "Moscow" outranks the two events that only say Moscow in their summaries.
      expect(moscow[0]).toMatchObject({ type: 'actor', id: await actorId('russia') });
      expect(
        moscow
          .slice(1)
          .map((hit) => hit.id)
          .sort(),
      ).toEqual([await id('2014-russia-lifts-arms-embargo'), await id('1980-soviet-pakistan-tension')].sort());
    });

    it('finds figures by label or indicator words', async () => {
      expect((await search('trade 2023', ['figure'], {})).hits.map((hit) => hit.type)).toEqual(['figure']);
      expect((await search('bilateral trade', null, {})).hits.some((hit) => hit.type === 'figure')).toBe(true);
    });

    it('finds sources by title, author or outlet', async () => {
      expect((await search('journal', ['source'], {})).hits.map((hit) => hit.type)).toEqual(['source']);
      expect((await search('fixture author', ['source'], {})).totalCount).toBe(1);
    });

    it('highlights matches in the snippet and folds case and accents', async () => {
      const [hit] = (await search('PÍPELINE', ['event'], { first: 1 })).hits;
      expect(hit!.snippet).toContain('\u0002pipeline\u0003');
    });

    it('pages through hits with cursors and counts them all', async () => {
      const first = await search('pakistan', null, { first: 2 });
      expect(first.totalCount).toBeGreaterThan(2);
      const second = await search('pakistan', null, { first: 2, after: first.cursors[1] });
      expect(second.hits[0]).not.toEqual(first.hits[0]);
      expect(second.hasPreviousPage).toBe(true);
    });

    it('rejects unreadable queries with INVALID_SEARCH', async () => {
      await expect(refusal('"unclosed')).rejects.toThrow(expect.objectContaining({ code: 'INVALID_SEARCH' }));
      await expect(refusal('AND')).rejects.toThrow(expect.objectContaining({ code: 'INVALID_SEARCH' }));
      await expect(refusal('   ')).rejects.toThrow(expect.objectContaining({ code: 'INVALID_SEARCH' }));
      for (const query of ['embargo OR', 'NOT pipeline', '(embargo', 'embargo)', '()', 'OR AND', '---']) {
        await expect(refusal(query), query).rejects.toThrow(
          expect.objectContaining({ code: 'INVALID_SEARCH', argument: 'query' }),
        );
      }
      await expect(refusal('embargo OR')).rejects.toThrow(
        'The search needs a word after OR. Use words, "quoted phrases", prefix*, OR, NOT and parentheses.',
      );
    });

    it('reads words with punctuation as they are written, not as FTS5 syntax', async () => {
      const gasDeal = [await id('2015-gas-pipeline-agreement')];
      expect((await search('Mi-35', null, {})).hits.map((hit) => hit.id)).toEqual(gasDeal);
      expect((await search('JF-17 engines', null, {})).hits.map((hit) => hit.id)).toEqual(gasDeal);
      for (const query of ['U.S.', 'title:pipeline', 'a-b:c.d', '^start', 'NEAR(gas pipeline)', 'pipe*line'])
        await expect(search(query, null, {}), query).resolves.toBeDefined();
      expect((await search('title:pipeline', null, {})).totalCount).toBe(0);
    });

    it('keeps the documented syntax: phrases, prefixes, OR, NOT, AND and parentheses', async () => {
      const idsOf = async (query: string) => (await search(query, ['event'], {})).hits.map((hit) => hit.id).sort();
      const [gasDeal, embargo] = [await id('2015-gas-pipeline-agreement'), await id('2014-russia-lifts-arms-embargo')];
      expect(await idsOf('"gas pipeline"')).toEqual([gasDeal]);
      expect(await idsOf('"pipeline Karachi"')).toEqual([]);
      expect(await idsOf('embargo OR pipeline')).toEqual([embargo, gasDeal].sort());
      expect(await idsOf('pipeline NOT karachi')).toEqual([]);
      expect(await idsOf('(embargo OR pipeline) AND lahore')).toEqual([gasDeal]);
      expect(await idsOf('(embargo OR pipeline) lahore')).toEqual([gasDeal]);
      expect(await idsOf('pipe* or')).toEqual([]);
    });

    it('reads EventFilter.text exactly as search reads its query', async () => {
      const { store } = underTest;
      for (const text of [
        'embargo OR pipeline',
        'Mi-35',
        '"gas pipeline"',
        'pipe*',
        'pipeline NOT karachi',
        '(embargo OR druzhba) pakistan',
      ]) {
        const found = (await search(text, ['event'], { first: 100 })).hits.map((hit) => hit.id).sort();
        const listed = (await store.listEvents({ text }, [], { first: 100 })).rows.map((row) => row.id).sort();
        expect(listed, text).toEqual(found);
      }
      expect(await store.countEvents({ text: 'embargo OR pipeline' })).toBe(2);
      await expect(store.countEvents({ text: 'embargo OR' })).rejects.toThrow(
        expect.objectContaining({ code: 'INVALID_SEARCH', argument: 'filter.text' }),
      );
    });

    it('sees new and changed rows at once: the index is kept by triggers', async () => {
      await underTest.sql(
        "update events set title = 'Druzhba drill renamed zephyrine' where slug = '2016-druzhba-exercise'",
      );
      expect((await search('zephyrine', null, {})).hits.map((hit) => hit.id)).toEqual([
        await id('2016-druzhba-exercise'),
      ]);
      await underTest.sql(
        "update events set title = 'First Druzhba joint exercise' where slug = '2016-druzhba-exercise'",
      );
      expect((await search('zephyrine', null, {})).totalCount).toBe(0);
    });

    it('drops an event from search when it is archived and finds it again when restored', async () => {
      const archive = (at: string) =>
        underTest.sql(`update events set archived_at = ${at} where slug = '2016-druzhba-exercise'`);
      const found = () => search('druzhba', ['event'], {});
      const druzhba = await id('2016-druzhba-exercise');
      expect((await found()).hits.map((hit) => hit.id)).toEqual([druzhba]);
      await archive("'2026-11-29T00:00:00Z'");
      expect((await found()).hits).toEqual([]);
      expect((await found()).totalCount).toBe(0);
      await archive('null');
      expect((await found()).hits.map((hit) => hit.id)).toEqual([druzhba]);
      expect((await found()).rankingLimited).toBe(false);
    });
  },
  { dataset },
);

forEachStore(
  'eventStats',
  (underTest) => {
    const { id } = lookups(underTest);

    it('adds YEAR buckets up to the filtered total, keeping a decade-dated event in its own null bucket', async () => {
      const { store } = underTest;
      const { buckets, totalCount } = await store.eventStats(null, ['year']);
      expect(totalCount).toBe(await store.countEvents(null));
      expect(buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(totalCount);
      expect(buckets.map((bucket) => [bucket.keys[0]!.value, bucket.count])).toEqual([
        ['2014', 1],
        ['2015', 1],
        ['2016', 1],
        ['2024', 1],
        [null, 1],
      ]);
      expect(buckets.at(-1)!.keys[0]!.span).toBe('1980-01-01/1989-12-31');
      const drilled = async (keys: (typeof buckets)[number]['keys']) =>
        (await store.listBucketEvents(null, keys, [], {})).rows.map((row) => row.id);
      expect(await drilled(buckets.at(-1)!.keys)).toEqual([await id('1980-soviet-pakistan-tension')]);
      for (const bucket of buckets) expect(await drilled(bucket.keys)).toHaveLength(bucket.count);
    });

    it('answers from the period summary exactly as from the events themselves', async () => {
      const { store } = underTest;
      for (const dimensions of [['year'], ['decade', 'kind'], ['plover']] as const) {
        const fromSummary = await store.eventStats(null, dimensions);
        // A date bound inside a year groups the events; includeArchived: false changes nothing.
        const fromEvents = await store.eventStats({ hasConflicts: null, to: '9999-12-30' }, dimensions);
        expect(fromSummary).toEqual(fromEvents);
      }
      const archive = (at: string) =>
        underTest.sql(`update events set archived_at = ${at} where slug = '2016-druzhba-exercise'`);
      await archive("'2026-11-29T00:00:00Z'");
      expect(await store.eventStats(null, ['year'])).toEqual(await store.eventStats({ to: '9999-12-30' }, ['year']));
      await archive('null');
    });

    it('answers ACTOR alone from the kept actor totals, and a multi-valued total from the period totals, exactly as from the events', async () => {
      const { store } = underTest;
      // A date bound inside a year makes both read the events and participants themselves.
      const grouped = { to: '9999-12-30' };
      for (const dimensions of [['actor'], ['sector']] as const)
        expect(await store.eventStats(null, dimensions)).toEqual(await store.eventStats(grouped, dimensions));
      const archive = (at: string) =>
        underTest.sql(`update events set archived_at = ${at} where slug = '2015-gas-pipeline-agreement'`);
      const before = await store.eventStats(null, ['actor']);
      await archive("'2026-11-29T00:00:00Z'");
      try {
        const after = await store.eventStats(null, ['actor']);
        expect(after).toEqual(await store.eventStats(grouped, ['actor']));
        expect(after.totalCount).toBe(before.totalCount - 1);
      } finally {
        await archive('null');
      }
      // Read from the kept totals, not the participants: a count changed there alone shows through.
      const pakistan = (await store.actorBySlug('pakistan'))!.id;
      const countOf = async (filter: object | null) =>
        (await store.eventStats(filter, ['actor'])).buckets.find(
          (bucket) => bucket.keys[0]!.value === String(pakistan),
        )!.count;
      const kept = await countOf(null);
      const shift = (by: number) =>
        underTest.sql(`update actor_event_counts set event_count = event_count + ${by} where actor_id = ${pakistan}`);
      await shift(1000);
      try {
        expect([await countOf(null), await countOf(grouped)]).toEqual([kept + 1000, kept]);
      } finally {
        await shift(-1000);
      }
    });

    it('answers dates on whole years from the summary exactly as from the events, within and overlapping', async () => {
      const { store } = underTest;
      // `actorsMatch` without actors selects nothing more, but is not a date: the events are grouped.
      const grouped = { actorsMatch: 'any' } as const;
      const ranges = [{ from: '1990' }, { to: '1985' }, { from: '1981', to: '2015' }, { from: '2015-01', to: '2015' }];
      for (const range of ranges)
        for (const dateMatch of ['within', 'overlaps'] as const)
          for (const kinds of [undefined, ['agreement' as const, 'criticism' as const]]) {
            const filter = { ...range, dateMatch, kinds };
            for (const dimensions of [['year'], ['decade', 'kind']] as const) {
              const fromSummary = await store.eventStats(filter, dimensions);
              expect(fromSummary, JSON.stringify(filter)).toEqual(
                await store.eventStats({ ...filter, ...grouped }, dimensions),
              );
            }
            expect(await store.cooperationIndex(filter)).toEqual(
              await store.cooperationIndex({ ...filter, ...grouped }),
            );
          }
      // Read from the summary, not the events: a count changed in the summary alone shows through.
      const total = async (filter: object) => (await store.eventStats(filter, ['year'])).totalCount;
      const before = [await total({ from: '1990' }), await total({ from: '1990-06-01' })];
      const shift = (by: number) =>
        underTest.sql(`update event_period_counts set count = count + ${by} where period = '2015'`);
      await shift(1000);
      try {
        expect([await total({ from: '1990' }), await total({ from: '1990-06-01' })]).toEqual([
          before[0]! + 1000,
          before[1],
        ]);
      } finally {
        await shift(-1000);
      }
      // The decade-dated event (198X) lies within 1980–1989 and overlaps any range that touches it.
      expect((await store.eventStats({ from: '1980', to: '1989' }, ['year'])).totalCount).toBeGreaterThan(0);
      const overlapping = await store.eventStats({ to: '1985', dateMatch: 'overlaps' }, ['year']);
      expect(overlapping.buckets.some((bucket) => bucket.keys[0]!.span)).toBe(true);
    });

    it('answers one sector or one actor, with kinds and whole years, from the kept totals exactly as from the events', async () => {
      const { store } = underTest;
      // A date bound inside a year that leaves out no event makes both read the events themselves.
      const groupedWith = (range: { to?: string }) => (range.to ? { from: '0001-01-02' } : { to: '9999-12-30' });
      const grouped = groupedWith({});
      const scopes = [{ sectors: ['defence' as const] }, { actors: ['pakistan'] }, { actors: ['russia', 'russia'] }];
      for (const scope of scopes)
        for (const range of [{}, { from: '2015' }, { to: '2014', dateMatch: 'overlaps' as const }])
          for (const kinds of [undefined, ['agreement' as const, 'military_exercise' as const]]) {
            const filter = { ...scope, ...range, kinds };
            for (const dimensions of [['year'], ['decade', 'kind'], ['sector']] as const)
              expect(await store.eventStats(filter, dimensions), JSON.stringify(filter)).toEqual(
                await store.eventStats({ ...filter, ...groupedWith(range) }, dimensions),
              );
            expect(await store.cooperationIndex(filter)).toEqual(
              await store.cooperationIndex({ ...filter, ...groupedWith(range) }),
            );
          }
      // Read from the kept totals, not the events: a count changed there alone shows through.
      const total = async (filter: object) => (await store.eventStats(filter, ['year'])).totalCount;
      const pakistan = (await store.actorBySlug('pakistan'))!.id;
      const before = [await total({ actors: ['pakistan'] }), await total({ sectors: ['defence'] })];
      const shift = (by: number) =>
        Promise.all([
          underTest.sql(
            `update actor_period_counts set count = count + ${by} where actor_id = ${pakistan} and period = '2015'`,
          ),
          underTest.sql(
            `update sector_period_counts set count = count + ${by} where sector = 'defence' and period = '2016'`,
          ),
        ]);
      await shift(1000);
      try {
        expect([await total({ actors: ['pakistan'] }), await total({ sectors: ['defence'] })]).toEqual([
          before[0]! + 1000,
          before[1]! + 1000,
        ]);
        expect(await total({ actors: ['pakistan'], ...grouped })).toBe(before[0]);
      } finally {
        await shift(-1000);
      }
      // Two actors or a sector with an actor overlap: no kept total answers them, the events are counted.
      expect(await total({ actors: ['pakistan', 'russia'] })).toBe(
        await store.countEvents({ actors: ['pakistan', 'russia'] }),
      );
      await expect(store.eventStats({ actors: ['no-such-actor'] }, ['year'])).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });

    it('groups by several dimensions and counts multi-valued ones once per value', async () => {
      const { store } = underTest;
      const filtered = await store.eventStats({ sectors: ['defence'] }, ['decade', 'kind']);
      expect(filtered.buckets.map((bucket) => [bucket.keys.map((key) => key.value), bucket.count])).toEqual([
        [['2010', 'military_exercise'], 1],
        [['2010', 'sanction_lifted'], 1],
      ]);
      const bySector = await store.eventStats(null, ['sector']);
      expect(bySector.buckets.find((bucket) => bucket.keys[0]!.value === 'defence')!.count).toBe(2);
      expect(bySector.buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBeGreaterThan(bySector.totalCount);
    });

    it('computes a yearly mean Goldstein index', async () => {
      const years = await underTest.store.cooperationIndex(null);
      expect(years.find((year) => year.year === 2014)).toMatchObject({
        meanGoldstein: 7,
        eventCount: 1,
        codedEventCount: 1,
      });
      expect(years.at(-1)).toMatchObject({ year: null, meanGoldstein: -2 });
    });
  },
  { dataset },
);

forEachStore(
  'the actor network of the extended fixture',
  (underTest) => {
    const { id, actorId } = lookups(underTest);

    it('weights edges by shared events, with first and last dates, matching a hand count', async () => {
      const { store } = underTest;
      const network = await store.readActorNetwork(null);
      const [pakistan, russia] = [await actorId('pakistan'), await actorId('russia')].sort((a, b) => a - b);
      const edges = await network.edges(100, 100);
      const edge = edges.find((candidate) => candidate.sourceId === pakistan && candidate.targetId === russia)!;
      // 2014 embargo lifted, 2015 pipeline, 2016 Druzhba
      expect(edge).toMatchObject({ weight: 3, firstDate: '2014-01-01', lastDate: '2016-09-30' });
      const shared = await store.listSharedEvents(null, [pakistan!, russia!], [], {});
      expect(shared.rows.map((row) => row.id)).toEqual([
        await id('2014-russia-lifts-arms-embargo'),
        await id('2015-gas-pipeline-agreement'),
        await id('2016-druzhba-exercise'),
      ]);
      const nodes = await network.nodes(100);
      expect(nodes.find((node) => node.actorId === pakistan)!.eventCount).toBe(4);
      expect(await (await store.readActorNetwork(null, { minWeight: 2 })).edges(100, 100)).toHaveLength(1);
    });

    it("lists an actor's relationships heaviest first", async () => {
      const relationships = await underTest.store.relationshipsByActorIds([await actorId('pakistan')], 10);
      expect(relationships.map((relationship) => [relationship.otherId, relationship.weight])).toEqual([
        [await actorId('russia'), 3],
        [await actorId('soviet-union'), 1],
      ]);
    });
  },
  { dataset },
);
