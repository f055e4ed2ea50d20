// Mistakes the SDK's types must catch; tsc has to fail on each marked line.
import { type BilateralError, createClient } from '@bilateral/sdk';

const client = createClient({ url: 'http://localhost:4000/graphql' });

export const wrongVariable = client.event({ slug: 42 }); // MISUSE: a slug is a string

export function describeError(error: BilateralError): string {
  switch (error.code) {
    case 'NOT_FOUNDD': // MISUSE: not a code the server sends
      return 'typo';
    default:
      return '';
  }
}
