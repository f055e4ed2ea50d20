import { defineRelations } from 'drizzle-orm';
import * as schema from './schema.ts';

export const relations = defineRelations(schema, (r) => ({
  sources: {
    citations: r.many.citations(),
  },
  actors: {
    country: r.one.actors({ from: r.actors.countryId, to: r.actors.id, alias: 'country' }),
    predecessor: r.one.actors({ from: r.actors.predecessorId, to: r.actors.id, alias: 'predecessor' }),
    aliases: r.many.actorAliases(),
    offices: r.many.offices({ from: r.actors.id, to: r.offices.holderId, alias: 'holder' }),
    participations: r.many.eventParticipants(),
    citations: r.many.citations(),
  },
  actorAliases: {
    actor: r.one.actors({ from: r.actorAliases.actorId, to: r.actors.id, optional: false }),
  },
  offices: {
    holder: r.one.actors({ from: r.offices.holderId, to: r.actors.id, alias: 'holder', optional: false }),
    organization: r.one.actors({ from: r.offices.organizationId, to: r.actors.id, alias: 'organization' }),
    citations: r.many.citations(),
  },
  events: {
    sectors: r.many.eventSectors(),
    participants: r.many.eventParticipants(),
    links: r.many.eventLinks({ from: r.events.id, to: r.eventLinks.eventId, alias: 'outgoing' }),
    claims: r.many.claims(),
    citations: r.many.citations(),
  },
  eventSectors: {
    event: r.one.events({ from: r.eventSectors.eventId, to: r.events.id, optional: false }),
  },
  eventParticipants: {
    event: r.one.events({ from: r.eventParticipants.eventId, to: r.events.id, optional: false }),
    actor: r.one.actors({ from: r.eventParticipants.actorId, to: r.actors.id, optional: false }),
  },
  eventLinks: {
    event: r.one.events({ from: r.eventLinks.eventId, to: r.events.id, alias: 'outgoing', optional: false }),
    target: r.one.events({ from: r.eventLinks.targetEventId, to: r.events.id, alias: 'incoming', optional: false }),
  },
  figures: {
    actors: r.many.figureActors(),
    claims: r.many.claims(),
    citations: r.many.citations(),
  },
  figureActors: {
    figure: r.one.figures({ from: r.figureActors.figureId, to: r.figures.id, optional: false }),
    actor: r.one.actors({ from: r.figureActors.actorId, to: r.actors.id, optional: false }),
  },
  claims: {
    event: r.one.events({ from: r.claims.eventId, to: r.events.id }),
    figure: r.one.figures({ from: r.claims.figureId, to: r.figures.id }),
    citations: r.many.citations(),
  },
  citations: {
    source: r.one.sources({ from: r.citations.sourceId, to: r.sources.id, optional: false }),
    event: r.one.events({ from: r.citations.eventId, to: r.events.id }),
    actor: r.one.actors({ from: r.citations.actorId, to: r.actors.id }),
    office: r.one.offices({ from: r.citations.officeId, to: r.offices.id }),
    claim: r.one.claims({ from: r.citations.claimId, to: r.claims.id }),
    figure: r.one.figures({ from: r.citations.figureId, to: r.figures.id }),
  },
}));
