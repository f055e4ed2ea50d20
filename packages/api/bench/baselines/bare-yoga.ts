/**
 * Baseline "yoga": GraphQL Yoga with Bilateral's own schema and request context (the store and its
 * DataLoaders) and none of Bilateral's plugins: no limits, pricing, trusted documents, CORS,
 * compiled execution, metrics, logging, ETags or rate limits. Against our server on the same query
 * it shows what those plugins cost together; against the `cached` baseline, what Yoga itself costs.
 */
import type { RequestListener } from 'node:http';
import type { BilateralStore } from '@bilateral/store';
import { createYoga } from 'graphql-yoga';
import { consoleAuditLog } from '../../src/execution/auth.ts';
import { createContext } from '../../src/execution/context.ts';
import { createChangeBus } from '../../src/live/changes.ts';
import { schema } from '../../src/schema/index.ts';

export function createBareYoga(store: BilateralStore): RequestListener {
  const changes = createChangeBus(store);
  return createYoga({
    schema,
    context: ({ request }) => createContext(store, { request, audit: consoleAuditLog, changes, sourcesDir: undefined }),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    logging: false,
  });
}
