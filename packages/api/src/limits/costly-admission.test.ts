import type { BilateralStore } from '@bilateral/store';
import { openFixtureStore } from '@bilateral/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../hostile/harness.ts';
import { type BilateralYoga, createBilateralYoga } from '../yoga.ts';
import {
  type AdmissionGate,
  admissionFromEnv,
  COSTLY_PRICE,
  createAdmissionGate,
  DEFAULT_ADMISSION,
} from './costly-admission.ts';

const STATS = /* GraphQL */ `
  query {
    eventStats(filter: { from: "2000" }, groupBy: [YEAR]) { totalCount }
    cooperationIndex(filter: { from: "2000" }) { years { year meanGoldstein } }
  }
`;
const PAGE = /* GraphQL */ `
  query {
    events(first: 2) { edges { node { slug } } }
  }
`;

/** Whether `promise` has settled by the time the event loop has turned a few times. */
async function settledSoon(promise: Promise<unknown>) {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('createAdmissionGate', () => {
  it('runs `running` at once, queues `waiting`, refuses the rest, and hands a slot on in order', async () => {
    const gate = createAdmissionGate({ running: 1, waiting: 2 });
    const first = await gate.enter()!;
    const second = gate.enter()!;
    const third = gate.enter()!;
    expect(gate.enter()).toBeUndefined();
    expect([gate.runningCount, gate.waitingCount]).toEqual([1, 2]);
    expect(await settledSoon(second)).toBe(false);
    first();
    first(); // a second release frees nothing more
    const releaseSecond = await second;
    expect(await settledSoon(third)).toBe(false);
    releaseSecond();
    (await third)();
    await settledSoon(Promise.resolve());
    expect([gate.runningCount, gate.waitingCount]).toEqual([0, 0]);
  });

  it('estimates Retry-After from the queue ahead and how long recent slots were held', async () => {
    let clock = 0;
    const gate = createAdmissionGate({ running: 1, waiting: 4 }, () => clock);
    for (let scan = 0; scan < 30; scan++) {
      const release = await gate.enter()!;
      clock += 2_000;
      release();
      await settledSoon(Promise.resolve());
    }
    const held = await gate.enter()!;
    void gate.enter();
    void gate.enter();
    // Three ahead at about 2 s each.
    expect(gate.retryAfterSeconds()).toBeGreaterThanOrEqual(5);
    expect(gate.retryAfterSeconds()).toBeLessThanOrEqual(6);
    held();
  });
});

describe('admissionFromEnv', () => {
  it('reads both settings and keeps the defaults for absent or malformed ones', () => {
    expect(admissionFromEnv({})).toEqual(DEFAULT_ADMISSION);
    expect(admissionFromEnv({ COSTLY_REQUESTS_AT_ONCE: '2', COSTLY_REQUESTS_WAITING: '0' })).toEqual({
      running: 2,
      waiting: 0,
    });
    expect(admissionFromEnv({ COSTLY_REQUESTS_AT_ONCE: '0', COSTLY_REQUESTS_WAITING: 'many' })).toEqual(
      DEFAULT_ADMISSION,
    );
  });
});

describe('costly requests through the API', () => {
  let store: BilateralStore;
  let gate: AdmissionGate;
  let yoga: BilateralYoga;
  beforeAll(() => {
    store = openFixtureStore();
    gate = createAdmissionGate({ running: 1, waiting: 1 });
    yoga = createBilateralYoga({ store, logging: false, costlyAdmission: gate });
  });
  afterAll(() => store.close());

  it('answers a cheap request while costly ones are held or refused BUSY, and runs the held one when a slot frees', async () => {
    // Another costly request holds the only slot.
    const releaseHeld = await gate.enter()!;
    const waiting = send(yoga, { body: { query: STATS } });
    expect(await settledSoon(waiting)).toBe(false);

    const refused = await send(yoga, { body: { query: STATS } });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BUSY', retryable: true });
    expect(refused.text).not.toContain('"data"');

    const cheap = await send(yoga, { body: { query: PAGE } });
    expect(cheap.status).toBe(200);
    expect(cheap.body.errors).toBeUndefined();
    expect(await settledSoon(waiting)).toBe(false);

    releaseHeld();
    const answered = await waiting;
    expect(answered.status).toBe(200);
    expect(answered.body.errors).toBeUndefined();
    expect(
      (answered.body as { data: { eventStats: { totalCount: number } } }).data.eventStats.totalCount,
    ).toBeGreaterThan(0);
    await settledSoon(Promise.resolve());
    expect([gate.runningCount, gate.waitingCount]).toEqual([0, 0]);
  });

  it('frees the slot when a costly request fails', async () => {
    const failing = await send(yoga, { body: { query: '{ search(query: "\\"") { totalCount } }' } });
    expect(failing.body.errors?.[0]?.extensions?.code).toBe('INVALID_SEARCH');
    await settledSoon(Promise.resolve());
    expect([gate.runningCount, gate.waitingCount]).toEqual([0, 0]);
  });

  it('never holds a mutation, however it is priced', async () => {
    const releaseHeld = await gate.enter()!;
    void gate.enter(); // the one waiting place is taken too
    const costlyPayload = `event { participants { actor { events(first: 100) { edges { node { participants { role actor { slug name kind } } slug title summary kind } } } } } }`;
    const mutation = await send(yoga, {
      body: { query: `mutation { archiveEvent(id: "RXZlbnQ6MQ==") { replayed ${costlyPayload} } }` },
    });
    expect(mutation.body.extensions?.cost).toBeGreaterThanOrEqual(COSTLY_PRICE);
    expect(mutation.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    releaseHeld();
  });
});
