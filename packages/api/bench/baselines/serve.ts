// Runs a baseline as its own server process, as the benchmark starts it:
//   node --import tsx bench/baselines/serve.ts <naive|floor> <database file> <port>
// A minimal node:http server: POST a GraphQL request as JSON, get the JSON answer.
import { createServer } from 'node:http';
import { openStore } from '@bilateral/store/testing';
import { createFloorHandler } from './floor.ts';
import { createNaiveHandler } from './naive.ts';
import type { GraphQLHandler } from './wire.ts';

const [kind, databasePath, port] = process.argv.slice(2);
const factories: Record<string, (db: ReturnType<typeof openStore>['$client']) => GraphQLHandler> = {
  naive: createNaiveHandler,
  floor: createFloorHandler,
};
const factory = factories[kind ?? ''];
if (!factory || !databasePath || !port) {
  console.error('usage: serve.ts <naive|floor> <database file> <port>');
  process.exit(2);
}
const handler = factory(openStore(databasePath).$client);

createServer(async (request, response) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    const body = await handler(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    response.writeHead(200, { 'content-type': 'application/json' }).end(body);
  } catch (error) {
    response.writeHead(500, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ errors: [{ message: (error as Error).message }] }));
  }
}).listen(Number(port), '127.0.0.1', () => console.log(`${kind} baseline on port ${port}`));
