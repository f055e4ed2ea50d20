/**
 * A generated dataset for the tests that only bite past a boundary: several export batches,
 * many pages, deep cursors and ties on every sort key. The three-event fixture cannot reach them.
 *
 * Rows are inserted with plain SQL (as the benchmark's store is) because a few hundred saves
 * through the curation path would make every test file that uses this slow; the search index
 * still fills through its triggers, and one `create` revision per event feeds the change feed.
 */
import { type OpenStoreOptions, openStore, type Store } from '../db/client.ts';
import type { EventKind } from '../vocabulary/event-kinds.ts';
import type { Sector } from '../vocabulary/terms.ts';

/** Few enough distinct values that every sort key has long runs of ties. */
export const SYNTHETIC_KINDS: readonly EventKind[] = ['meeting', 'agreement', 'arms_deal'];
export const SYNTHETIC_TITLES = ['Talks in Moscow', 'Talks in Islamabad', 'A pipeline deal', 'Naval exercise'];
export const SYNTHETIC_SECTORS: readonly Sector[] = ['defence', 'energy', 'trade', 'diplomacy'];
/** Five days, months and years: pairs share a first day but differ in the last, so `dateLatest` breaks ties. */
const SYNTHETIC_DATES = ['2001', '2001-01', '2001-01-15', '2010-06', '2010'];

export interface SyntheticEvent {
  slug: string;
  title: string;
  kind: EventKind;
  dateEdtf: string;
  sector: Sector;
}

/** The event the generator writes at `index` (0-based): a pure function, so tests can predict the data. */
export function syntheticEvent(index: number): SyntheticEvent {
  return {
    slug: `synthetic-${String(index).padStart(4, '0')}`,
    title: SYNTHETIC_TITLES[index % SYNTHETIC_TITLES.length]!,
    kind: SYNTHETIC_KINDS[index % SYNTHETIC_KINDS.length]!,
    dateEdtf: SYNTHETIC_DATES[index % SYNTHETIC_DATES.length]!,
    sector: SYNTHETIC_SECTORS[index % SYNTHETIC_SECTORS.length]!,
  };
}

function dateSpan(edtf: string): [string, string] {
  const [year, month, day] = edtf.split('-');
  if (day) return [edtf, edtf];
  if (month) return [`${year}-${month}-01`, `${year}-${month}-${month === '06' ? '30' : '31'}`];
  return [`${year}-01-01`, `${year}-12-31`];
}

/** An in-memory store holding `count` generated events, each with two participants, a sector and a citation. */
export function openSyntheticStore(count: number, options: OpenStoreOptions = {}): Store {
  const store = openStore(':memory:', options);
  const db = store.$client;
  db.exec(`insert into sources (slug, file, title, genre) values ('synthetic-source', 'synthetic.txt', 'Synthetic source', 'news');
           insert into actors (slug, name, name_folded, kind) values ('pakistan', 'Pakistan', 'pakistan', 'state'), ('russia', 'Russia', 'russia', 'state');`);
  const insertEvent = db.prepare(
    `insert into events (slug, title, summary, kind, date_edtf, date_earliest, date_latest) values (?, ?, ?, ?, ?, ?, ?)`,
  );
  const participant = db.prepare(
    `insert into event_participants (event_id, actor_id, role, position) values (?, ?, ?, ?)`,
  );
  const sector = db.prepare(`insert into event_sectors (event_id, sector) values (?, ?)`);
  const citation = db.prepare(`insert into citations (source_id, paragraph, event_id, position) values (1, ?, ?, 0)`);
  const revision = db.prepare(
    `insert into revisions (entity_type, entity_id, entity_slug, version, operation, at) values ('event', ?, ?, 1, 'create', ?)`,
  );
  db.transaction(() => {
    for (let index = 0; index < count; index++) {
      const event = syntheticEvent(index);
      const [earliest, latest] = dateSpan(event.dateEdtf);
      const summary = `Generated event number ${index}, with "quotes", commas, <angle brackets> and a line\nbreak.`;
      const id = Number(
        insertEvent.run(event.slug, event.title, summary, event.kind, event.dateEdtf, earliest, latest).lastInsertRowid,
      );
      participant.run(id, 1, 'host', 0);
      participant.run(id, 2, 'visitor', 1);
      sector.run(id, event.sector);
      citation.run(1 + (index % 40), id);
      revision.run(id, event.slug, new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString());
    }
  })();
  return store;
}
