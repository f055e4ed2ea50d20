// Storage faults on real file systems, against the real server process. Run by hand as root (it
// makes small ext4 images on loop devices and mounts them); never in CI:
//   sudo npx tsx packages/api/bench/storage-faults.ts        (from the repository root, about a minute)
// Scenarios:
//   1. a full disk: the volume is filled by a ballast file under a running server; then the ballast
//      is deleted and the refused writes are retried with their idempotency keys, without a restart;
//   2. failing storage under a running server: ext4 with errors=remount-ro, an error triggered
//      through /sys/fs/ext4/<dev>/trigger_fs_error (what a disk error does), with DURABILITY=full and
//      again with DURABILITY=fast;
//   3. a read-only mount at startup, with the schema current and with a migration missing.
// For each it prints writes acknowledged, writes refused by code, writes lost (acknowledged but
// missing after the database is reopened; must be 0 with full durability) and integrity_check.
// Servers listen on ports 4440-4449.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteStore } from '@bilateral/store';
import { closeStore, openStore } from '@bilateral/store/testing';

if (process.getuid?.() !== 0) {
  console.error('storage-faults: run as root (it mounts loop devices)');
  process.exit(2);
}

const repository = join(import.meta.dirname, '../../..');
// What `npx -y pnpm@10 start` runs: the server's bundle.
const startScript = join(repository, 'packages/api/scripts/start.mjs');
const work = mkdtempSync('/tmp/storage-faults-');
let nextPort = 4440;

const run = (command: string, ...args: string[]) =>
  execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
/** Runs a command that may fail, returning its exit status and output instead of throwing. */
const attempt = (command: string, ...args: string[]) => {
  try {
    return `exit 0: ${run(command, ...args)}`;
  } catch (error) {
    const { status, stdout, stderr } = error as { status: number; stdout: string; stderr: string };
    return `exit ${status}: ${`${stderr}\n${stdout}`.trim()}`;
  }
};

interface Volume {
  image: string;
  mountPoint: string;
  device: string;
  unmount(): void;
}

/** A fresh ext4 image of `mebibytes` on a loop device, mounted with `options`. */
function makeVolume(name: string, mebibytes: number, options = 'rw'): Volume {
  const image = join(work, `${name}.img`);
  const mountPoint = join(work, name);
  mkdirSync(mountPoint);
  run('truncate', '-s', `${mebibytes}M`, image);
  run('mkfs.ext4', '-q', '-F', '-m', '0', image);
  run('mount', '-o', `loop,${options}`, image, mountPoint);
  const device = run('findmnt', '-n', '-o', 'SOURCE', mountPoint);
  return { image, mountPoint, device, unmount: () => void attempt('umount', mountPoint) };
}

function mountAgain(volume: Volume, options: string) {
  volume.unmount();
  run('mount', '-o', `loop,${options}`, volume.image, volume.mountPoint);
  volume.device = run('findmnt', '-n', '-o', 'SOURCE', volume.mountPoint);
}

interface Server {
  url: string;
  child: ChildProcess;
  log: () => string;
  stop(): Promise<void>;
}

function startServer(databasePath: string, env: Record<string, string> = {}): Promise<Server> {
  const port = nextPort++;
  const child = spawn(process.execPath, [startScript], {
    env: { ...process.env, PORT: String(port), DATABASE_PATH: databasePath, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  return new Promise((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('GraphiQL at'))
        resolve({
          url: `http://127.0.0.1:${port}`,
          child,
          log: () => log,
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        });
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    exited.then(() => reject(new ServerExit(log)));
  });
}

class ServerExit extends Error {
  constructor(readonly log: string) {
    super('server exited');
  }
}

async function writeKey(databasePath: string): Promise<string> {
  const store = openSqliteStore(databasePath);
  try {
    return (await store.createApiKey('write', 'storage-faults')).secret;
  } finally {
    await store.close();
  }
}

const eventInput = (slug: string) => ({
  slug,
  title: `Storage fault test ${slug}`,
  summary: 'Written by the storage fault script.',
  kind: 'VISIT',
  date: '2019-03',
  sectors: ['DIPLOMACY'],
  participants: [
    { actor: 'pakistan', role: 'HOST' },
    { actor: 'russia', role: 'VISITOR' },
  ],
  citations: [{ source: 'eurasia-review-2019-breaking-up-with-history', paragraph: 1 }],
});

const CREATE =
  'mutation ($input: EventInput!, $key: String) { createEvent(input: $input, idempotencyKey: $key) { replayed event { slug } userErrors { code message } } }';

type Outcome =
  | { acknowledged: true; replayed: boolean }
  | { acknowledged: false; code: string; retryAfter: string | null };

async function create(server: Server, secret: string, slug: string): Promise<Outcome> {
  try {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query: CREATE, variables: { input: eventInput(slug), key: `key-${slug}` } }),
    });
    const body = await response.json();
    const payload = body.data?.createEvent;
    if (payload?.event?.slug === slug) return { acknowledged: true, replayed: payload.replayed };
    const code = body.errors?.[0]?.extensions?.code ?? payload?.userErrors?.[0]?.code ?? `HTTP_${response.status}`;
    return { acknowledged: false, code, retryAfter: response.headers.get('retry-after') };
  } catch (error) {
    return { acknowledged: false, code: `NETWORK: ${(error as Error).message}`, retryAfter: null };
  }
}

async function readWorks(server: Server): Promise<string> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ events(first: 1) { totalCount } }' }),
  });
  const body = await response.json();
  return body.data?.events?.totalCount > 0 ? `ok (${body.data.events.totalCount} events)` : JSON.stringify(body);
}

async function readiness(server: Server): Promise<string> {
  const response = await fetch(`${server.url}/ready`);
  const body = await response.json();
  const failed = Object.entries(body.checks ?? {})
    .filter(([, check]) => check && !(check as { ok: boolean }).ok)
    .map(([name, check]) => `${name}: ${(check as { detail: string }).detail}`);
  return `${response.status} ${body.status}, mode ${body.mode}${failed.length ? ` (${failed.join('; ')})` : ''}`;
}

class Tally {
  acknowledged: string[] = [];
  refused: { slug: string; code: string; retryAfter: string | null }[] = [];

  record(slug: string, outcome: Outcome) {
    if (outcome.acknowledged) this.acknowledged.push(slug);
    else this.refused.push({ slug, code: outcome.code, retryAfter: outcome.retryAfter });
  }

  refusedByCode(): string {
    return describeRefusals(this.refused);
  }
}

function describeRefusals(refused: Tally['refused']): string {
  const counts = new Map<string, number>();
  for (const { code, retryAfter } of refused) {
    const label = `${code}${retryAfter ? ` (Retry-After ${retryAfter})` : ''}`;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return counts.size ? [...counts].map(([code, count]) => `${count} ${code}`).join(', ') : 'none';
}

/** Reopens the database as a new process would and checks every acknowledged slug and the integrity check. */
function verify(databasePath: string, acknowledged: string[]): { lost: string[]; integrity: string } {
  const store = openStore(databasePath, { readOnly: true });
  try {
    const exists = store.$client.prepare('select 1 from events where slug = ?');
    const lost = acknowledged.filter((slug) => exists.get(slug) === undefined);
    const integrity = (store.$client.prepare('pragma integrity_check').pluck().all() as string[]).join('; ');
    return { lost, integrity };
  } finally {
    closeStore(store);
  }
}

function serverLogSummary(server: Server): string {
  const lines = server.log().split('\n');
  const storageLines = lines.filter((line) => line.startsWith('storage error '));
  const stackLines = lines.filter((line) => /^\s+at /.test(line));
  return `${storageLines.length} "storage error" lines, ${stackLines.length} stack-trace lines${storageLines[0] ? `; e.g. ${storageLines[0]}` : ''}`;
}

function report(title: string, rows: [string, string][]) {
  console.log(`\n== ${title}`);
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
}

/** Writes `count` events named `prefix-N` one after another. */
async function writeSeries(server: Server, secret: string, tally: Tally, prefix: string, count: number) {
  for (let n = 1; n <= count; n++) {
    const slug = `${prefix}-${n}`;
    tally.record(slug, await create(server, secret, slug));
  }
}

async function fullDisk() {
  const volume = makeVolume('full', 24);
  const path = join(volume.mountPoint, 'bilateral.db');
  const server = await startServer(path);
  const secret = await writeKey(path);
  const tally = new Tally();
  await writeSeries(server, secret, tally, 'before-full', 5);
  const before = tally.acknowledged.length;
  const ballast = join(volume.mountPoint, 'ballast');
  attempt('dd', 'if=/dev/zero', `of=${ballast}`, 'bs=64k', 'status=none');
  await writeSeries(server, secret, tally, 'while-full', 40);
  const readsWhileFull = await readWorks(server);
  const readyWhileFull = await readiness(server);
  const backupPath = join(volume.mountPoint, 'backup.db');
  const cli = spawnCli(['backup', backupPath, '--database', path]);

  rmSync(ballast);
  const refusedBefore = tally.refused.length;
  const retried = tally.refused.splice(0);
  let recovered = 0;
  for (const { slug } of retried) {
    const outcome = await create(server, secret, slug);
    tally.record(slug, outcome);
    if (outcome.acknowledged) recovered++;
  }
  const readyAfter = await readiness(server);
  await server.stop();
  const { lost, integrity } = verify(path, tally.acknowledged);
  volume.unmount();
  report('1. full disk (24 MiB ext4 on a loop device, filled by a ballast file under the running server)', [
    [
      'writes acknowledged',
      `${tally.acknowledged.length} (${before} before the disk filled, ${tally.acknowledged.length - before - recovered} while full, ${recovered} on retry)`,
    ],
    ['writes refused', `${refusedBefore}: ${describeRefusals(retried)}`],
    ['reads while full', readsWhileFull],
    ['/ready while full', readyWhileFull],
    ['CLI backup onto the full volume', cli],
    [
      'after deleting the ballast',
      `${recovered} of ${retried.length} refused writes retried with their idempotency keys succeeded, no restart`,
    ],
    ['/ready after', readyAfter],
    [
      'writes lost',
      `${lost.length} of ${tally.acknowledged.length} acknowledged${lost.length ? `: ${lost.join(', ')}` : ''}`,
    ],
    ['integrity_check', integrity],
    ['server log', serverLogSummary(server)],
  ]);
}

function spawnCli(args: string[]): string {
  try {
    execFileSync(
      join(repository, 'node_modules/.bin/tsx'),
      [join(repository, 'packages/store/src/cli/bilateral.ts'), ...args],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    return 'exit 0';
  } catch (error) {
    const { status, stderr } = error as { status: number; stderr: string };
    return `exit ${status}: ${stderr.trim()}`;
  }
}

async function failingStorage(durability: 'full' | 'fast') {
  const volume = makeVolume(`failing-${durability}`, 32, 'rw,errors=remount-ro');
  const path = join(volume.mountPoint, 'bilateral.db');
  const server = await startServer(path, { DURABILITY: durability });
  const secret = await writeKey(path);
  const tally = new Tally();
  // Writes keep coming while the file system fails, as they would from clients.
  let stop = false;
  const writer = (async () => {
    for (let n = 1; !stop && n <= 400; n++) tally.record(`w-${n}`, await create(server, secret, `w-${n}`));
  })();
  while (tally.acknowledged.length < 30) await new Promise((resolve) => setTimeout(resolve, 5));
  const acknowledgedBeforeFailure = tally.acknowledged.length;
  writeFileSync(`/sys/fs/ext4/${volume.device.replace('/dev/', '')}/trigger_fs_error`, 'storage-faults script\n');
  const refusalsWanted = tally.refused.length + 20;
  while (tally.refused.length < refusalsWanted && tally.acknowledged.length + tally.refused.length < 400)
    await new Promise((resolve) => setTimeout(resolve, 5));
  stop = true;
  await writer;
  const readsAfter = await readWorks(server);
  const readyAfter = await readiness(server);
  await server.stop();
  // As after a real disk error: unmount, check the file system, mount it again.
  volume.unmount();
  const fsck = attempt('e2fsck', '-fy', volume.image);
  mountAgain(volume, 'rw');
  const { lost, integrity } = verify(path, tally.acknowledged);
  volume.unmount();
  report(
    `2. failing storage under a running server, DURABILITY=${durability} (ext4 errors=remount-ro, error triggered mid-writes)`,
    [
      [
        'writes acknowledged',
        `${tally.acknowledged.length} (${acknowledgedBeforeFailure} when the error was triggered)`,
      ],
      ['writes refused', `${tally.refused.length}: ${tally.refusedByCode()}`],
      ['reads after the failure', readsAfter],
      ['/ready after the failure', readyAfter],
      ['e2fsck -fy', `${fsck.slice(0, fsck.indexOf(':'))} (1 = errors fixed): ${fsck.split('\n').at(-1)}`],
      [
        'writes lost',
        `${lost.length} of ${tally.acknowledged.length} acknowledged${lost.length ? `: ${lost.slice(0, 10).join(', ')}` : ''}`,
      ],
      ['integrity_check', integrity],
      ['server log', serverLogSummary(server)],
    ],
  );
}

async function readOnlyMount() {
  const volume = makeVolume('read-only', 24);
  const path = join(volume.mountPoint, 'bilateral.db');
  const first = await startServer(path);
  const secret = await writeKey(path);
  const tally = new Tally();
  await writeSeries(first, secret, tally, 'before-ro', 3);
  await first.stop();
  mountAgain(volume, 'ro');
  const server = await startServer(path);
  const startup =
    server
      .log()
      .split('\n')
      .find((line) => line.includes('read-only')) ?? '(no read-only line)';
  const readOnlyTally = new Tally();
  await writeSeries(server, secret, readOnlyTally, 'while-ro', 5);
  const reads = await readWorks(server);
  const ready = await readiness(server);
  await server.stop();
  const { lost, integrity } = verify(path, tally.acknowledged);
  report('3a. read-only mount at startup (schema current)', [
    ['startup', startup],
    [
      'writes acknowledged',
      `${tally.acknowledged.length} before the read-only mount, ${readOnlyTally.acknowledged.length} on it`,
    ],
    ['writes refused', `${readOnlyTally.refused.length}: ${readOnlyTally.refusedByCode()}`],
    ['reads', reads],
    ['/ready', ready],
    ['writes lost', `${lost.length} of ${tally.acknowledged.length} acknowledged`],
    ['integrity_check', integrity],
  ]);

  mountAgain(volume, 'rw');
  const store = openStore(path);
  store.$client.exec('delete from __drizzle_migrations where id = (select max(id) from __drizzle_migrations)');
  closeStore(store);
  mountAgain(volume, 'ro');
  let refusal: string;
  try {
    const unexpected = await startServer(path);
    await unexpected.stop();
    refusal = 'the server started (it should have refused)';
  } catch (error) {
    refusal = error instanceof ServerExit ? error.log.trim() : String(error);
  }
  volume.unmount();
  report('3b. read-only mount at startup with a migration missing', [['startup', refusal]]);
}

try {
  console.log(`storage faults on loop-mounted ext4 images in ${work} (${run('uname', '-r')})`);
  await fullDisk();
  await failingStorage('full');
  await failingStorage('fast');
  await readOnlyMount();
} finally {
  for (const line of attempt('findmnt', '-n', '-o', 'TARGET', '-l').split('\n'))
    if (line.startsWith(work)) attempt('umount', line);
  rmSync(work, { recursive: true, force: true });
}
