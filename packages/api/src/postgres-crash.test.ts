/**
 * Crash durability on PostgreSQL: a writer loops through the API (Yoga over a store on a real
 * server), and the server is killed mid-loop as a crash would (`pg_ctl stop -m immediate`: no
 * checkpoint, no goodbye to the clients) and started again, several times. The store commits with
 * `synchronous_commit = on` (its default, `DURABILITY=full`), so a write is acknowledged only once
 * its WAL record is on disk: after each restart every acknowledged write must be there, with a
 * revision for each. While the server is down every write and read answers STORAGE_UNAVAILABLE,
 * retryable (never INTERNAL_SERVER_ERROR), and the same API process, never restarted, serves
 * and writes again once the server is back: its connection pool opens new connections.
 *
 * The writer retries a refused write with the same idempotency key until it is acknowledged, as
 * the error tells callers to: a write whose commit reached the disk but whose answer was lost with
 * the connection is then replayed, never applied twice.
 */
import { type BilateralStore, openBilateralStore } from '@bilateral/store';
import { fixtureSeedsDir } from '@bilateral/store/testing';
import {
  itRequiresPostgresServerInCI,
  type PostgresServer,
  postgresServerInstalled,
  startPostgresServer,
} from '@bilateral/store/testing/postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { executeOverHttp } from './testing/graphql.ts';
import { eventInputs } from './testing/write-api.ts';
import { createBilateralYoga } from './yoga.ts';

const ROUNDS = 3;
/** Acknowledged writes to wait for before each kill, and after each restart before the next. */
const ACKS_BETWEEN = 8;
const CREATE = `mutation ($input: EventInput!, $key: String) {
  createEvent(input: $input, idempotencyKey: $key) { replayed event { slug version } userErrors { code } } }`;
const READ = '{ events(first: 1) { totalCount } }';

const installed = postgresServerInstalled('the PostgreSQL crash test of api/postgres-crash.test.ts');
itRequiresPostgresServerInCI(installed);

describe.runIf(installed)('crash durability on PostgreSQL', () => {
  let server: PostgresServer;
  let store: BilateralStore;
  let secret: string;

  beforeAll(async () => {
    server = await startPostgresServer();
    store = openBilateralStore({ databaseUrl: await server.createDatabase('crash') });
    await store.loadSeeds(fixtureSeedsDir);
    secret = (await store.createApiKey('write', 'crash writer')).secret;
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await server?.remove();
  }, 120_000);

  it(`keeps every acknowledged write across ${ROUNDS} kills of the server, and the API recovers by itself`, async () => {
    const yoga = createBilateralYoga({ store, logging: false, audit: () => {} });
    const post = (query: string, variables?: Record<string, unknown>) =>
      executeOverHttp(yoga, query, variables, { authorization: `Bearer ${secret}` });
    // The API logs each storage fault on one line; dozens are expected here.
    vi.spyOn(console, 'error').mockImplementation(() => {});

    const acknowledged: string[] = [];
    /** Every refusal, as status and error extensions. */
    const refusals: { status: number; extensions: unknown }[] = [];
    let replayed = 0;
    let stopping = false;
    const inputs = eventInputs('crash');
    const writer = (async () => {
      while (!stopping) {
        const input = inputs();
        // Until acknowledged: the same key each time, as a refused write's message says.
        for (;;) {
          const { status, body } = await post(CREATE, { input, key: `key-${input.slug}` });
          const saved = body.data?.createEvent;
          if (saved?.event) {
            expect(saved.userErrors).toEqual([]);
            if (saved.replayed) replayed++;
            acknowledged.push(input.slug);
            break;
          }
          refusals.push({ status, extensions: body.errors?.[0]?.extensions });
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    })();
    const acksReach = async (count: number) => {
      while (acknowledged.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
    };

    try {
      for (let round = 1; round <= ROUNDS; round++) {
        await acksReach(acknowledged.length + ACKS_BETWEEN);
        const refusedBefore = refusals.length;
        await server.stop('immediate');
        // Down: reads are refused as the writes are, with the same retryable code.
        const read = await post(READ);
        expect(read.status).toBe(503);
        expect(read.body.errors?.[0]?.extensions).toEqual({ code: 'STORAGE_UNAVAILABLE', retryable: true });
        while (refusals.length < refusedBefore + 3) await new Promise((resolve) => setTimeout(resolve, 5));
        const acknowledgedWhileDown = acknowledged.length;
        await server.start();
        await acksReach(acknowledgedWhileDown + ACKS_BETWEEN);
      }
    } finally {
      stopping = true;
      await writer;
    }

    expect(refusals.length).toBeGreaterThanOrEqual(ROUNDS * 3);
    for (const refusal of refusals)
      expect(refusal).toEqual({ status: 503, extensions: { code: 'STORAGE_UNAVAILABLE', retryable: true } });

    // Every acknowledged event is stored, with one revision for each of its versions.
    const lost: string[] = [];
    for (const slug of acknowledged) {
      const event = await store.eventBySlug(slug);
      if (!event) lost.push(slug);
      else expect((await store.revisionsOf('event', event.id, 100)).length, slug).toBe(event.version);
    }
    expect(lost, 'acknowledged writes lost').toEqual([]);
    console.log(
      `PostgreSQL crash durability: ${ROUNDS} kills, ${acknowledged.length} writes acknowledged (${replayed} on a retry found already committed), ${refusals.length} refused while down, none lost`,
    );
  }, 180_000);
});
