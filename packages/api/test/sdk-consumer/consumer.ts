// A script as a consumer writes it: walks every event and handles a typed NOT_FOUND. Type-checked
// under bundler, node16 and nodenext resolution, then run against a live server.
import { BilateralError, type BilateralErrorCode, createClient, type EventNode } from '@bilateral/sdk';

declare const process: { argv: string[] };

/** What a front-end shows for a code: tsc checks every case against the union of codes. */
export function advice(code: BilateralErrorCode): string {
  switch (code) {
    case 'NOT_FOUND':
      return 'No such record: check the slug.';
    case 'BAD_USER_INPUT':
      return 'Fix the highlighted input.';
    case 'NETWORK_ERROR':
    case 'HTTP_ERROR':
      return 'The server cannot be reached.';
    default:
      return 'Something went wrong; try again.';
  }
}

export async function walk(url: string): Promise<void> {
  const client = createClient({ url });
  const slugs: string[] = [];
  for await (const event of client.allEvents({ pageSize: 50 })) slugs.push((event satisfies EventNode).slug);
  const { totalCount } = await client.events({ first: 1 });
  let missing: BilateralErrorCode | undefined;
  try {
    await client.event({ slug: 'no-such-event' });
  } catch (error) {
    if (!(error instanceof BilateralError)) throw error;
    missing = error.code;
  }
  console.log(JSON.stringify({ walked: slugs.length, distinct: new Set(slugs).size, totalCount, missing }));
}

const url = process.argv[2];
if (url) await walk(url);
