import type { Store } from '@bilateral/store';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { type AuditLog, consoleAuditLog } from './auth.ts';
import { useBodyLimit } from './body-limit.ts';
import { type ChangeBus, createChangeBus } from './changes.ts';
import { type Context, createContext } from './context.ts';
import { maskError } from './errors.ts';
import { useExports } from './exports/routes.ts';
import { graphiqlTabs } from './graphiql-examples.ts';
import { operatorLogger } from './logging.ts';
import { useQueryDepthLimit } from './query-depth.ts';
import { schema } from './schema/index.ts';

export interface BilateralYogaOptions {
  store: Store;
  /** Yoga's logger; pass false to silence it (tests). */
  logging?: boolean;
  /** Where denied writes are reported; defaults to one JSON line on stderr. */
  audit?: AuditLog;
  /** Where writes announce changes to `eventChanged`; a bus of its own by default (one process). */
  changes?: ChangeBus;
}

export type BilateralYoga = YogaServerInstance<Record<string, never>, Context>;

/** The GraphQL HTTP handler, without a socket: `server.ts` listens, tests call `yoga.fetch`. */
export function createBilateralYoga({
  store,
  logging = true,
  audit = consoleAuditLog,
  changes = createChangeBus(),
}: BilateralYogaOptions): BilateralYoga {
  return createYoga<Record<string, never>, Context>({
    schema,
    context: ({ request }) => createContext(store, { request, audit, changes }),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: logging && operatorLogger,
    maskedErrors: { maskError },
    plugins: [useBodyLimit(), useExports(store), useQueryDepthLimit()],
    graphiql: {
      title: 'Bilateral — Pakistan–Russia relations',
      defaultTabs: graphiqlTabs(),
    },
  }) as unknown as BilateralYoga;
}
