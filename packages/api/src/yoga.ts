import type { Store } from '@bilateral/store';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { type AuditLog, consoleAuditLog } from './auth.ts';
import { useBodyLimit } from './body-limit.ts';
import { createChangeBus } from './changes.ts';
import { type Context, createContext } from './context.ts';
import { maskError } from './errors.ts';
import { useExports } from './exports/routes.ts';
import { useGraphiQLAssets } from './graphiql/assets.ts';
import { renderGraphiQLPage } from './graphiql/page.ts';
import { graphiqlTabs } from './graphiql-examples.ts';
import { useHttpCache } from './http-cache.ts';
import { operatorLogger } from './logging.ts';
import { useQueryDepthLimit } from './query-depth.ts';
import { schema } from './schema/index.ts';
import {
  DOCUMENT_ID_PARAM,
  sdkTrustedDocuments,
  type TrustedDocuments,
  useTrustedDocuments,
} from './trusted-documents.ts';

export interface BilateralYogaOptions {
  store: Store;
  /** Yoga's logger; pass false to silence it (tests). */
  logging?: boolean;
  /** Where denied writes are reported; defaults to one JSON line on stderr. */
  audit?: AuditLog;
  /** The trusted documents answered by ID; defaults to the SDK's manifest. */
  trustedDocuments?: TrustedDocuments;
  /** Refuse documents sent as text, answering only trusted document IDs (`TRUSTED_DOCUMENTS_ONLY`). */
  trustedDocumentsOnly?: boolean;
}

export type BilateralYoga = YogaServerInstance<Record<string, never>, Context>;

/** The GraphQL HTTP handler, without a socket: `server.ts` listens, tests call `yoga.fetch`. */
export function createBilateralYoga({
  store,
  logging = true,
  audit = consoleAuditLog,
  trustedDocuments = sdkTrustedDocuments(),
  trustedDocumentsOnly = false,
}: BilateralYogaOptions): BilateralYoga {
  const changes = createChangeBus();
  return createYoga<Record<string, never>, Context>({
    schema,
    context: ({ request }) => createContext(store, { request, audit, changes }),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: logging && operatorLogger,
    maskedErrors: { maskError },
    extraParamNames: [DOCUMENT_ID_PARAM],
    plugins: [
      useBodyLimit(),
      useExports(store),
      useGraphiQLAssets(),
      useTrustedDocuments({ documents: trustedDocuments, only: trustedDocumentsOnly }),
      useHttpCache(),
      useQueryDepthLimit(),
    ],
    graphiql: {
      title: 'Bilateral — Pakistan–Russia relations',
      defaultTabs: graphiqlTabs(),
    },
    renderGraphiQL: renderGraphiQLPage,
  }) as unknown as BilateralYoga;
}
