/**
 * Validates every seed file before anything is written: structure first (format.ts), then the
 * rules that look across records. Every problem is collected, not just the first, so one run
 * of `seed:check` lists everything a curator has to fix.
 */
import type { z } from 'zod';
import { parseFuzzyDate } from '../dates/fuzzy-date.ts';
import { foldName } from '../text/fold.ts';
import {
  type ActorRecord,
  actorRecord,
  type CitationRecord,
  type ClaimRecord,
  type CoverageManifest,
  coverageManifest,
  type EventRecord,
  eventRecord,
  type FigureRecord,
  figureRecord,
  RECORD_PARSE_OPTIONS,
  type SourceRecord,
  sourceRecord,
} from './format.ts';
import type { SeedProblem } from './problems.ts';
import { readSeedFiles, type SeedFile } from './read.ts';

export interface Located<T> {
  readonly file: string;
  /** How the record is named in problems: `event "2014-arms-embargo-lifted"`. */
  readonly label: string;
  readonly record: T;
}

export interface SeedDataset {
  readonly sources: Located<SourceRecord>[];
  readonly actors: Located<ActorRecord>[];
  readonly events: Located<EventRecord>[];
  readonly figures: Located<FigureRecord>[];
  readonly coverage: Located<CoverageManifest>[];
}

export const fieldPath = (path: readonly PropertyKey[]) =>
  path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    '',
  );

function parseRecords<S extends z.ZodType>(
  files: SeedFile[],
  noun: string,
  schema: S,
  problems: SeedProblem[],
  asList = true,
): Located<z.output<S>>[] {
  const parsed: Located<z.output<S>>[] = [];
  // Checked on the raw records, so a duplicate is reported even when one copy is malformed.
  const firstUse = new Map<string, string>();
  for (const file of files) {
    const items = asList ? (file.content ?? []) : [file.content];
    if (!Array.isArray(items)) {
      problems.push({
        file: file.path,
        record: 'file',
        field: '',
        message: `must hold a YAML list of ${noun} records`,
        code: 'UNREADABLE',
      });
      continue;
    }
    items.forEach((item, index) => {
      const rawSlug = (item as { slug?: unknown; source?: unknown } | null)?.[asList ? 'slug' : 'source'];
      const label = typeof rawSlug === 'string' ? `${noun} "${rawSlug}"` : asList ? `${noun} #${index + 1}` : noun;
      if (asList && typeof rawSlug === 'string') {
        const first = firstUse.get(rawSlug);
        if (first)
          problems.push({
            file: file.path,
            record: label,
            field: 'slug',
            message: `slug "${rawSlug}" is already used by ${first}`,
            code: 'DUPLICATE',
          });
        else firstUse.set(rawSlug, `${label} in ${file.path}`);
      }
      const result = schema.safeParse(item, RECORD_PARSE_OPTIONS);
      if (result.success) parsed.push({ file: file.path, label, record: result.data });
      else
        for (const issue of result.error.issues)
          problems.push({
            file: file.path,
            record: label,
            field: fieldPath(issue.path),
            message: issue.message,
            code: 'INVALID',
          });
    });
  }
  return parsed;
}

function requireUnique<T>(
  records: Located<T>[],
  key: (record: T) => string,
  field: string,
  what: string,
  problems: SeedProblem[],
) {
  const seen = new Map<string, Located<T>>();
  for (const located of records) {
    const value = key(located.record);
    const first = seen.get(value);
    if (first)
      problems.push({
        file: located.file,
        record: located.label,
        field,
        message: `${what} "${value}" is already used by ${first.label} in ${first.file}`,
        code: 'DUPLICATE',
      });
    else seen.set(value, located);
  }
}

export function validateSeeds(seedsDir: string): { dataset: SeedDataset; problems: SeedProblem[] } {
  const problems: SeedProblem[] = [];
  const files = readSeedFiles(seedsDir, problems);
  const dataset: SeedDataset = {
    sources: parseRecords(files.sources, 'source', sourceRecord, problems),
    actors: parseRecords(files.actors, 'actor', actorRecord, problems),
    events: parseRecords(files.events, 'event', eventRecord, problems),
    figures: parseRecords(files.figures, 'figure', figureRecord, problems),
    coverage: parseRecords(files.coverage, 'coverage manifest', coverageManifest, problems, false),
  };
  checkReferences(dataset, knownIn(dataset), problems);
  return { dataset, problems };
}

/** What references may point at: the slugs that exist, and which actor owns each folded name or alias. */
export interface KnownRecords {
  readonly sources: SlugLookup;
  readonly actors: SlugLookup;
  readonly events: SlugLookup;
  readonly figures: SlugLookup;
  /** The actor slug that owns a folded name or alias. */
  readonly actorNames: { get(folded: string): string | undefined };
}

/** Only `has` is asked, so the store can answer with an indexed lookup instead of loading every slug. */
export interface SlugLookup {
  has(slug: string): boolean;
}

const knownIn = (dataset: SeedDataset): KnownRecords => ({
  sources: new Set(dataset.sources.map(({ record }) => record.slug)),
  actors: new Set(dataset.actors.map(({ record }) => record.slug)),
  events: new Set(dataset.events.map(({ record }) => record.slug)),
  figures: new Set(dataset.figures.map(({ record }) => record.slug)),
  actorNames: new Map(),
});

/**
 * The rules that look beyond one record's shape. The seed loader checks a whole dataset against
 * itself; the API checks the one record it is about to write against what the store holds.
 */
export function checkReferences(dataset: SeedDataset, known: KnownRecords, problems: SeedProblem[]) {
  requireUnique(dataset.sources, (source) => source.file, 'file', 'file', problems);

  const { sources: sourceSlugs, actors: actorSlugs, events: eventSlugs, figures: figureSlugs } = known;

  /** Each item whose key an earlier item in the list already has; the tables hold one row per key. */
  const listedTwice = <T>(
    located: Located<unknown>,
    list: readonly T[],
    key: (item: T) => string,
    field: (index: number) => string,
    message: (item: T) => string,
  ) => {
    const seen = new Set<string>();
    list.forEach((item, index) => {
      if (seen.has(key(item)))
        problems.push({
          file: located.file,
          record: located.label,
          field: field(index),
          message: message(item),
          code: 'DUPLICATE',
        });
      seen.add(key(item));
    });
  };
  const checkCitations = (located: Located<unknown>, list: readonly CitationRecord[], at: string) => {
    list.forEach((citation, index) => {
      if (!sourceSlugs.has(citation.source)) {
        problems.push({
          file: located.file,
          record: located.label,
          field: `${at}[${index}].source`,
          message: `unknown source "${citation.source}"`,
          code: 'UNKNOWN_REFERENCE',
        });
      }
    });
    listedTwice(
      located,
      list,
      (citation) => `${citation.source}#${citation.paragraph}`,
      (index) => `${at}[${index}]`,
      (citation) => `paragraph ${citation.paragraph} of source "${citation.source}" is already cited here`,
    );
  };
  const checkActor = (located: Located<unknown>, slug: string | undefined, field: string) => {
    if (slug !== undefined && !actorSlugs.has(slug))
      problems.push({
        file: located.file,
        record: located.label,
        field,
        message: `unknown actor "${slug}"`,
        code: 'UNKNOWN_REFERENCE',
      });
  };

  const names = new Map<string, string>();
  for (const located of dataset.actors) {
    const actor = located.record;
    const claimName = (name: string, field: string) => {
      const folded = foldName(name);
      const owner = names.get(folded) ?? known.actorNames.get(folded);
      if (owner && owner !== actor.slug)
        problems.push({
          file: located.file,
          record: located.label,
          field,
          message: `"${name}" is already a name or alias of actor "${owner}"; a name must lead to one actor`,
          code: 'DUPLICATE',
        });
      names.set(folded, actor.slug);
    };
    claimName(actor.name, 'name');
    const aliases = new Set<string>();
    actor.aliases.forEach((alias, index) => {
      claimName(alias.name, `aliases[${index}]`);
      if (aliases.has(foldName(alias.name)))
        problems.push({
          file: located.file,
          record: located.label,
          field: `aliases[${index}]`,
          message: `the alias "${alias.name}" is listed twice`,
          code: 'DUPLICATE',
        });
      aliases.add(foldName(alias.name));
    });
    checkActor(located, actor.country, 'country');
    checkActor(located, actor.predecessor, 'predecessor');
    if (actor.predecessor === actor.slug)
      problems.push({
        file: located.file,
        record: located.label,
        field: 'predecessor',
        message: 'an actor cannot be its own predecessor',
        code: 'INVALID',
      });
    checkCitations(located, actor.citations, 'citations');
    actor.offices.forEach((office, index) => {
      checkActor(located, office.organization, `offices[${index}].organization`);
      checkCitations(located, office.citations, `offices[${index}].citations`);
      if (office.from && office.to && parseFuzzyDate(office.from).earliest > parseFuzzyDate(office.to).latest) {
        problems.push({
          file: located.file,
          record: located.label,
          field: `offices[${index}].to`,
          message: `the office ends (${office.to}) before it starts (${office.from})`,
          code: 'INVALID',
        });
      }
    });
  }

  for (const located of dataset.events) {
    const event = located.record;
    checkCitations(located, event.citations, 'citations');
    for (const [index, participant] of event.participants.entries()) {
      checkActor(located, participant.actor, `participants[${index}].actor`);
    }
    listedTwice(
      located,
      event.participants,
      (participant) => `${participant.actor}/${participant.role}`,
      (index) => `participants[${index}]`,
      (participant) => `actor "${participant.actor}" is already listed as ${participant.role}`,
    );
    if (new Set(event.sectors).size !== event.sectors.length)
      problems.push({
        file: located.file,
        record: located.label,
        field: 'sectors',
        message: 'a sector is listed twice',
        code: 'DUPLICATE',
      });
    event.links.forEach((link, index) => {
      if (!eventSlugs.has(link.event))
        problems.push({
          file: located.file,
          record: located.label,
          field: `links[${index}].event`,
          message: `unknown event "${link.event}"`,
          code: 'UNKNOWN_REFERENCE',
        });
      if (link.event === event.slug)
        problems.push({
          file: located.file,
          record: located.label,
          field: `links[${index}].event`,
          message: 'an event cannot link to itself',
          code: 'INVALID',
        });
    });
    listedTwice(
      located,
      event.links,
      (link) => `${link.type}/${link.event}`,
      (index) => `links[${index}]`,
      (link) => `the ${link.type} link to event "${link.event}" is already listed`,
    );
    checkClaims(located, event.claims, eventFieldValue(event), checkCitations, problems, (slug, field) =>
      checkActor(located, slug, field),
    );
  }

  for (const located of dataset.figures) {
    const figure = located.record;
    for (const [index, slug] of figure.actors.entries()) checkActor(located, slug, `actors[${index}]`);
    listedTwice(
      located,
      figure.actors,
      (slug) => slug,
      (index) => `actors[${index}]`,
      (slug) => `actor "${slug}" is already listed`,
    );
    checkCitations(located, figure.citations, 'citations');
    checkClaims(
      located,
      figure.claims,
      (field) => (field === 'value' ? [figure.value] : undefined),
      checkCitations,
      problems,
      () => {},
    );
  }

  requireUnique(dataset.coverage, (manifest) => manifest.source, 'source', 'a manifest for source', problems);
  for (const located of dataset.coverage) {
    const manifest = located.record;
    if (!sourceSlugs.has(manifest.source))
      problems.push({
        file: located.file,
        record: located.label,
        field: 'source',
        message: `unknown source "${manifest.source}"`,
        code: 'UNKNOWN_REFERENCE',
      });
    for (const [paragraph, entry] of Object.entries(manifest.paragraphs)) {
      if ('skip' in entry) continue;
      const refer = (list: string[] | undefined, known: SlugLookup, noun: string, key: string) =>
        list?.forEach((slug, index) => {
          if (!known.has(slug))
            problems.push({
              file: located.file,
              record: located.label,
              field: `paragraphs.${paragraph}.${key}[${index}]`,
              message: `unknown ${noun} "${slug}"`,
              code: 'UNKNOWN_REFERENCE',
            });
        });
      refer(entry.events, eventSlugs, 'event', 'events');
      refer(entry.actors, actorSlugs, 'actor', 'actors');
      refer(entry.figures, figureSlugs, 'figure', 'figures');
    }
  }
}

/** The value(s) an event itself holds for a claimable field, in the same text form as claims. */
const eventFieldValue =
  (event: EventRecord) =>
  (field: string): string[] | undefined => {
    switch (field) {
      case 'date':
        return [parseFuzzyDate(event.date).edtf];
      case 'amount':
        return event.amount ? [`${event.amount.value} ${event.amount.currency}`] : [];
      case 'quantity':
        return event.quantity ? [String(event.quantity.value)] : [];
      case 'place':
        return event.place ? [event.place] : [];
      case 'participant':
        return event.participants.map((participant) => participant.actor);
      default:
        return undefined;
    }
  };

function checkClaims(
  located: Located<unknown>,
  claims: readonly ClaimRecord[],
  ownValues: (field: string) => string[] | undefined,
  checkCitations: (located: Located<unknown>, list: readonly CitationRecord[], at: string) => void,
  problems: SeedProblem[],
  checkActor: (slug: string, field: string) => void,
) {
  const byField = new Map<string, { claim: ClaimRecord; index: number }[]>();
  claims.forEach((claim, index) => {
    const at = `claims[${index}]`;
    checkCitations(located, claim.citations, `${at}.citations`);
    if (claim.field === 'participant') checkActor(claim.value, `${at}.value`);
    if (claim.preferred && !claim.reason)
      problems.push({
        file: located.file,
        record: located.label,
        field: `${at}.reason`,
        message: 'a preferred claim must say why it is preferred',
        code: 'INVALID',
      });
    byField.set(claim.field, [...(byField.get(claim.field) ?? []), { claim, index }]);
  });

  for (const [field, entries] of byField) {
    const own = ownValues(field);
    if (own === undefined) {
      problems.push({
        file: located.file,
        record: located.label,
        field: `claims[${entries[0]!.index}].field`,
        message: `"${field}" is not a field this record has`,
        code: 'INVALID',
      });
      continue;
    }
    const preferred = entries.filter(({ claim }) => claim.preferred);
    if (preferred.length !== 1) {
      problems.push({
        file: located.file,
        record: located.label,
        field: `claims[${entries[0]!.index}].preferred`,
        message: `the ${field} claims need exactly one preferred claim, found ${preferred.length}`,
        code: 'INVALID',
      });
    } else {
      const chosen = preferred[0]!.claim.value;
      const normalised = field === 'date' ? safeEdtf(chosen) : chosen;
      if (!own.includes(normalised)) {
        problems.push({
          file: located.file,
          record: located.label,
          field: `claims[${preferred[0]!.index}].value`,
          message: `the preferred ${field} "${chosen}" differs from the record's own ${field} (${own.join(', ') || 'none'})`,
          code: 'INVALID',
        });
      }
    }
    const distinct = new Set(entries.map(({ claim }) => (field === 'date' ? safeEdtf(claim.value) : claim.value)));
    const sources = new Set(entries.flatMap(({ claim }) => claim.citations.map((citation) => citation.source)));
    if (distinct.size > 1 && sources.size < 2) {
      problems.push({
        file: located.file,
        record: located.label,
        field: `claims[${entries[0]!.index}]`,
        message: `the ${field} is disputed, so its claims must cite at least two different sources`,
        code: 'INVALID',
      });
    }
  }
}

function safeEdtf(value: string): string {
  try {
    return parseFuzzyDate(value).edtf;
  } catch {
    return value;
  }
}
