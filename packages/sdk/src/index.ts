/**
 * @bilateral/sdk: a typed client for the Bilateral GraphQL API.
 *
 *   import { createClient } from '@bilateral/sdk';
 *   const bilateral = createClient({ url: 'http://localhost:4000/graphql' });
 *   for await (const event of bilateral.allEvents({ filter: { actors: ['pakistan', 'russia'], actorsMatch: 'ALL' } })) ...
 *
 * The operations' types and text documents (with their trusted-document IDs) are exported here;
 * the same operations as DocumentNode objects for urql or Apollo Client from `@bilateral/sdk/documents`.
 */
export {
  type AllEventsVariables,
  type BilateralClient,
  createClient,
  type EventNode,
  type ExportFilters,
  type ExportKind,
  exportUrl,
} from './client.ts';
export { BilateralError, type BilateralErrorCode, type BilateralGraphQLError } from './errors.ts';
export * from './generated/graphql.ts';
export { codegenScalars } from './scalars.ts';
export type { ClientOptions, RequestDocument, RequestOptions } from './transport.ts';
