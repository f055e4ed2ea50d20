// Prints every Pakistan–Russia defence event, year by year, with the sources behind it.
// Start the server first (npx -y pnpm@10 start), then: npx -y pnpm@10 --filter @bilateral/sdk example
import { BilateralError, createClient } from '@bilateral/sdk';

const bilateral = createClient({ url: process.env.BILATERAL_URL ?? 'http://localhost:4000/graphql' });

try {
  for await (const event of bilateral.allEvents({
    filter: { actors: ['pakistan', 'russia'], actorsMatch: 'ALL', sectors: ['DEFENCE'] },
  })) {
    const flag = event.hasConflicts ? '  (sources disagree)' : '';
    console.log(`${event.date.display.padEnd(18)} ${event.kind.padEnd(18)} ${event.title}${flag}`);
  }
} catch (error) {
  if (error instanceof BilateralError) {
    console.error(`Bilateral API error ${error.code}: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
