// The PostGraphile server of the comparison (compare.ts copies this file into the directory it
// installs PostGraphile into, so that its imports resolve there, outside the workspace).
// Environment: DATABASE_URL, PORT. Serves POST /graphql only: no GraphiQL, no watch mode, no explain.
import { createServer } from 'node:http';

// PostGraphile 5 declares Node >= 22 for one API: its planner and its PostgreSQL executor call
// Promise.withResolvers (Node 22). On Node 20 this is the whole difference, so the comparison adds it.
if (!Promise.withResolvers) {
  Promise.withResolvers = () => {
    let resolve;
    let reject;
    const promise = new Promise((resolvePromise, rejectPromise) => {
      resolve = resolvePromise;
      reject = rejectPromise;
    });
    return { promise, resolve, reject };
  };
}

// Imported after the polyfill is in place.
const { postgraphile } = await import('postgraphile');
const { grafserv } = await import('postgraphile/grafserv/node');
const { PostGraphileAmberPreset } = await import('postgraphile/presets/amber');
const { makePgService } = await import('postgraphile/adaptors/pg');
const { PostGraphileConnectionFilterPreset } = await import('postgraphile-plugin-connection-filter');

const port = Number(process.env.PORT);
const preset = {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'] })],
  // Relation filters (`some` over event_participants) express the benchmark's hub filter.
  schema: { connectionFilterRelations: true },
  // PostGraphile 5 offers orders and filters only on indexed columns by default. It serves Bilateral's
  // own schema, where participants and citations are ordered by `position` (a handful of rows per event,
  // sorted after the lookup by event) and live events are found through partial indexes: without this
  // the page query cannot be asked at all. Its `ignoreIndexes` option (V4 preset) does the same.
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  grafserv: { port, graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
};

const serv = postgraphile(preset).createServ(grafserv);
const server = createServer();
server.on('error', (error) => {
  console.error(error);
  process.exit(1);
});
await serv.addTo(server);
server.listen(port, '127.0.0.1', () => console.log(`PostGraphile listening on http://127.0.0.1:${port}/graphql`));
