import { builder } from './builder.ts';
import './scalars.ts';
import './vocabulary.ts';
import './fuzzy-date.ts';
import './claim.ts';
import './citation.ts';
import './event.ts';
import './event-mutations.ts';
import './revision.ts';
import './actor.ts';
import './actor-mutations.ts';
import './office.ts';
import './source.ts';
import './source-mutations.ts';
import './figure.ts';
import './figure-mutations.ts';
import './search.ts';
import './stats.ts';
import './network.ts';
import './timeline.ts';
import './node.ts';
import './error-code.ts';

builder.subscriptionType({ description: 'Live updates, over Server-Sent Events at the same /graphql endpoint.' });

builder.mutationType({
  description:
    "Changes to Bilateral's data. Every mutation needs an API key with the `write` scope (`Authorization: Bearer <key>`); input problems come back as `userErrors` with nothing written, and every change is recorded as a revision. A request body may be at most 1 MiB; a larger one is refused with HTTP 413 and `PAYLOAD_TOO_LARGE`.",
});

builder.queryType({
  description:
    'Read access to Bilateral: events, actors, sources and figures of Pakistan–Russia relations. Public; no key needed.',
});

export const schema = builder.toSchema({ sortSchema: true });
