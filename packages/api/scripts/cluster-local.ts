// `npx -y pnpm@10 --filter @bilateral/api cluster:local`: the deployment of docs/deploying.md on one
// machine, for trying it out: a throwaway PostgreSQL (Debian's postgresql package) on a free port and
// CLUSTER_PROCESSES (default 3) API processes on it, at 127.0.0.1:CLUSTER_PORT (default 4001) and up.
// Ctrl-C stops the processes and removes the database.
import { startPostgresServer } from '@bilateral/store/testing/postgres';
import { startServer } from '../src/testing/server-process.ts';

const count = Number(process.env.CLUSTER_PROCESSES ?? 3);
const firstPort = Number(process.env.CLUSTER_PORT ?? 4001);

const database = await startPostgresServer();
const databaseUrl = await database.createDatabase('bilateral');
console.log(`PostgreSQL at ${databaseUrl} (removed on Ctrl-C)`);
const servers = Array.from({ length: count }, (_, n) =>
  startServer({ DATABASE_URL: databaseUrl, PORT: String(firstPort + n), HOST: '127.0.0.1', WORKERS: undefined }),
);
try {
  for (const url of await Promise.all(servers.map((server) => server.listening))) console.log(`API at ${url}`);
} catch (error) {
  console.error((error as Error).message);
}
const stop = async () => {
  for (const server of servers) server.child.kill('SIGTERM');
  await Promise.all(servers.map((server) => server.exited));
  await database.remove();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
