import { builder } from './builder.ts';
import './scalars.ts';
import './vocabulary.ts';
import './fuzzy-date.ts';
import './claim.ts';
import './citation.ts';
import './event.ts';
import './actor.ts';
import './office.ts';
import './source.ts';
import './figure.ts';
import './search.ts';
import './stats.ts';
import './network.ts';
import './timeline.ts';
import './node.ts';

builder.queryType({ description: 'Read access to Bilateral: events, actors, sources and figures of Pakistan–Russia relations. Public; no key needed.' });

export const schema = builder.toSchema({ sortSchema: true });
