// Three API processes (the server bundle, separate ports, no cluster primary) on one throwaway
// PostgreSQL server: what must hold across machines (issue: many API machines on one PostgreSQL).
// A write through any process reaches `eventChanged` subscribers on every process, in commit order,
// once, never for a rolled-back write; concurrent writers lose no update; an idempotency key replays
// across processes; the trigger-kept totals equal a count from scratch after a storm of creates,
// updates, archives and merges from all three; the rate budget is one across them; a subscriber of a
// process that is killed resumes on another with `eventChanged(after:)` and misses nothing.
import { type BilateralStore, openBilateralStore } from '@bilateral/store';
import {
  itRequiresPostgresServerInCI,
  type PostgresServer,
  postgresServerInstalled,
  rolledBackEventRevision,
  startPostgresServer,
  totalsAt,
} from '@bilateral/store/testing/postgres';
import { decodeGlobalID } from '@pothos/plugin-relay';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribeToEventChanges, visitInput } from '../testing/event-changes-client.ts';
import { type ServerProcess, startServer } from '../testing/server-process.ts';

const PROCESSES = 3;
const SUBSCRIBERS_PER_PROCESS = 2;
const BUDGET = 50_000;
const STATES = ['pakistan', 'russia', 'india', 'china', 'afghanistan', 'united-states'];

interface Answer {
  data?: Record<string, { userErrors?: { code: string }[]; replayed?: boolean; event?: Row; actor?: Row } | null>;
  errors?: { message: string; extensions?: { code?: string; retryable?: boolean } }[];
}
interface Row {
  id: string;
  version: number;
  summary?: string;
}

const installed = postgresServerInstalled('the three-API-process tests on one PostgreSQL');
itRequiresPostgresServerInCI(installed);

describe.skipIf(!installed)('three API processes on one PostgreSQL', () => {
  let database: PostgresServer;
  let databaseUrl: string;
  let store: BilateralStore;
  const processes: ServerProcess[] = [];
  const urls: string[] = [];
  const clients: Client[] = [];
  let writeKey: string;
  /** What each subscriber received: the ID of each changed event, in order. */
  const received: string[][] = [];
  /** The last revision before the subscribers were known to be live. */
  let fromRevision = 0;
  let busyAnswers = 0;

  const post = async (process: number, query: string, variables: object = {}, key: string | null = writeKey) => {
    const response = await fetch(urls[process]!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: (await response.json()) as Answer & { extensions?: { cost?: number } },
    };
  };

  /** A write, sent again (same idempotency key, if any) while the answer is BUSY or STORAGE_UNAVAILABLE and retryable. */
  const write = async (process: number, query: string, variables: object) => {
    for (;;) {
      const { body } = await post(process, query, variables);
      const code = body.errors?.[0]?.extensions?.code;
      if (!body.errors?.[0]?.extensions?.retryable) {
        expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
        return Object.values(body.data!)[0]!;
      }
      if (code === 'BUSY') busyAnswers++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  const EVENT_FIELDS = 'replayed userErrors { code } event { id version summary }';
  const createEvent = (process: number, input: object, idempotencyKey?: string) =>
    write(
      process,
      `mutation ($input: EventInput!, $key: String) { createEvent(input: $input, idempotencyKey: $key) { ${EVENT_FIELDS} } }`,
      { input, key: idempotencyKey },
    );
  const updateEvent = (process: number, id: string, patch: object, expectedVersion?: number) =>
    write(
      process,
      `mutation ($id: ID!, $patch: EventPatch!, $v: Int) { updateEvent(id: $id, patch: $patch, expectedVersion: $v) { ${EVENT_FIELDS} } }`,
      { id, patch, v: expectedVersion },
    );
  const readEvent = async (process: number, id: string) =>
    (await post(process, 'query ($id: ID!) { node(id: $id) { ... on Event { id version summary } } }', { id })).body
      .data!.node as unknown as Row;

  const eventInput = visitInput;

  /** The IDs of the events changed after `fromRevision`, in commit order, as the revision log holds them. */
  const eventChangesLogged = async () => {
    const ids: string[] = [];
    for (let after = fromRevision; ; ) {
      const page = await store.changesSince(after, 1000);
      if (!page.length) return ids;
      for (const row of page) if (row.entityType === 'event') ids.push(String(row.entityId));
      after = page.at(-1)!.id;
    }
  };

  /** Every subscriber on every process received exactly the logged changes, in commit order, once each. */
  const expectEveryChangeDeliveredOnce = async () => {
    const logged = await eventChangesLogged();
    const deadline = Date.now() + 20_000;
    while (received.some((ids) => ids.length < logged.length) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    // Room for a duplicate to show up.
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const ids of received) expect(ids).toEqual(logged);
  };

  beforeAll(async () => {
    database = await startPostgresServer();
    databaseUrl = await database.createDatabase('cluster');
    for (let n = 0; n < PROCESSES; n++)
      processes.push(
        startServer({
          DATABASE_URL: databaseUrl,
          RATE_LIMIT_POINTS_PER_MINUTE: String(BUDGET),
          WORKERS: undefined,
          METRICS: 'false',
        }),
      );
    urls.push(...(await Promise.all(processes.map((process) => process.listening))));
    store = openBilateralStore({ databaseUrl });
    writeKey = (await store.createApiKey('write', 'three processes')).secret;

    for (const url of urls)
      for (let n = 0; n < SUBSCRIBERS_PER_PROCESS; n++) {
        const ids: string[] = [];
        received.push(ids);
        clients.push(subscribeToEventChanges(url, (id) => ids.push(id)));
      }
    // Subscriptions are live once a write reaches every one of them; counting starts after it. A
    // subscription becomes live some time after its socket opens, so a warm-up write is repeated
    // until the newest one has reached every subscriber (in commit order, so none is still on its way).
    const warmIds: string[] = [];
    const everyoneWarm = () => warmIds.length > 0 && received.every((ids) => ids.includes(warmIds.at(-1)!));
    const deadline = Date.now() + 60_000;
    while (!everyoneWarm() && Date.now() < deadline) {
      const warmUp = await createEvent(
        0,
        eventInput(`cluster-warm-up-${warmIds.length}`, ['pakistan', 'russia'], 2001),
      );
      warmIds.push(decodeGlobalID(warmUp.event!.id).id);
      const settled = Date.now() + 2_000;
      while (!everyoneWarm() && Date.now() < settled) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(everyoneWarm()).toBe(true);
    fromRevision = (await store.changesSince(0, 1_000_000)).at(-1)!.id;
    for (const ids of received) ids.length = 0;
  }, 240_000);

  afterAll(async () => {
    for (const client of clients) await client.dispose();
    for (const process of processes) process.child.kill('SIGTERM');
    await Promise.all(processes.map((process) => process.exited));
    await store?.close();
    await database?.remove();
    if (busyAnswers) console.log(`three processes: ${busyAnswers} BUSY answers retried by the clients`);
  }, 60_000);

  it('delivers a write through any process to subscribers on every process, in commit order, once, and nothing rolled back', async () => {
    // An event nobody writes here: a rolled-back transaction that logged a revision of it must not reach anyone.
    const untouched = (await store.eventBySlug('1947-independence-of-pakistan-and-india'))!;
    await rolledBackEventRevision(databaseUrl, untouched);
    await Promise.all(
      [0, 1, 2].map(async (process) => {
        for (let n = 0; n < 4; n++) {
          const { event } = await createEvent(
            process,
            eventInput(`delivery-${process}-${n}`, ['pakistan', 'china'], 2002),
          );
          await updateEvent(process, event!.id, { title: `Renamed ${process}-${n}` });
        }
      }),
    );
    await expectEveryChangeDeliveredOnce();
    expect(received[0]).not.toContain(String(untouched.id));
    expect(received[0]).toHaveLength(24);
  }, 120_000);

  it('loses no update when curators on every process write one event at once (versions, STALE_VERSION)', async () => {
    const { event } = await createEvent(1, eventInput('contested', ['pakistan', 'russia'], 2003));
    const writers = [0, 1, 2].flatMap((process) => [0, 1, 2, 3].map((n) => ({ process, token: `w${process}${n}` })));
    let stale = 0;
    await Promise.all(
      writers.map(async ({ process, token }) => {
        for (;;) {
          const current = await readEvent(process, event!.id);
          const result = await updateEvent(
            process,
            event!.id,
            { summary: `${current.summary} ${token}` },
            current.version,
          );
          if (!result.userErrors?.length) return;
          expect(result.userErrors[0]!.code).toBe('STALE_VERSION');
          stale++;
        }
      }),
    );
    const final = await readEvent(2, event!.id);
    expect(final.version).toBe(1 + writers.length);
    for (const { token } of writers) expect(final.summary).toContain(token);
    expect(stale).toBeGreaterThan(0);
    await expectEveryChangeDeliveredOnce();
  }, 120_000);

  it('answers an idempotency key replayed on another process with the first result', async () => {
    const input = eventInput('idempotent-create', ['pakistan', 'india'], 2004);
    const answers = await Promise.all([0, 1, 2].map((process) => createEvent(process, input, 'one-create')));
    const ids = new Set(answers.map((answer) => answer.event!.id));
    expect(ids.size).toBe(1);
    expect(answers.filter((answer) => !answer.replayed)).toHaveLength(1);
    const later = await createEvent(2, input, 'one-create');
    expect(later).toMatchObject({ replayed: true, event: { id: answers[0]!.event!.id } });
    await expectEveryChangeDeliveredOnce();
  }, 120_000);

  it('keeps the actor, pair and period totals equal to a count from scratch after a storm from all three', async () => {
    const storm = async (process: number) => {
      const ids: string[] = [];
      for (let n = 0; n < 8; n++) {
        const cast = [STATES[(process + n) % 6]!, STATES[(process + 2 * n + 1) % 6]!].filter(
          (actor, index, all) => all.indexOf(actor) === index,
        );
        const { event } = await createEvent(process, eventInput(`storm-${process}-${n}`, cast, 2005 + (n % 3)));
        ids.push(event!.id);
      }
      // Each process folds an actor of its own, which took part in some storm events, into a state.
      const actor = await write(
        process,
        'mutation ($input: ActorInput!) { createActor(input: $input) { actor { id version } } }',
        { input: { slug: `storm-envoy-${process}`, name: `Storm envoy ${process}`, kind: 'PERSON' } },
      );
      for (const [n, id] of ids.entries()) {
        const participants = [STATES[(n + process) % 6]!, n % 2 ? `storm-envoy-${process}` : STATES[(n + 3) % 6]!];
        await updateEvent(process, id, {
          date: String(2010 + (n % 4)),
          participants: participants.map((slug, index) => ({ actor: slug, role: index ? 'HOST' : 'VISITOR' })),
        });
        if (n % 3 === 0) await write(process, 'mutation ($id: ID!) { archiveEvent(id: $id) { event { id } } }', { id });
      }
      const russia = (await post(process, '{ actor(slug: "russia") { id } }')).body.data!.actor as unknown as Row;
      await write(
        process,
        'mutation ($from: ID!, $into: ID!) { mergeActors(from: $from, into: $into, reason: "storm") { actor { id } } }',
        { from: actor.actor!.id, into: russia.id },
      );
      // Events touched after the merge too.
      await updateEvent(process, ids[1]!, { title: `After the merge ${process}` });
    };
    await Promise.all([0, 1, 2].map(storm));
    const { kept, counted } = await totalsAt(databaseUrl);
    for (const part of ['periods', 'actors', 'pairs'] as const) {
      const keys = new Set([...Object.keys(kept[part]), ...Object.keys(counted[part])]);
      const differing = [...keys].filter((key) => kept[part][key] !== counted[part][key]);
      expect(
        differing.map((key) => `${key}: kept ${kept[part][key]}, counted ${counted[part][key]}`),
        part,
      ).toEqual([]);
    }
    expect(Object.keys(kept.pairs).length).toBeGreaterThan(0);
    await expectEveryChangeDeliveredOnce();
  }, 240_000);

  it('spends one rate budget per client across the three processes', async () => {
    const query = '{ events(first: 100) { edges { node { id participants { actor { name } } } } } }';
    const { body } = await post(0, query, {}, null);
    const cost = body.extensions!.cost!;
    // About twenty of these spend the budget.
    expect(cost).toBeGreaterThan(BUDGET / 50);
    const started = Date.now();
    let accepted = 1;
    let refused: { status: number; body: Answer } | undefined;
    for (let n = 1; !refused && n < 200; n++) {
      const answer = await post(n % PROCESSES, query, {}, null);
      if (answer.status === 429) refused = answer;
      else accepted++;
    }
    expect(refused?.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    // One budget, refilled while the test ran; one budget per process would have let about three times as much through.
    const refilled = ((Date.now() - started) / 60_000) * BUDGET;
    expect(accepted * cost).toBeLessThanOrEqual(BUDGET + refilled + cost);
    expect(accepted * cost).toBeGreaterThan(BUDGET - 2 * cost);
  }, 120_000);

  it('answers STORAGE_UNAVAILABLE, retryable, while PostgreSQL restarts under load, then recovers by itself with no acknowledged write lost', async () => {
    const acknowledged: string[] = [];
    let stopping = false;
    // Curators on every process keep creating; a retryable refusal is sent again with the same key.
    const load = [0, 1, 2].map(async (process) => {
      for (let n = 0; !stopping; n++) {
        const slug = `restart-${process}-${n}`;
        const { event } = await createEvent(process, eventInput(slug, ['pakistan', 'russia'], 2015), slug);
        if (event) acknowledged.push(event.id);
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await database.stop('fast');
    try {
      for (const process of [0, 1, 2]) {
        const { status, retryAfter, body } = await post(process, '{ event(slug: "cluster-warm-up-0") { id } }');
        expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'STORAGE_UNAVAILABLE', retryable: true });
        expect(status).toBe(503);
        expect(Number(retryAfter)).toBeGreaterThan(0);
        const ready = await fetch(urls[process]!.replace('/graphql', '/ready'));
        expect(ready.status).toBe(503);
      }
    } finally {
      await database.start();
    }
    const startedAgain = Date.now();
    for (const process of [0, 1, 2]) {
      while ((await post(process, '{ event(slug: "cluster-warm-up-0") { id } }')).body.errors)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await fetch(urls[process]!.replace('/graphql', '/ready'))).status).toBe(200);
    }
    console.log(`three processes: all answering ${Date.now() - startedAgain} ms after PostgreSQL was back`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    stopping = true;
    await Promise.all(load);
    const found = await store.eventsByIds(acknowledged.map((id) => Number(decodeGlobalID(id).id)));
    expect(found).toHaveLength(acknowledged.length);
    await expectEveryChangeDeliveredOnce();
  }, 180_000);

  it('keeps serving, and delivering, from the other processes when one is killed; its subscriber resumes on another with no gap', async () => {
    // A subscriber of process 2 that keeps the cursor of each change it receives.
    const start = (await store.changesSince(0, 1_000_000)).at(-1)!.id;
    const resumed: { id: string; cursor: string }[] = [];
    const subscribeFrom = (process: number, after: string) =>
      clients.push(subscribeToEventChanges(urls[process]!, (id, cursor) => resumed.push({ id, cursor }), after));
    subscribeFrom(2, String(start));
    // Curators keep writing through the two other processes while process 2 dies.
    let stopping = false;
    const load = [0, 1].map(async (process) => {
      for (let n = 0; !stopping; n++)
        await createEvent(process, eventInput(`around-kill-${process}-${n}`, ['china', 'russia'], 2016));
    });
    while (resumed.length < 3) await new Promise((resolve) => setTimeout(resolve, 20));
    processes[2]!.child.kill('SIGKILL');
    await processes[2]!.exited;
    // The killed process's subscribers are gone; the others must go on hearing every change.
    received.splice(2 * SUBSCRIBERS_PER_PROCESS);
    // Writes go on while the subscriber is away, then it comes back on process 1 with its last cursor.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const awayFrom = Number(resumed.at(-1)!.cursor);
    subscribeFrom(1, String(awayFrom));
    // Changes were committed while it was away: the replay is what delivers them.
    expect((await store.changesSince(awayFrom, 1)).length).toBe(1);
    const resumedAt = resumed.length;
    while (resumed.length < resumedAt + 3) await new Promise((resolve) => setTimeout(resolve, 20));
    stopping = true;
    await Promise.all(load);
    await expectEveryChangeDeliveredOnce();
    const logged = (await store.changesSince(start, 1_000_000)).filter((row) => row.entityType === 'event');
    while (resumed.length < logged.length) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(resumed).toEqual(logged.map((row) => ({ id: String(row.entityId), cursor: String(row.id) })));
  }, 120_000);
});
