/**
 * A child process for the crash-durability test (`curation/crash-durability.test.ts`): it writes
 * events through `saveRecord` in an endless loop until it is killed.
 *
 *   node --import tsx crash-writer.ts <database file> <run> <api key id>
 *
 * The database must already hold the fixture dataset and the API key. The writer loads its modules,
 * prints `loaded`, and waits for a line on stdin before it opens the database, so the test can
 * start the next writer while it still checks the previous crash (startup is most of a round); it
 * exits if stdin ends first. Then it prints `ready` and loops. Each iteration creates the
 * event `crash-<run>-<n>`, and every second one then updates an event this run created earlier,
 * with the version it was last acknowledged at as `expectedVersion`. Only after `saveRecord`
 * RETURNS, that is after its transaction has committed, it prints one acknowledgement line (the
 * third is always an update):
 *
 *   ack create crash-3-17 v1
 *   ack update crash-3-12 v2
 *
 * The line is written with `writeSync` on fd 1, so it is in the pipe before the next write begins,
 * and never before the commit it reports. Should the test itself die, the next write to the closed
 * pipe fails with EPIPE and ends the writer.
 */
import { writeSync } from 'node:fs';
import { saveRecord } from '../curation/save-record.ts';
import { openStore } from '../db/client.ts';
import { fixtureVisit } from './fixture-records.ts';

const [path, run, keyIdArgument] = process.argv.slice(2);
const keyId = Number(keyIdArgument);
if (!path || !run || !Number.isInteger(keyId)) {
  process.stderr.write('usage: crash-writer.ts <database file> <run> <api key id>\n');
  process.exit(2);
}

const say = (line: string) => writeSync(1, `${line}\n`);

say('loaded');
await new Promise<void>((resolve) => {
  const quit = () => process.exit(0);
  process.stdin.once('end', quit);
  process.stdin.once('data', () => {
    // The test sends `go` and closes stdin; that end must not stop the writer it just started.
    process.stdin.off('end', quit);
    process.stdin.pause();
    resolve();
  });
});

const store = openStore(path);
const editor = { keyId };

const eventFor = (slug: string, n: number) => ({
  ...fixtureVisit(slug, `Crash-test visit ${run}-${n}`),
  summary: 'A visit written by the crash-durability test, to be killed mid-write.',
});

/** Events this run created, with the version each was last acknowledged at. */
const created: { id: number; slug: string; version: number }[] = [];

say('ready');
// Never ends: the test kills the process with SIGKILL, usually in the middle of a transaction.
for (let n = 1; ; n++) {
  const slug = `crash-${run}-${n}`;
  const saved = saveRecord(store, 'event', { operation: 'create', change: () => eventFor(slug, n) }, editor);
  say(`ack create ${slug} v${saved.version}`);
  created.push({ id: saved.id, slug, version: saved.version });

  if (n % 2 === 0) {
    const target = created[Math.floor(Math.random() * created.length)]!;
    const updated = saveRecord(
      store,
      'event',
      {
        id: target.id,
        expectedVersion: target.version,
        operation: 'update',
        change: (current) => ({ ...current!, title: `Crash-test visit ${target.slug}, edit ${target.version}` }),
      },
      editor,
    );
    target.version = updated.version;
    say(`ack update ${target.slug} v${updated.version}`);
  }
}
