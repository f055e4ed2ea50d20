// Start-up time (issue #12: ≤ 1 s on an already-loaded database): spawn to first answer of our server
// and the two baselines, started as the API benchmark starts them (servers.ts), on the cached synthetic
// databases and on a database already loaded from seeds/. Prints the median of several interleaved
// starts; nothing is asserted.
// Run: npx -y pnpm@10 --filter @bilateral/api bench:startup
import { mkdtempSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticDatabase } from '@bilateral/store/synthetic';
import { closeStore, openStore } from '@bilateral/store/testing';
import { benchQueries } from './queries.ts';
import { type Launch, prepareBundledServers, type ServerName, startServer, stopServer } from './servers.ts';

const SETTINGS = {
  sizes: (process.env.BENCH_SIZES ?? '1000,100000,1000000').split(',').map(Number),
  runs: Number(process.env.STARTUP_RUNS ?? 5),
  seed: Number(process.env.BENCH_SEED ?? 1),
  port: Number(process.env.BENCH_PORT ?? 4200),
};
const SERVER_CPU = availableParallelism() >= 2 ? 0 : null;
const scratchDir = mkdtempSync(join(tmpdir(), 'bilateral-startup-'));

interface Contender {
  label: string;
  name: ServerName;
  launch: Launch;
}

/** The shipped starts, and ours as it started before it was bundled (`tsx src/server.ts`), for comparison. */
const CONTENDERS: Contender[] = [
  { label: 'ours', name: 'ours', launch: 'bundled' },
  { label: 'naive', name: 'naive', launch: 'bundled' },
  { label: 'floor', name: 'floor', launch: 'bundled' },
  { label: 'ours under tsx', name: 'ours', launch: 'tsx' },
];

interface Database {
  label: string;
  path: string;
  /** Our server loads seeds/ at start-up (the default) rather than serving the file as it is (LOAD_SEEDS=0). */
  loadSeeds: boolean;
}

const median = (values: number[]) => {
  const sorted = values.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const probeFor = (path: string) => {
  const store = openStore(path);
  try {
    return JSON.stringify(benchQueries(store.$client, { depths: [0] })[0]!.request);
  } finally {
    closeStore(store);
  }
};

async function timeStarts(database: Database): Promise<void> {
  const probe = probeFor(database.path);
  const samples = new Map(CONTENDERS.map((contender) => [contender, [] as { wall: number; cpu: number }[]]));
  for (let run = 0; run < SETTINGS.runs; run++) {
    // The order rotates, so no server always starts right after the same other one.
    for (let index = 0; index < CONTENDERS.length; index++) {
      const contender = CONTENDERS[(index + run) % CONTENDERS.length]!;
      const server = await startServer({
        name: contender.name,
        launch: contender.launch,
        loadSeeds: database.loadSeeds,
        databasePath: database.path,
        port: SETTINGS.port,
        cpu: SERVER_CPU,
        logFile: join(scratchDir, 'servers.log'),
        probe,
      });
      samples.get(contender)!.push({ wall: server.startupMs, cpu: server.startupCpuMs });
      await stopServer(server);
    }
  }
  console.log(`\n${database.label} (${database.path})`);
  const ours = median(samples.get(CONTENDERS[0]!)!.map((sample) => sample.wall));
  for (const [contender, runs] of samples) {
    const walls = runs.map((sample) => sample.wall);
    const wall = median(walls);
    const ratio = contender === CONTENDERS[0] ? '' : `   ${(wall / ours).toFixed(2)}× ours`;
    console.log(
      `  ${contender.label.padEnd(15)} median ${wall.toFixed(0).padStart(5)} ms  (min ${Math.min(...walls).toFixed(0)}, max ${Math.max(...walls).toFixed(0)}; CPU ${median(runs.map((sample) => sample.cpu)).toFixed(0)} ms)${ratio}`,
    );
  }
}

/** A database already loaded from seeds/: our server's first start loads them (untimed); later ones find them loaded. */
async function seededDatabase(): Promise<Database> {
  const path = join(scratchDir, 'seeds.db');
  const first = await startServer({
    name: 'ours',
    loadSeeds: true,
    databasePath: path,
    port: SETTINGS.port,
    cpu: null,
    logFile: join(scratchDir, 'servers.log'),
    probe: JSON.stringify({ query: '{ __typename }' }),
  });
  await stopServer(first);
  return { label: 'seeds/, already loaded, default seed loading', path, loadSeeds: true };
}

const databases: Database[] = SETTINGS.sizes.map((events) => ({
  label: `${events.toLocaleString('en-US')} synthetic events, LOAD_SEEDS=0`,
  path: syntheticDatabase({ events, seed: SETTINGS.seed }).path,
  loadSeeds: false,
}));
databases.push(await seededDatabase());
await prepareBundledServers({
  databasePath: databases[0]!.path,
  port: SETTINGS.port,
  probe: probeFor(databases[0]!.path),
  logFile: join(scratchDir, 'servers.log'),
});
console.log(
  `Spawn to first answer, median of ${SETTINGS.runs} interleaved starts per server, servers on core ${SERVER_CPU ?? 'any'}; ` +
    `load average ${loadavg()[0]!.toFixed(2)} (Node ${process.version})`,
);
for (const database of databases) await timeStarts(database);
console.log(`\nload average after: ${loadavg()[0]!.toFixed(2)}; server logs in ${scratchDir}`);
