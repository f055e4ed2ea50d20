/**
 * References to the object types, declared with their backing row types before any type is
 * implemented. Types refer to each other through these, which keeps the modules free of
 * import cycles and TypeScript free of circular inference.
 */
import type { ActorRow, CitationRow, FigureRow, OfficeRow, SourceRow } from '@bilateral/store';
import { builder } from './builder.ts';
import type { ClaimSource, EventSource } from './event-snapshot.ts';

export const EventRef = builder.objectRef<EventSource>('Event');
export const ActorRef = builder.objectRef<ActorRow>('Actor');
export const SourceRef = builder.objectRef<SourceRow>('Source');
export const ClaimRef = builder.objectRef<ClaimSource>('Claim');
export const FigureRef = builder.objectRef<FigureRow>('Figure');
export const OfficeRef = builder.objectRef<OfficeRow>('Office');
/** Read live, a citation comes with its source's row; rebuilt from a snapshot or paged from its source, only the ID. */
export const CitationRef = builder.objectRef<CitationRow & { source?: SourceRow }>('Citation');

/** Loads rows for `node`/`nodes`; a missing row is null, as the Relay spec asks. */
export const loadNodes = async <Row>(
  loader: { loadMany(keys: number[]): Promise<(Row | null | Error)[]> },
  ids: string[],
) => (await loader.loadMany(ids.map(Number))).map((row) => (row instanceof Error ? null : row));
