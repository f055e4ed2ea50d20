// API processes on a PostgreSQL hot standby (issue: many API machines on one PostgreSQL): one started
// READ_ONLY serves reads and live updates from the standby and refuses writes; one pointed at the
// standby without READ_ONLY (DATABASE_URL following the primary in a failover) answers writes with a
// retryable STORAGE_READ_ONLY until the standby is promoted, then recovers by itself, with no
// restart and no acknowledged write lost. The primary is a throwaway server; the standby its
// streaming copy (`pg_basebackup -R`), promoted with `pg_ctl promote` once the primary is stopped.
import { type BilateralStore, openBilateralStore } from '@bilateral/store';
import {
  itRequiresPostgresServerInCI,
  type PostgresServer,
  postgresServerInstalled,
  startPostgresServer,
} from '@bilateral/store/testing/postgres';
import { decodeGlobalID } from '@pothos/plugin-relay';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribeToEventChanges, visitInput } from '../testing/event-changes-client.ts';
import { type ServerProcess, startServer } from '../testing/server-process.ts';

const BUDGET = 20_000;

interface Answer {
  data?: Record<string, { event?: { id: string } } | null>;
  errors?: { message: string; extensions?: { code?: string; retryable?: boolean } }[];
  extensions?: { cost?: number };
}

const installed = postgresServerInstalled('the hot standby tests (READ_ONLY replica, promotion)');
itRequiresPostgresServerInCI(installed);

describe.skipIf(!installed)('API processes on a PostgreSQL hot standby', () => {
  let primary: PostgresServer;
  let standby: PostgresServer;
  let writer: ServerProcess;
  /** READ_ONLY on the standby. */
  let reader: ServerProcess;
  /** On the standby without READ_ONLY, as a process whose DATABASE_URL follows the primary in a failover. */
  let follower: ServerProcess;
  const urls = { writer: '', reader: '', follower: '' };
  let writeKey: string;
  const clients: Client[] = [];
  /** The IDs of the changed events each subscriber received (reader's, follower's), in order. */
  const received: { reader: string[]; follower: string[] } = { reader: [], follower: [] };
  let fromRevision = 0;

  const post = async (url: string, query: string, variables: object = {}, key: string | null = writeKey) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: (await response.json()) as Answer,
    };
  };
  const ready = async (url: string) => (await fetch(url.replace('/graphql', '/ready'))).status;

  const CREATE =
    'mutation ($input: EventInput!, $key: String) { createEvent(input: $input, idempotencyKey: $key) { event { id } } }';
  const eventInput = (slug: string) => visitInput(slug);
  /** Creates an event, sending it again with the same idempotency key while the answer is retryable; its ID. */
  const create = async (url: string, slug: string) => {
    for (;;) {
      const { body } = await post(url, CREATE, { input: eventInput(slug), key: slug });
      if (!body.errors?.[0]?.extensions?.retryable) {
        expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
        return body.data!.createEvent!.event!.id;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const subscribe = (url: string, ids: string[]) => clients.push(subscribeToEventChanges(url, (id) => ids.push(id)));

  /** The IDs of the events changed after `fromRevision`, in commit order, as `database`'s revision log holds them. */
  const loggedOn = async (databaseUrl: string) => {
    const store = openBilateralStore({ databaseUrl });
    try {
      const rows = await store.changesSince(fromRevision, 100_000);
      return rows.filter((row) => row.entityType === 'event').map((row) => String(row.entityId));
    } finally {
      await store.close();
    }
  };

  const expectEveryChangeDeliveredOnce = async (databaseUrl: string) => {
    const logged = await loggedOn(databaseUrl);
    const deadline = Date.now() + 20_000;
    while (Object.values(received).some((ids) => ids.length < logged.length) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(received.reader).toEqual(logged);
    expect(received.follower).toEqual(logged);
    return logged;
  };

  beforeAll(async () => {
    primary = await startPostgresServer();
    const primaryUrl = await primary.createDatabase('replicated');
    const common = { RATE_LIMIT_POINTS_PER_MINUTE: String(BUDGET), WORKERS: undefined, METRICS: 'false' };
    // The writer migrates the primary and loads the seeds before the standby copies it.
    writer = startServer({ DATABASE_URL: primaryUrl, ...common });
    urls.writer = await writer.listening;
    const primaryStore: BilateralStore = openBilateralStore({ databaseUrl: primaryUrl });
    writeKey = (await primaryStore.createApiKey('write', 'standby test')).secret;
    await primaryStore.close();
    standby = await startPostgresServer({}, { standbyOf: primary });
    // A write is acknowledged once the standby has it too: what a failover without loss needs.
    await primary.execute("alter system set synchronous_standby_names = '*'");
    await primary.execute('select pg_reload_conf()');
    const standbyUrl = standby.url('replicated');
    reader = startServer({ DATABASE_URL: standbyUrl, READ_ONLY: 'true', ...common });
    follower = startServer({ DATABASE_URL: standbyUrl, ...common });
    urls.reader = await reader.listening;
    urls.follower = await follower.listening;
    subscribe(urls.reader, received.reader);
    subscribe(urls.follower, received.follower);
    // The subscriptions are live once a write reaches both (see many-processes.test.ts).
    const warm: string[] = [];
    const everyoneWarm = () =>
      warm.length > 0 && Object.values(received).every((ids) => ids.includes(decodeGlobalID(warm.at(-1)!).id));
    const deadline = Date.now() + 60_000;
    while (!everyoneWarm() && Date.now() < deadline) {
      warm.push(await create(urls.writer, `standby-warm-up-${warm.length}`));
      const settled = Date.now() + 2_000;
      while (!everyoneWarm() && Date.now() < settled) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(everyoneWarm()).toBe(true);
    const store = openBilateralStore({ databaseUrl: primaryUrl });
    fromRevision = (await store.changesSince(0, 1_000_000)).at(-1)!.id;
    await store.close();
    for (const ids of Object.values(received)) ids.length = 0;
  }, 240_000);

  afterAll(async () => {
    for (const client of clients) await client.dispose();
    const processes = [writer, reader, follower].filter(Boolean);
    for (const process of processes) process.child.kill('SIGTERM');
    await Promise.all(processes.map((process) => process.exited));
    await standby?.remove();
    await primary?.remove();
  }, 60_000);

  it('serves reads and live updates on the standby READ_ONLY, refuses writes there, and never serves a client unlimited', async () => {
    for (let n = 0; n < 3; n++) await create(urls.writer, `replicated-${n}`);
    const logged = await expectEveryChangeDeliveredOnce(standby.url('replicated'));
    expect(logged).toHaveLength(3);
    const read = await post(urls.reader, '{ event(slug: "replicated-2") { slug } }');
    expect(read.body).toEqual(expect.objectContaining({ data: { event: { slug: 'replicated-2' } } }));
    expect(await ready(urls.reader)).toBe(200);

    const refused = await post(urls.reader, CREATE, { input: eventInput('not-on-a-replica') });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'STORAGE_READ_ONLY', retryable: false });

    // The standby cannot keep the shared budget: the process keeps one itself, never none.
    const query = '{ events(first: 100) { edges { node { id participants { actor { name } } } } } }';
    let accepted = 0;
    let cost = 0;
    let limited: Awaited<ReturnType<typeof post>> | undefined;
    for (let n = 0; !limited && n < 200; n++) {
      const answer = await post(urls.reader, query, {}, null);
      if (answer.status === 429) limited = answer;
      else {
        accepted++;
        cost = answer.body.extensions!.cost!;
      }
    }
    expect(limited?.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(accepted * cost).toBeLessThan(BUDGET * 2);
    expect(reader.output()).toMatch(/RATE_LIMIT_POINTS_PER_MINUTE: the database is served read-only/);
  }, 120_000);

  it('answers writes on the standby without READ_ONLY with a retryable STORAGE_READ_ONLY, and recovers by itself when it is promoted', async () => {
    const refused = await post(urls.follower, CREATE, {
      input: eventInput('before-promotion'),
      key: 'before-promotion',
    });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'STORAGE_READ_ONLY', retryable: true });
    expect(refused.status).toBe(503);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(await ready(urls.follower)).toBe(503);

    const acknowledged: string[] = [];
    for (let n = 0; n < 3; n++) acknowledged.push(await create(urls.writer, `on-the-primary-${n}`));
    // Curators keep writing through the follower, retrying with the same key while refused.
    let stopping = false;
    const load = (async () => {
      for (let n = 0; !stopping; n++) acknowledged.push(await create(urls.follower, `through-the-failover-${n}`));
    })();
    await new Promise((resolve) => setTimeout(resolve, 500));
    writer.child.kill('SIGTERM');
    await writer.exited;
    await primary.stop('fast');
    const promoting = Date.now();
    await standby.promote();
    while ((await ready(urls.follower)) !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    console.log(`hot standby: the follower ready ${Date.now() - promoting} ms after pg_ctl promote began`);
    const afterPromotion = acknowledged.length;
    while (acknowledged.length < afterPromotion + 3) await new Promise((resolve) => setTimeout(resolve, 50));
    stopping = true;
    await load;

    const promoted = openBilateralStore({ databaseUrl: standby.url('replicated') });
    try {
      const found = await promoted.eventsByIds(acknowledged.map((id) => Number(decodeGlobalID(id).id)));
      expect(found).toHaveLength(acknowledged.length);
    } finally {
      await promoted.close();
    }
    // The before-promotion write, refused, was never made; the reader still serves and still refuses writes.
    expect((await post(urls.reader, '{ event(slug: "before-promotion") { slug } }')).body.data?.event).toBeNull();
    const stillRefused = await post(urls.reader, CREATE, { input: eventInput('still-read-only') });
    expect(stillRefused.body.errors?.[0]?.extensions?.code).toBe('STORAGE_READ_ONLY');
    const logged = await expectEveryChangeDeliveredOnce(standby.url('replicated'));
    expect(logged.length).toBeGreaterThanOrEqual(3 + acknowledged.length);
  }, 180_000);
});
