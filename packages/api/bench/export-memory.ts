// Measures memory while streaming /export/events.csv from synthetic databases of growing size.
// If the export streams, peak heap stays flat as the row count grows.
// Run: npx -y pnpm@10 --filter @bilateral/api bench:export   (takes about a minute)
import { openSqliteStore } from '@bilateral/store';
import { syntheticDatabase } from '@bilateral/store/synthetic';
import { createBilateralYoga } from '../src/yoga.ts';

const SIZES = (process.env.BENCH_SIZES ?? '10000,50000,200000').split(',').map(Number);
async function measure(count: number) {
  const store = openSqliteStore(syntheticDatabase({ events: count }).path);
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
  await store.close();
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
