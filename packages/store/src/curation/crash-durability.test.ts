/**
 * Crash durability: a child process writing in a loop (`testing/crash-writer.ts`) is killed with
 * SIGKILL many times; after each kill the database must reopen, pass `integrity_check` and
 * `foreign_key_check`, and hold every write the child acknowledged, with a revision for each
 * version.
 *
 * The store fsyncs every commit by default (`synchronous = FULL`, see `Durability` in `db/client.ts`),
 * but this test would pass with `DURABILITY=fast` (NORMAL) too: in WAL mode a COMMIT appends the
 * transaction's pages to the `-wal` file, ending with a commit frame, by write() calls that have
 * returned before `saveRecord` returns. NORMAL skips only the fsync of the WAL at each commit (it
 * still syncs at checkpoints). Once write() has returned, the data sits in the operating system's
 * page cache, which belongs to the kernel, not the process, so it survives the process being
 * killed at any instant. On the next open SQLite replays the WAL up to the last valid commit frame
 * (frames carry checksums and salts), and the frames of a transaction cut off mid-way have no commit
 * frame and are ignored, so it rolls back whole. What NORMAL does not survive is the machine losing
 * power or the kernel crashing before the page cache is flushed: the last transactions acknowledged
 * before that may roll back (the database stays consistent, it only loses recent commits). FULL, an
 * fsync of the WAL at every commit, keeps those; this test cannot simulate a power cut, and does not
 * claim to (`api/bench/storage-faults.ts` shows the difference on a file system that aborts).
 *
 * Tuning (the defaults take 15–30 s on two cores):
 *   CRASH_ROUNDS        kills to perform (default 24)
 *   CRASH_MIN_ACKS      acknowledgements to wait for before the random delay (default and least 3)
 *   CRASH_MAX_DELAY_MS  upper bound of the random delay before the kill (default 100)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { closeStore, openStore, type Store } from '../db/client.ts';
import { loadSeeds } from '../seed-loader/index.ts';
import { fixtureSeedsDir } from '../testing/fixture-store.ts';
import { createApiKey } from './keys.ts';

const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
};
const ROUNDS = Math.max(1, Math.floor(envNumber('CRASH_ROUNDS', 24)));
const MIN_ACKS = Math.max(3, Math.floor(envNumber('CRASH_MIN_ACKS', 3)));
const MAX_DELAY_MS = envNumber('CRASH_MAX_DELAY_MS', 100);
/** How long a child may take to start and acknowledge its first writes before the round fails. */
const START_TIMEOUT_MS = 20_000;
/**
 * Writers started before their round. Starting one (node, the tsx loader, drizzle, zod) takes a
 * second or more and is mostly waiting, so a few load side by side while the current one writes.
 */
const STARTED_AHEAD = 3;

const writerScript = join(import.meta.dirname, '../testing/crash-writer.ts');
// The loader is passed to node itself (not the tsx CLI, which would run the script in a grandchild
// that the kill would miss), so the spawned process is the one that writes.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

interface Ack {
  operation: 'create' | 'update';
  slug: string;
  version: number;
}

interface Round {
  acks: Ack[];
  signal: NodeJS.Signals | null;
  code: number | null;
  /** Why the round cannot be judged: the writer failed to start, printed nonsense, or exited by itself. */
  error?: string;
}

const ACK = /^ack (create|update) (\S+) v(\d+)$/;

interface Writer {
  /** Lets the writer open the database and write; it is killed at a random moment after MIN_ACKS acknowledgements. */
  go(): Promise<Round>;
  /** Kills a writer that was never told to go. */
  discard(): void;
}

/**
 * Starts a writer, which loads its modules and waits. Startup is most of a round, so the test
 * starts the next writer while it checks the last crash; the writer opens nothing until `go`.
 */
function startWriter(path: string, run: number, keyId: number): Writer {
  const child = spawn(process.execPath, ['--import', tsxLoader, writerScript, path, String(run), String(keyId)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const acks: Ack[] = [];
  let partial = '';
  let stderr = '';
  let going = false;
  let killScheduled = false;
  let error: string | undefined;
  let startTimer: NodeJS.Timeout | undefined;
  const kill = () => child.kill('SIGKILL');

  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    // A pipe delivers chunks, not lines: only a line ended by a newline counts; the rest waits.
    const lines = (partial + chunk).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      if (line === 'loaded' || line === 'ready') continue;
      const match = ACK.exec(line);
      if (match) acks.push({ operation: match[1] as Ack['operation'], slug: match[2]!, version: Number(match[3]) });
      else error ??= `writer ${run} printed an unexpected line: ${JSON.stringify(line)}`;
    }
    if (going && !killScheduled && acks.length >= MIN_ACKS) {
      killScheduled = true;
      clearTimeout(startTimer);
      setTimeout(kill, 2 + Math.random() * MAX_DELAY_MS);
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  child.stdin.on('error', () => {}); // a writer that died early closes its stdin; 'close' reports why

  // 'close' comes after the pipes have drained, so every line written before the kill is in.
  // A partial last line is an acknowledgement cut off by the kill: it does not count.
  const finished = new Promise<Round>((resolve) => {
    child.on('error', (spawnError) => (error ??= `writer ${run} could not be started: ${spawnError.message}`));
    child.on('close', (code, signal) => {
      clearTimeout(startTimer);
      if (!killScheduled) error ??= `writer ${run} exited by itself (code ${code}, signal ${signal})`;
      resolve({ acks, signal, code, ...(error ? { error: `${error}; stderr:\n${stderr}` } : {}) });
    });
  });

  return {
    go() {
      going = true;
      startTimer = setTimeout(() => {
        error ??= `writer ${run} acknowledged ${acks.length} writes in ${START_TIMEOUT_MS} ms`;
        kill();
      }, START_TIMEOUT_MS);
      child.stdin.end('go\n');
      return finished;
    },
    discard: kill,
  };
}

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('crash durability', () => {
  it(`keeps every acknowledged write and a sound database across ${ROUNDS} SIGKILLs of a writer`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bilateral-crash-'));
    tempDirs.push(dir);
    const path = join(dir, 'store.db');
    const seeded = openStore(path);
    loadSeeds(seeded, fixtureSeedsDir);
    const keyId = createApiKey(seeded, 'write', 'crash writer').key.id;
    closeStore(seeded);

    /** Every acknowledged event, with the highest version acknowledged for it. */
    const acknowledged = new Map<string, number>();
    const totals = { kills: 0, creates: 0, updates: 0 };
    const startedAt = performance.now();

    // Writers started ahead of their round, loading while earlier rounds run.
    const waiting: Writer[] = [];
    let started = 0;
    const startAhead = () => {
      while (waiting.length < STARTED_AHEAD && started < ROUNDS) waiting.push(startWriter(path, ++started, keyId));
    };
    try {
      for (let run = 1; run <= ROUNDS; run++) {
        startAhead();
        const finished = waiting.shift()!.go();
        startAhead();
        const round = await finished;
        expect(round.error, `writer ${run}`).toBeUndefined();
        expect(round.signal, `writer ${run} should have died of SIGKILL`).toBe('SIGKILL');
        totals.kills++;
        for (const ack of round.acks) {
          totals[ack.operation === 'create' ? 'creates' : 'updates']++;
          acknowledged.set(ack.slug, Math.max(acknowledged.get(ack.slug) ?? 0, ack.version));
        }
        checkAfterCrash(path, run, acknowledged);
      }
    } finally {
      for (const writer of waiting) writer.discard();
    }

    expect(totals.kills).toBe(ROUNDS);
    expect(totals.creates).toBeGreaterThanOrEqual(ROUNDS * 2);
    // The writer's third acknowledgement is always an update, and no kill comes before the third.
    expect(totals.updates).toBeGreaterThanOrEqual(ROUNDS);
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    console.log(
      `crash durability: ${totals.kills} SIGKILLs, ${totals.creates} creates and ${totals.updates} updates acknowledged, none lost, in ${seconds} s`,
    );
  }, 120_000);
});

/** Reopens the database after a kill and checks it is sound and holds every acknowledged write. */
function checkAfterCrash(path: string, run: number, acknowledged: Map<string, number>) {
  // Reopening runs WAL recovery and the migrator, so this also proves the file opens after a crash.
  const store: Store = openStore(path);
  try {
    const db = store.$client;
    expect(db.pragma('integrity_check'), `integrity after kill ${run}`).toEqual([{ integrity_check: 'ok' }]);
    expect(db.pragma('foreign_key_check'), `foreign keys after kill ${run}`).toEqual([]);

    const rows = db.prepare("select slug, version from events where slug like 'crash-%'").all() as {
      slug: string;
      version: number;
    }[];
    const stored = new Map(rows.map((row) => [row.slug, row.version]));
    const lost = [...acknowledged]
      .filter(([slug, version]) => (stored.get(slug) ?? 0) < version)
      .map(
        ([slug, version]) => `${slug} v${version} (stored: ${stored.has(slug) ? `v${stored.get(slug)}` : 'missing'})`,
      );
    expect(lost, `acknowledged writes missing after kill ${run}`).toEqual([]);

    // Each version of each written event has its revision, appended in the same transaction, and
    // the latest revision is the event's current version.
    const unmatched = db
      .prepare(`
      select e.slug, e.version, count(r.id) as revisions, max(r.version) as latest
      from events e left join revisions r on r.entity_type = 'event' and r.entity_id = e.id
      where e.slug like 'crash-%'
      group by e.id
      having latest is not e.version or revisions != e.version`)
      .all();
    expect(unmatched, `events whose revisions do not match their version after kill ${run}`).toEqual([]);
    const orphans = db
      .prepare(
        "select r.id, r.entity_slug, r.version from revisions r where r.entity_type = 'event' and not exists (select 1 from events e where e.id = r.entity_id)",
      )
      .all();
    expect(orphans, `revisions of events that do not exist after kill ${run}`).toEqual([]);
  } finally {
    closeStore(store);
  }
}
