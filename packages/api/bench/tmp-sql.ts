import { openBilateralStore } from '@bilateral/store';
import { syntheticDatabase } from '@bilateral/store/synthetic';
import { openStore } from '@bilateral/store/testing';
import { startCluster } from './postgraphile/postgres.ts';
import { pageQueries, HUB_FILTER } from './queries.ts';
import { createBilateralYoga } from '../src/yoga.ts';
startCluster({ dir: '/tmp/pgb/dev', port: 4441, cpu: null });
const s = syntheticDatabase({ events: 100000, seed: 1 });
const db = openStore(s.path).$client;
const qs = [...pageQueries(db, { depths: [0.5] }, 'p', 100), ...pageQueries(db, { depths: [0.5] }, 'h', 100, HUB_FILTER)];
const logs: unknown[] = [];
let on = false;
const store = openBilateralStore({ databaseUrl: process.env.SQ ? undefined : 'postgres://postgres@127.0.0.1:4441/bench_1c1452dc002824f9', path: s.path, onStatement: (q) => on && logs.push(q) });
const yoga = createBilateralYoga({ store, logging: false });
const send = (q: (typeof qs)[0]) => yoga.fetch('http://x/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(q.request) }).then((r) => r.text());
for (const q of qs) { await send(q); on = true; await send(q); on = false; }
console.log(logs.join('\n---\n'));
const N = 200;
for (const q of qs) { await send(q); const t = performance.now(); const c0 = process.cpuUsage(); for (let i = 0; i < N; i++) await send(q); const c = process.cpuUsage(c0); console.log(q.name, ((performance.now() - t) / N).toFixed(2), 'ms wall', ((c.user + c.system) / 1000 / N).toFixed(2), 'ms node cpu'); }
await store.close();
