// `npx -y pnpm@10 --filter @bilateral/api bench:cluster`: a throwaway PostgreSQL and 1, 2 and 3 API
// processes (the bundle, separate ports, no cluster primary) under mixed load: readers asking for an
// event page back to back, round-robin over the processes, one write a second, and subscribers to
// `eventChanged` spread over the processes. Prints per run the reads per second, the CPU time per
// request of each API process and of PostgreSQL (all its processes), and the delivery latency of
// the writes (from the write being sent to a subscriber receiving it) at p50 and p99. Then, with
// three processes, PostgreSQL is restarted under that load: the refused requests by code, the time
// until every process answers again, and the acknowledged creates missing afterwards (must be 0).
// On a two-core machine shared with the load generator this shows CPU per request, not scaling.
// Settings: BENCH_SECONDS (per run, default 10), BENCH_READERS (default 8), BENCH_SUBSCRIBERS (default 100).
import { readdirSync, readFileSync } from 'node:fs';
import { openBilateralStore } from '@bilateral/store';
import { startPostgresServer } from '@bilateral/store/testing/postgres';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { type ServerProcess, startServer } from '../src/testing/server-process.ts';
import { cpuMsOf } from './proc.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const READERS = Number(process.env.BENCH_READERS ?? 8);
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 100);
const READ = '{ events(first: 20) { edges { node { id title participants { actor { name } } } } } }';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every process of the PostgreSQL server listening on `port`: the postmaster and its children. */
function postgresPids(port: number): number[] {
  const commandOf = (pid: string) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    } catch {
      return '';
    }
  };
  const postmaster = readdirSync('/proc').find((pid) => /^\d+$/.test(pid) && commandOf(pid).includes(`-p ${port}`));
  if (!postmaster) return [];
  const children = readdirSync('/proc').filter((pid) => {
    try {
      return (
        /^\d+$/.test(pid) && readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1] === postmaster
      );
    } catch {
      return false;
    }
  });
  return [postmaster, ...children].map(Number);
}
const cpuOfAll = (pids: number[]) =>
  pids.reduce((sum, pid) => {
    try {
      return sum + cpuMsOf(pid);
    } catch {
      return sum;
    }
  }, 0);

const percentile = (values: number[], p: number) =>
  values.length ? [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]! : NaN;

const database = await startPostgresServer();
const databaseUrl = await database.createDatabase('bench');
const store = openBilateralStore({ databaseUrl });
const key = (await store.createApiKey('write', 'bench:cluster')).secret;

async function post(url: string, query: string, variables: object = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as {
    data?: Record<string, { event?: { id: string; version: number } } | null>;
    errors?: { extensions?: { code?: string } }[];
  };
}

const INPUT = (slug: string) => ({
  slug,
  title: `Bench ${slug}`,
  summary: 'Delegations held talks.',
  kind: 'VISIT',
  date: '2019',
  sectors: ['DIPLOMACY'],
  participants: [
    { actor: 'pakistan', role: 'VISITOR' },
    { actor: 'russia', role: 'HOST' },
  ],
  citations: [{ source: 'blog-2022-pakistan-russia-relationship', paragraph: 4 }],
});
const CREATE =
  'mutation ($input: EventInput!, $key: String) { createEvent(input: $input, idempotencyKey: $key) { event { id version } } }';
const UPDATE =
  'mutation ($id: ID!, $title: String!) { updateEvent(id: $id, patch: { title: $title }) { event { id version } } }';

async function run(count: number, restart: boolean) {
  const servers: ServerProcess[] = Array.from({ length: count }, () =>
    startServer({ DATABASE_URL: databaseUrl, WORKERS: undefined, METRICS: 'false' }),
  );
  const urls = await Promise.all(servers.map((server) => server.listening));
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const clients = Array.from({ length: SUBSCRIBERS }, (_, n) => {
    const client = createClient({ url: urls[n % count]!.replace('http', 'ws'), webSocketImpl: WebSocket });
    client.subscribe(
      { query: 'subscription { eventChanged { id version } }' },
      {
        next: ({ data }) => {
          const change = (data as { eventChanged?: { id: string; version: number } } | undefined)?.eventChanged;
          const sent = change && sentAt.get(`${change.id}@${change.version}`);
          if (sent) latencies.push(performance.now() - sent);
        },
        error: () => {},
        complete: () => {},
      },
    );
    return client;
  });
  const { data } = await post(urls[0]!, CREATE, { input: INPUT(`bench-${count}-target`) });
  const target = data!.createEvent!.event!;
  await sleep(2000);

  let running = true;
  let reads = 0;
  const refused = new Map<string, number>();
  const acknowledged: string[] = [];
  const readers = Array.from({ length: READERS }, async (_, reader) => {
    for (let n = reader; running; n++) {
      try {
        const answer = await post(urls[n % count]!, READ);
        const code = answer.errors?.[0]?.extensions?.code;
        if (code) refused.set(code, (refused.get(code) ?? 0) + 1);
        else reads++;
      } catch {
        refused.set('no answer', (refused.get('no answer') ?? 0) + 1);
      }
    }
  });
  const writer = (async () => {
    for (let n = 0; running; n++) {
      const url = urls[n % count]!;
      const started = performance.now();
      try {
        if (restart) {
          const slug = `bench-restart-${n}`;
          const answer = await post(url, CREATE, { input: INPUT(slug), key: slug });
          if (answer.data?.createEvent?.event) acknowledged.push(answer.data.createEvent.event.id);
        } else {
          // The version it will have once written: the subscribers' payloads are matched on it.
          sentAt.set(`${target.id}@${target.version + n + 1}`, started);
          await post(url, UPDATE, { id: target.id, title: `Bench title ${n}` });
        }
      } catch {}
      await sleep(Math.max(0, 1000 - (performance.now() - started)));
    }
  })();

  const pids = servers.map((server) => server.child.pid!);
  const apiCpuBefore = pids.map(cpuMsOf);
  const postgresCpuBefore = cpuOfAll(postgresPids(database.port));
  const readsBefore = reads;
  const started = performance.now();
  let restartOutcome = '';
  if (restart) {
    await sleep(2000);
    await database.stop('fast');
    await sleep(3000);
    await database.start();
    const back = performance.now();
    for (const url of urls) while ((await post(url, READ).catch(() => ({ errors: [{}] }))).errors) await sleep(50);
    restartOutcome = `every process answering ${((performance.now() - back) / 1000).toFixed(2)} s after PostgreSQL was back`;
    await sleep(2000);
  } else await sleep(SECONDS * 1000);
  const seconds = (performance.now() - started) / 1000;
  const requests = reads - readsBefore;
  const apiCpu = pids.map((pid, n) => cpuMsOf(pid) - apiCpuBefore[n]!);
  const postgresCpu = cpuOfAll(postgresPids(database.port)) - postgresCpuBefore;
  running = false;
  await Promise.all([...readers, writer]);

  if (restart) {
    const found = await store.eventsByIds(acknowledged.map((id) => Number(decodeGlobalID(id).id)));
    console.log(
      `restart with ${count} processes: ${restartOutcome}; refused ${JSON.stringify(Object.fromEntries(refused))}; ` +
        `${acknowledged.length} creates acknowledged, ${acknowledged.length - found.length} missing`,
    );
  } else {
    const perRequest = (ms: number) => `${((ms / Math.max(1, requests)) * 1000).toFixed(0)} µs`;
    console.log(
      `${count} process${count > 1 ? 'es' : ''}: ${(requests / seconds).toFixed(0)} reads/s over ${seconds.toFixed(1)} s; ` +
        `CPU per read: ${apiCpu.map((ms, n) => `API ${n + 1} ${perRequest(ms)}`).join(', ')}, PostgreSQL ${perRequest(postgresCpu)}; ` +
        `delivery p50 ${percentile(latencies, 0.5).toFixed(0)} ms, p99 ${percentile(latencies, 0.99).toFixed(0)} ms ` +
        `(${latencies.length} deliveries to ${SUBSCRIBERS} subscribers)` +
        (refused.size ? `; refused ${JSON.stringify(Object.fromEntries(refused))}` : ''),
    );
  }
  for (const client of clients) await client.dispose();
  for (const server of servers) server.child.kill('SIGTERM');
  await Promise.all(servers.map((server) => server.exited));
}

try {
  console.log(`load average before: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  for (const count of [1, 2, 3]) await run(count, false);
  await run(3, true);
} finally {
  await store.close();
  await database.remove();
}
