// A CommonJS TypeScript file: resolves the package's `require` condition and its .d.cts types.
import { type BilateralErrorCode, createClient } from '@bilateral/sdk';

export const notFound: BilateralErrorCode = 'NOT_FOUND';
export const client = createClient({ url: 'http://localhost:4000/graphql', documents: 'text' });
