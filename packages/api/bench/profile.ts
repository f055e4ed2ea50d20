// Where a request's CPU time goes: one benchmark query sent many times, in-process, through the real Yoga
// handler over the benchmark's synthetic database, under V8's sampling profiler. Prints the CPU time per
// request, the self time grouped by package and the CPU by stage (cpu-stages.ts), and writes the .cpuprofile (Chrome DevTools opens it).
// Run: npx -y pnpm@10 --filter @bilateral/api bench:profile
// Settings (environment): PROFILE_QUERY (a query name from queries.ts, default "page20 @50%"),
// PROFILE_EVENTS (database size, default 100000), PROFILE_REQUESTS (default 2000), PROFILE_OUTPUT,
// PROFILE_METRICS=1 (with metrics, each request's statements counted through its scoped store, as the server runs them).
// CPU time, not wall time, so that other work on a shared machine moves the figure less.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '@bilateral/store';
import { syntheticDatabase } from '@bilateral/store/synthetic';
import { sqliteDatabaseOf } from '@bilateral/store/testing';
import { sdkTrustedDocuments } from '../src/execution/trusted-documents.ts';
import { createMetrics } from '../src/observability/metrics.ts';
import { createBilateralYoga } from '../src/yoga.ts';
import { type CpuProfile, stageTable } from './cpu-stages.ts';
import { benchQueries } from './queries.ts';

const queryName = process.env.PROFILE_QUERY ?? 'page20 @50%';
const events = Number(process.env.PROFILE_EVENTS ?? 100_000);
const requests = Number(process.env.PROFILE_REQUESTS ?? 2000);
const output = process.env.PROFILE_OUTPUT ?? join(tmpdir(), 'bilateral-profile.cpuprofile');
const withMetrics = process.env.PROFILE_METRICS === '1';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The package (or workspace folder) a script URL belongs to, for grouping self time. */
function owner(url: string): string {
  if (!url) return '(native: SQLite, JSON, GC ...)';
  const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pnpm) return pnpm[1]!;
  const workspace = /\/packages\/([^/]+)\/(src|bench)\/([^/]+)/.exec(url);
  if (workspace) return `@bilateral/${workspace[1]} ${workspace[2]}/${workspace[3]}`;
  return url.startsWith('node:') ? 'node' : url;
}

function selfTimeByOwner(profile: Profile): [string, number][] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id)!.callFrame;
    const name = frame.functionName === '(garbage collector)' ? '(garbage collector)' : owner(frame.url);
    totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

const database = syntheticDatabase({ events, seed: 1 });
const store = openSqliteStore(database.path);
const query = benchQueries(sqliteDatabaseOf(store).$client, { depths: [0.5] }).find(
  (candidate) => candidate.name === queryName,
);
if (!query) throw new Error(`no benchmark query named "${queryName}" (see bench/queries.ts)`);
const metrics = withMetrics ? createMetrics({ store, trustedDocuments: sdkTrustedDocuments() }) : undefined;
const yoga = createBilateralYoga({ store, logging: false, metrics });
const body = JSON.stringify(query.request);
const fetchPage = () =>
  yoga.fetch('http://bilateral.bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
const send = async () => {
  const response = await fetchPage();
  const text = await response.text();
  if (!response.ok || text.includes('"errors"')) throw new Error(`the query failed: ${text.slice(0, 300)}`);
};

for (let i = 0; i < Math.min(500, requests); i++) await send();
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.start');
const cpuBefore = process.cpuUsage();
for (let i = 0; i < requests; i++) await send();
const cpu = process.cpuUsage(cpuBefore);
const { profile } = await session.post('Profiler.stop');
writeFileSync(output, JSON.stringify(profile));

console.log(`${query.name} at ${events.toLocaleString('en-US')} events: ${requests} requests, one at a time`);
console.log(`CPU time: ${((cpu.user + cpu.system) / 1000 / requests).toFixed(3)} ms per request (profiler running)`);
const grouped = selfTimeByOwner(profile as Profile);
const total = grouped.reduce((sum, [, time]) => sum + time, 0);
for (const [name, time] of grouped.slice(0, 25))
  console.log(`${((100 * time) / total).toFixed(1).padStart(6)}%  ${name}`);
const cpuMsPerRequest = (cpu.user + cpu.system) / 1000 / requests;
console.log(`\nCPU by stage (bench/cpu-stages.ts)\n${stageTable(profile as CpuProfile, cpuMsPerRequest)}`);
console.log(`profile: ${output}`);
