// Runs a baseline as its own server process, as the benchmark starts it:
//   node --import tsx bench/baselines/serve.ts <naive|floor|cached|yoga|json> <database file> <port>
// naive, floor and cached are minimal node:http servers: POST a GraphQL request as JSON, get the JSON
// answer. yoga is Yoga itself with our schema and none of our plugins. json answers every request with
// the same fixed JSON (FIXED_ANSWER, or `{"data":{"__typename":"Query"}}`) after reading its body: the
// cost of node:http alone.
import { createServer, type RequestListener } from 'node:http';
import { openSqliteStore } from '@bilateral/store';
import { openStore } from '@bilateral/store/testing';
import { createBareYoga } from './bare-yoga.ts';
import { createCachedHandler } from './cached.ts';
import { createFloorHandler } from './floor.ts';
import { createNaiveHandler } from './naive.ts';
import type { GraphQLHandler } from './wire.ts';

const FIXED_ANSWER = process.env.FIXED_ANSWER ?? '{"data":{"__typename":"Query"}}';

const readBody = async (request: Parameters<RequestListener>[0]) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

function overJson(handler: GraphQLHandler): RequestListener {
  return async (request, response) => {
    const text = await readBody(request);
    try {
      const body = await handler(JSON.parse(text));
      response.writeHead(200, { 'content-type': 'application/json' }).end(body);
    } catch (error) {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ errors: [{ message: (error as Error).message }] }));
    }
  };
}

const fixedJson: RequestListener = async (request, response) => {
  await readBody(request);
  response.writeHead(200, { 'content-type': 'application/json' }).end(FIXED_ANSWER);
};

const [kind, databasePath, port] = process.argv.slice(2);
const factories: Record<string, (path: string) => RequestListener> = {
  naive: (path) => overJson(createNaiveHandler(openStore(path).$client)),
  floor: (path) => overJson(createFloorHandler(openStore(path).$client)),
  cached: (path) => overJson(createCachedHandler(openStore(path).$client)),
  yoga: (path) => createBareYoga(openSqliteStore(path)),
  json: () => fixedJson,
};
const factory = factories[kind ?? ''];
if (!factory || !databasePath || !port) {
  console.error('usage: serve.ts <naive|floor|cached|yoga|json> <database file> <port>');
  process.exit(2);
}

createServer(factory(databasePath)).listen(Number(port), '127.0.0.1', () =>
  console.log(`${kind} baseline on port ${port}`),
);
// Exit (rather than die) on SIGTERM, so that `node --cpu-prof` writes its profile.
process.once('SIGTERM', () => process.exit(0));
