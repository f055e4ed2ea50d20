// Measures memory while streaming /export/events.csv from synthetic databases of growing size.
// If the export streams, peak heap stays flat as the row count grows.
// Run: npx -y pnpm@10 --filter @bilateral/api bench:export   (takes about a minute)
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeStore, openStore, type Store } from '@bilateral/store';
import { createBilateralYoga } from '../src/yoga.ts';

const SIZES = (process.env.BENCH_SIZES ?? '10000,50000,200000').split(',').map(Number);
const SECTORS = ['defence', 'energy', 'trade', 'diplomacy'];

/** Fills a fresh database with `count` events, each with two participants, a sector and a citation. */
function syntheticStore(count: number): Store {
  const store = openStore(join(mkdtempSync(join(tmpdir(), 'bilateral-bench-')), 'bench.db'));
  const db = store.$client;
  db.exec(`insert into sources (slug, file, title, genre) values ('bench-source', 'bench.txt', 'Benchmark source', 'news');
           insert into actors (slug, name, name_folded, kind) values ('pakistan', 'Pakistan', 'pakistan', 'state'), ('russia', 'Russia', 'russia', 'state');`);
  const event = db.prepare(
    `insert into events (slug, title, summary, kind, date_edtf, date_earliest, date_latest) values (?, ?, ?, 'meeting', ?, ?, ?)`,
  );
  const participant = db.prepare(
    `insert into event_participants (event_id, actor_id, role, position) values (?, ?, ?, ?)`,
  );
  const sector = db.prepare(`insert into event_sectors (event_id, sector) values (?, ?)`);
  const citation = db.prepare(`insert into citations (source_id, paragraph, event_id, position) values (1, ?, ?, 0)`);
  db.transaction(() => {
    for (let index = 0; index < count; index++) {
      const year = 1950 + (index % 75);
      const { lastInsertRowid } = event.run(
        `${year}-bench-${index}`,
        `Synthetic meeting number ${index}`,
        `A generated meeting, "quoted", with commas, and a line\nbreak, number ${index}.`,
        String(year),
        `${year}-01-01`,
        `${year}-12-31`,
      );
      const id = Number(lastInsertRowid);
      participant.run(id, 1, 'host', 0);
      participant.run(id, 2, 'visitor', 1);
      sector.run(id, SECTORS[index % SECTORS.length]);
      citation.run(1 + (index % 40), id);
    }
  })();
  return store;
}

async function measure(count: number) {
  const store = syntheticStore(count);
  const yoga = createBilateralYoga({ store, logging: false });
  globalThis.gc?.();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  let chunks = 0;
  let bytes = 0;
  let lines = 0;
  const started = performance.now();
  const response = await yoga.fetch('http://bench.local/export/events.csv');
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (const byte of value) if (byte === 10) lines++;
    // Collect garbage now and then so the figure is memory the export still holds, not garbage awaiting collection.
    if (++chunks % 100 === 0) globalThis.gc?.();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  const seconds = (performance.now() - started) / 1000;
  closeStore(store);
  return {
    count,
    bytes,
    lines,
    seconds,
    peakHeapGrowthMiB: (peak - baseline) / 2 ** 20,
    rssMiB: process.memoryUsage().rss / 2 ** 20,
  };
}

console.log('events\tCSV MiB\tseconds\tpeak heap growth MiB\tRSS after MiB');
for (const size of SIZES) {
  const result = await measure(size);
  console.log(
    `${result.count}\t${(result.bytes / 2 ** 20).toFixed(1)}\t${result.seconds.toFixed(1)}\t${result.peakHeapGrowthMiB.toFixed(1)}\t${result.rssMiB.toFixed(0)}`,
  );
}
