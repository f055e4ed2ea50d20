// The server process's /metrics: with WORKERS=2 one scrape answers for both workers, on the API's
// port (through the primary) or on METRICS_PORT (the primary itself, on 127.0.0.1 only).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePrometheus, sampleValue } from '../testing/prometheus.ts';
import { type ServerProcess, startServer } from '../testing/server-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'bilateral-metrics-server-'));
const servers: ServerProcess[] = [];

afterAll(() => {
  for (const server of servers) server.child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

async function start(env: Record<string, string>) {
  const server = startServer({ DATABASE_PATH: join(dir, 'metrics.db'), WORKERS: '2', ...env }, { listeners: 2 });
  servers.push(server);
  const url = await server.listening;
  return { url, server };
}

/** Sends `count` queries, ten at a time, so the cluster spreads their connections over both workers. */
async function sendQueries(url: string, count: number) {
  for (let sent = 0; sent < count; sent += 10)
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', connection: 'close' },
          body: JSON.stringify({ query: '{ eventKinds { kind } }' }),
        });
        expect(response.status).toBe(200);
        await response.json();
      }),
    );
}

const answered = async (metricsUrl: string) => {
  const response = await fetch(metricsUrl, { headers: { connection: 'close' } });
  expect(response.status).toBe(200);
  return sampleValue(parsePrometheus(await response.text()), 'bilateral_graphql_requests_total', {
    operation: 'other',
    outcome: 'OK',
  });
};

describe('/metrics with WORKERS=2', () => {
  it("answers for both workers on the API's port, whichever worker is scraped", async () => {
    const { url } = await start({ LOAD_SEEDS: '1' });
    await sendQueries(url, 40);
    const metricsUrl = url.replace('/graphql', '/metrics');
    // Scrapes on separate connections reach both workers; each asks the primary for the whole cluster.
    const scrapes = await Promise.all(Array.from({ length: 6 }, () => answered(metricsUrl)));
    expect(scrapes).toEqual(Array(6).fill(40));
  }, 90_000);

  it('serves them on METRICS_PORT, on 127.0.0.1 only, and not on the API port', async () => {
    const { url, server } = await start({ LOAD_SEEDS: '0', METRICS_PORT: '0' });
    const port = /Metrics at http:\/\/127\.0\.0\.1:(\d+)\/metrics/.exec(server.output())?.[1];
    expect(port).toBeDefined();
    await sendQueries(url, 20);
    expect(await answered(`http://127.0.0.1:${port}/metrics`)).toBe(20);
    const onApiPort = await fetch(url.replace('/graphql', '/metrics'));
    expect(onApiPort.status).toBe(404);
    expect((await onApiPort.json()).errors[0].extensions.code).toBe('NOT_FOUND');
  }, 90_000);
});
