/**
 * @bilateral/sdk: a typed client for the Bilateral GraphQL API.
 *
 *   import { createClient } from '@bilateral/sdk';
 *   const bilateral = createClient({ url: 'http://localhost:4000/graphql' });
 *   for await (const event of bilateral.allEvents({ filter: { actors: ['pakistan', 'russia'], actorsMatch: 'ALL' } })) ...
 *
 * Typed documents for urql or Apollo are exported from `@bilateral/sdk/documents`.
 */
export {
  type AllEventsVariables,
  type BilateralClient,
  type ClientOptions,
  createClient,
  type EventNode,
  type ExportFilters,
  type ExportKind,
  exportUrl,
  type RequestOptions,
} from './client.ts';
export { BilateralError, type BilateralGraphQLError } from './errors.ts';
export type * from './generated/sdk.ts';
