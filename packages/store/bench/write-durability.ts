// What acknowledged-means-durable costs: creates per second through saveRecord (the API's one write
// path, one transaction per create) with DURABILITY=full (synchronous=FULL, an fsync of the WAL at
// every commit) against fast (NORMAL, no fsync at commit), measured in the same run on the same disk.
// Rounds alternate between the two databases so drift in the machine's load hits both alike.
// Run: npx -y pnpm@10 --filter @bilateral/store bench:durability [DIR]
//   DIR defaults to the system temp directory; point it at the volume the database will live on.
//   BENCH_ROUNDS (default 5) and BENCH_CREATES (creates per round, default 200).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApiKey } from '../src/curation/keys.ts';
import { saveRecord } from '../src/curation/save-record.ts';
import { closeStore, type Durability, openStore, type Store } from '../src/db/client.ts';
import { loadSeeds } from '../src/seed-loader/index.ts';
import { fixtureSeedsDir, fixtureVisit } from '../src/testing/fixture-store.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CREATES = Number(process.env.BENCH_CREATES ?? 200);
const dir = mkdtempSync(join(resolve(process.argv[2] ?? tmpdir()), 'bilateral-durability-'));

function fileSystemOf(path: string): string {
  try {
    return execFileSync('df', ['--output=fstype,source', path], { encoding: 'utf8' }).trim().split('\n').at(-1)!;
  } catch {
    return 'unknown';
  }
}

const modes: Durability[] = ['full', 'fast'];
const stores = new Map<Durability, { store: Store; keyId: number }>();
for (const durability of modes) {
  const store = openStore(join(dir, `${durability}.db`), { durability });
  loadSeeds(store, fixtureSeedsDir);
  stores.set(durability, { store, keyId: createApiKey(store, 'write', 'bench').key.id });
}

const perSecond = new Map<Durability, number[]>(modes.map((mode) => [mode, []]));
for (let round = 1; round <= ROUNDS; round++) {
  for (const durability of round % 2 ? modes : [...modes].reverse()) {
    const { store, keyId } = stores.get(durability)!;
    const started = performance.now();
    for (let n = 0; n < CREATES; n++) {
      const slug = `bench-${round}-${n}`;
      saveRecord(store, 'event', { operation: 'create', change: () => fixtureVisit(slug) }, { keyId });
    }
    perSecond.get(durability)!.push(CREATES / ((performance.now() - started) / 1000));
  }
}
for (const { store } of stores.values()) closeStore(store);
rmSync(dir, { recursive: true, force: true });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const full = median(perSecond.get('full')!);
const fast = median(perSecond.get('fast')!);
console.log(
  `write durability: ${ROUNDS} rounds of ${CREATES} creates each, on ${fileSystemOf(dir.replace(/[^/]+$/, ''))}`,
);
for (const mode of modes)
  console.log(
    `  ${mode.padEnd(4)} (${mode === 'full' ? 'synchronous=FULL' : 'synchronous=NORMAL'}): median ${median(perSecond.get(mode)!).toFixed(0)} creates/s (rounds: ${perSecond
      .get(mode)!
      .map((value) => value.toFixed(0))
      .join(', ')})`,
  );
console.log(
  `  full is ${(full / fast).toFixed(2)}x the throughput of fast (${((1 - full / fast) * 100).toFixed(0)}% fewer creates/s); per create ${(1000 / full).toFixed(2)} ms vs ${(1000 / fast).toFixed(2)} ms`,
);
