/**
 * The TypeScript type of each of Bilateral's custom scalars, in the form GraphQL Code Generator's
 * `scalars` option takes. The SDK's own types are generated with it; pass it to your codegen too, so
 * `Date` and `Decimal` come out as `string` rather than `unknown`:
 *
 *   import { codegenScalars } from '@bilateral/sdk';
 *   config: { scalars: codegenScalars }
 *
 * `Date` is an ISO day (`2014-06-03`) and `Decimal` an exact number as text (`"2500000000"`), both
 * sent as strings; `JSON` is a record snapshot in the seed format.
 */
export const codegenScalars = {
  ID: 'string',
  Date: 'string',
  Decimal: 'string',
  JSON: 'unknown',
} as const;
