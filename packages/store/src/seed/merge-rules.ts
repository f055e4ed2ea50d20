/**
 * The rules of an actor merge that need no database, shared by SQLite's `mergeActors`
 * (`curation/merge-actors.ts`) and PostgreSQL's (`postgres-store/merge-actors.ts`): which requests
 * are refused and why, and how each record that named the merged actor reads once it names the
 * actor it was merged into.
 */
import { CurationError, type UserError } from '../errors/curation-error.ts';
import { foldName } from '../text/fold.ts';
import {
  type ActorRecord,
  type CitationRecord,
  type ClaimRecord,
  type EventRecord,
  type FigureRecord,
  prose,
} from './format.ts';

/** Turns the merged actor's slug into the slug of the actor it was merged into; any other slug stays. */
export type Swap = (slug: string) => string;

interface MergedActor {
  id: number;
  slug: string;
}

/**
 * Refuses a merge whose actors are missing or the same, or whose reason is not one paragraph of
 * prose; answers the reason to keep in the revisions.
 */
export function checkMerge<Actor extends MergedActor>(
  from: Actor | undefined,
  into: Actor | undefined,
  reason: string | undefined,
): { from: Actor; into: Actor; because: string | undefined } {
  const errors: UserError[] = [];
  if (!from)
    errors.push({
      field: 'from',
      message: 'No actor has this ID; it may have been merged already.',
      code: 'NOT_FOUND',
    });
  if (!into)
    errors.push({
      field: 'into',
      message: 'No actor has this ID; it may have been merged into another.',
      code: 'NOT_FOUND',
    });
  if (from && into && from.id === into.id)
    errors.push({
      field: 'into',
      message: 'An actor cannot be merged into itself; give two different actors.',
      code: 'INVALID',
    });
  const parsed = reason === undefined ? undefined : prose(1000, 'lines').safeParse(reason);
  if (parsed && !parsed.success)
    errors.push({ field: 'reason', message: parsed.error.issues[0]!.message, code: 'INVALID' });
  if (errors.length || !from || !into) throw new CurationError(errors);
  return { from, into, because: parsed?.data };
}

export const figureWithActor = (figure: FigureRecord, swap: Swap): FigureRecord => ({
  ...figure,
  actors: uniqueBy(figure.actors.map(swap), (slug) => slug),
});

export function uniqueBy<T>(list: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((item) => {
    const value = key(item);
    if (seen.has(value)) return false;
    seen.add(value);
    return true;
  });
}

const citationKey = (citation: CitationRecord) => `${citation.source}#${citation.paragraph}`;

export function eventWithActor(event: EventRecord, swap: Swap): EventRecord {
  return {
    ...event,
    participants: uniqueBy(
      event.participants.map((participant) => ({ ...participant, actor: swap(participant.actor) })),
      (participant) => `${participant.actor}/${participant.role}`,
    ),
    claims: joinSameClaims(
      event.claims.map((claim) => (claim.field === 'participant' ? { ...claim, value: swap(claim.value) } : claim)),
    ),
  };
}

/** Claims that named the two actors now name one: keep one claim with the support of both. */
function joinSameClaims(list: ClaimRecord[]): ClaimRecord[] {
  const groups = new Map<unknown, ClaimRecord[]>();
  for (const claim of list) {
    const key = claim.field === 'participant' ? `participant:${claim.value}` : claim;
    const group = groups.get(key);
    if (group) group.push(claim);
    else groups.set(key, [claim]);
  }
  return [...groups.values()].map((group) =>
    group.reduce((kept, claim) => ({
      ...kept,
      preferred: kept.preferred || claim.preferred,
      reason: [kept, claim].find((one) => one.preferred)?.reason ?? kept.reason,
      citations: uniqueBy([...kept.citations, ...claim.citations], citationKey),
    })),
  );
}

export function actorWithActor(actor: ActorRecord, swap: Swap): ActorRecord {
  const other = (slug: string | undefined) =>
    slug === undefined || swap(slug) === actor.slug ? undefined : swap(slug);
  return {
    ...actor,
    country: other(actor.country),
    predecessor: other(actor.predecessor),
    offices: actor.offices.map((office) => ({
      ...office,
      organization: office.organization && swap(office.organization),
    })),
  };
}

/** `into` after the merge: its own record with `from`'s names as aliases, and `from`'s offices, citations and missing references. */
export function absorb(into: ActorRecord, from: ActorRecord, swap: Swap): ActorRecord {
  const own = actorWithActor(
    { ...into, country: into.country ?? from.country, predecessor: into.predecessor ?? from.predecessor },
    swap,
  );
  const names = [...into.aliases, { name: from.name, kind: 'variant' as const }, ...from.aliases];
  return {
    ...own,
    aliases: uniqueBy(names, (alias) => foldName(alias.name)).filter(
      (alias) => foldName(alias.name) !== foldName(into.name),
    ),
    offices: uniqueBy([...own.offices, ...actorWithActor(from, swap).offices], (office) => JSON.stringify(office)),
    citations: uniqueBy([...into.citations, ...from.citations], citationKey),
  };
}
