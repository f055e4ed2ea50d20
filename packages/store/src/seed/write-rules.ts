/**
 * The rules of the API's one write path that need no database, shared by SQLite's `saveRecord`
 * (`curation/save-record.ts`) and PostgreSQL's (`postgres-store/save-record.ts`): a candidate
 * record's shape, its references and cited paragraphs against what the store answers, the user
 * errors each refusal carries, and the idempotency key's form. Each database only answers the
 * lookups; the wording and codes a caller sees are the same on both.
 *
 * The reference rules (`checkReferences`) ask their lookups synchronously. SQLite answers each
 * with an indexed query; PostgreSQL, which cannot answer synchronously, runs the rules once with
 * `recordingLookups` to learn what they ask, fetches those answers in one round trip per kind, and
 * runs them again over `answeredLookups`.
 */
import type { z } from 'zod';
import { CurationError, type UserError } from '../errors/curation-error.ts';
import { paragraphCount } from '../sources/document-paragraphs.ts';
import { defaultSourcesDir, sourcesAvailable } from '../sources/documents.ts';
import type { ParagraphStyle } from '../sources/paragraphs.ts';
import { codePointName, FORBIDDEN_CHARACTER } from '../text/control-characters.ts';
import type { EntityType } from '../vocabulary/curation-terms.ts';
import { checkCitedParagraphs, countParagraphs } from './documents-check.ts';
import {
  type ActorRecord,
  actorRecord,
  type EventRecord,
  eventRecord,
  type FigureRecord,
  figureRecord,
  RECORD_PARSE_OPTIONS,
  type SourceRecord,
  sourceRecord,
} from './format.ts';
import type { SeedProblem } from './problems.ts';
import { checkReferences, fieldPath, type KnownRecords, type SeedDataset } from './validate.ts';

export interface RecordOf {
  event: EventRecord;
  actor: ActorRecord;
  source: SourceRecord;
  figure: FigureRecord;
}

const SCHEMAS: { [Type in EntityType]: { schema: z.ZodType<RecordOf[Type]>; datasetKey: keyof AllKinds } } = {
  event: { schema: eventRecord, datasetKey: 'events' },
  actor: { schema: actorRecord, datasetKey: 'actors' },
  source: { schema: sourceRecord, datasetKey: 'sources' },
  figure: { schema: figureRecord, datasetKey: 'figures' },
};
type AllKinds = Pick<SeedDataset, 'events' | 'actors' | 'sources' | 'figures'>;

/** The candidate record in the seed format, or CurationError (INVALID) naming every field at fault. */
export function parseRecord<T extends EntityType>(type: T, candidate: unknown): RecordOf[T] {
  const parsed = SCHEMAS[type].schema.safeParse(candidate, RECORD_PARSE_OPTIONS);
  if (!parsed.success)
    throw new CurationError(
      parsed.error.issues.map((issue) => ({ field: fieldPath(issue.path), message: issue.message, code: 'INVALID' })),
    );
  return parsed.data;
}

/** The fields whose value no other record of the kind may have: a source's file too, or two sources would split one document's citations. */
export const uniqueFields = (type: EntityType): readonly ('slug' | 'file')[] =>
  type === 'source' ? ['slug', 'file'] : ['slug'];

export const notFoundError = (type: EntityType) =>
  new CurationError([
    { field: 'id', message: `No ${type} has this ID; it may have been merged or never existed.`, code: 'NOT_FOUND' },
  ]);

export const staleVersionError = (type: EntityType, current: number, expected: number) =>
  new CurationError([
    {
      field: 'expectedVersion',
      message: `The ${type} is at version ${current}, not ${expected}: someone changed it since you read it. Read it again, reapply your change and send the new version.`,
      code: 'STALE_VERSION',
    },
  ]);

export const takenError = (type: EntityType, field: string, value: string): UserError => ({
  field,
  message: `Another ${type} already has the ${field} "${value}"; choose another.`,
  code: 'TAKEN',
});

/** A dataset holding only the record being written, for the rules written for whole datasets. */
export function singleRecordDataset<T extends EntityType>(type: T, record: RecordOf[T]): SeedDataset {
  const dataset: SeedDataset = { sources: [], actors: [], events: [], figures: [], coverage: [] };
  (dataset[SCHEMAS[type].datasetKey] as { file: string; label: string; record: unknown }[]).push({
    file: 'input',
    label: `${type} "${record.slug}"`,
    record,
  });
  return dataset;
}

/** The reference rules' problems as user errors: an unknown reference is NOT_FOUND, anything else INVALID. */
export function referenceErrors(dataset: SeedDataset, known: KnownRecords): UserError[] {
  const problems: SeedProblem[] = [];
  checkReferences(dataset, known, problems);
  return problems.map((problem) => ({
    field: problem.field,
    message: problem.message,
    code: problem.code === 'UNKNOWN_REFERENCE' ? ('NOT_FOUND' as const) : ('INVALID' as const),
  }));
}

/** A source as the document checks need it: its file and how it is cut into paragraphs. */
export interface SourceDocument {
  file: string;
  style: string;
}

/**
 * The write checked against the source documents, as `seed:check` checks the seeds: a source's file
 * must be in the documents directory, and a citation's paragraph must exist in the cited document.
 * Without the documents (a server may run without them) these checks are skipped and a citation is
 * only checked against its source's existence. `sourceOf` answers a cited source's slug.
 */
export function documentErrors(
  dataset: SeedDataset,
  sourceOf: (slug: string) => SourceDocument | undefined,
): UserError[] {
  const dir = defaultSourcesDir();
  if (!sourcesAvailable(dir)) return [];
  const missing: SeedProblem[] = [];
  countParagraphs(dataset.sources, dir, missing);
  // A record cites few documents many times: count each one once.
  const counts = new Map<string, number | undefined>();
  const paragraphsIn = (slug: string) => {
    if (!counts.has(slug)) {
      const source = sourceOf(slug);
      counts.set(slug, source && paragraphCount(dir, source.file, source.style as ParagraphStyle));
    }
    return counts.get(slug);
  };
  return [
    ...missing.map(({ field, message }) => ({ field, message, code: 'NOT_FOUND' as const })),
    ...checkCitedParagraphs(dataset, paragraphsIn).map(({ field, message }) => ({
      field,
      message,
      code: 'INVALID' as const,
    })),
  ];
}

/** Every slug and folded name the reference rules ask about, and every source the document checks ask for. */
export interface Lookups {
  sources: Set<string>;
  actors: Set<string>;
  events: Set<string>;
  figures: Set<string>;
  actorNames: Set<string>;
}

const noLookups = (): Lookups => ({
  sources: new Set(),
  actors: new Set(),
  events: new Set(),
  figures: new Set(),
  actorNames: new Set(),
});

/** What the write's rules ask of the store, learnt by running them with every lookup recorded and answered "exists". */
export function lookupsOf(dataset: SeedDataset): Lookups {
  const asked = noLookups();
  const recording = (set: Set<string>) => ({
    has: (slug: string) => {
      set.add(slug);
      return true;
    },
  });
  referenceErrors(dataset, {
    sources: recording(asked.sources),
    actors: recording(asked.actors),
    events: recording(asked.events),
    figures: recording(asked.figures),
    actorNames: {
      get: (folded) => {
        asked.actorNames.add(folded);
        return undefined;
      },
    },
  });
  documentErrors(dataset, (slug) => {
    asked.sources.add(slug);
    return undefined;
  });
  return asked;
}

/** The store's answers to `lookupsOf`: the slugs that exist, the actor owning each taken name, each cited source. */
export interface LookupAnswers {
  sources: ReadonlyMap<string, SourceDocument>;
  actors: ReadonlySet<string>;
  events: ReadonlySet<string>;
  figures: ReadonlySet<string>;
  actorNames: ReadonlyMap<string, string>;
}

/** The write's user errors beyond its shape (references, documents), from answers fetched beforehand. */
export function answeredErrors(dataset: SeedDataset, answers: LookupAnswers): UserError[] {
  return [
    ...referenceErrors(dataset, {
      sources: answers.sources,
      actors: answers.actors,
      events: answers.events,
      figures: answers.figures,
      actorNames: answers.actorNames,
    }),
    ...documentErrors(dataset, (slug) => answers.sources.get(slug)),
  ];
}

/** A UUID has 36 characters; 200 leaves room for any key scheme without storing whatever a caller sends. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

export function checkIdempotencyKey(key: string) {
  const forbidden = FORBIDDEN_CHARACTER.exec(key);
  const problem =
    key.length > MAX_IDEMPOTENCY_KEY_LENGTH
      ? `must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters; got ${key.length}. A UUID (36 characters) is a good key.`
      : forbidden
        ? `must not contain control characters or lone surrogates (found ${codePointName(forbidden[0])}). A UUID is a good key.`
        : undefined;
  if (problem) throw new CurationError([{ field: 'idempotencyKey', message: problem, code: 'INVALID' }]);
}

export const idempotencyKeyReusedError = (operation: string) =>
  new CurationError([
    {
      field: 'idempotencyKey',
      message: `This idempotency key was already used for a different request (${operation}). Use a new key for a new change.`,
      code: 'IDEMPOTENCY_KEY_REUSED',
    },
  ]);
