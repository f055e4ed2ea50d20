/**
 * Deterministic synthetic data at any scale, written through the real tables (and so through the
 * real constraints, indexes and full-text triggers) for benchmarks and large test fixtures.
 *
 * Shape, chosen to look like the curated data grown to millions of events:
 * - actor degree is long-tailed: Pakistan and Russia take part in most events, a few ministries and
 *   leaders in many, and most actors in a handful;
 * - two to five participants per event with roles that fit the event's kind, one to four citations,
 *   one or two sectors; claims (two competing values, one preferred, each cited) on about 8% of
 *   events; links between about 5%; about 2% archived;
 * - dates at every precision the store accepts: days, months, years, approximate years, intervals
 *   and decades, weighted towards recent years;
 * - titles and summaries built from a domain word list, with COMMON_WORD in about 40% of events.
 * The same (events, seed) always gives the same rows and the same IDs.
 */
import { parseFuzzyDate } from '../dates/fuzzy-date.ts';
import type { Store } from '../db/client.ts';
import { foldName } from '../text/fold.ts';
import { EVENT_KIND_VALUES, type EventKind } from '../vocabulary/event-kinds.ts';
import {
  type ActorKind,
  type AliasKind,
  CLAIM_STATUSES,
  EVENT_LINK_TYPES,
  keysOf,
  type ParticipantRole,
  SECTORS,
  SOURCE_GENRES,
} from '../vocabulary/terms.ts';
import { type Random, seededRandom } from './random.ts';
import * as words from './words.ts';

export interface SyntheticOptions {
  /** How many events to generate. */
  events: number;
  /** Seed of the pseudo-random draws; the same seed gives the same data. Default 1. */
  seed?: number;
}

export interface SyntheticSummary {
  events: number;
  archivedEvents: number;
  actors: number;
  sources: number;
  participants: number;
  citations: number;
  claims: number;
  /** Slugs of the hub actors, most connected first: `pakistan` is in about 70% of events. */
  hubActors: readonly string[];
  /** A word in about 40% of events' titles or summaries. */
  commonWord: string;
}

/** The actors every dataset starts with, in decreasing degree. IDs follow this order from 1. */
const HUB_ACTORS: readonly {
  slug: string;
  name: string;
  kind: ActorKind;
  country?: number;
  aliases?: [string, AliasKind][];
}[] = [
  {
    slug: 'pakistan',
    name: 'Pakistan',
    kind: 'state',
    aliases: [
      ['Islamic Republic of Pakistan', 'variant'],
      ['Islamabad', 'metonym'],
    ],
  },
  {
    slug: 'russia',
    name: 'Russia',
    kind: 'state',
    aliases: [
      ['Russian Federation', 'variant'],
      ['Moscow', 'metonym'],
    ],
  },
  { slug: 'mofa-pakistan', name: 'Ministry of Foreign Affairs of Pakistan', kind: 'government_body', country: 1 },
  { slug: 'mfa-russia', name: 'Ministry of Foreign Affairs of Russia', kind: 'government_body', country: 2 },
  { slug: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person', country: 2 },
  { slug: 'shehbaz-sharif', name: 'Shehbaz Sharif', kind: 'person', country: 1 },
  { slug: 'pakistan-army', name: 'Pakistan Army', kind: 'armed_force', country: 1 },
  { slug: 'united-nations', name: 'United Nations', kind: 'intergovernmental_organization' },
];
const PAKISTAN = 1;
const RUSSIA = 2;

/** Roles of the first two participants by kind; further participants take part as `participant`. */
const ROLE_PAIRS: Partial<Record<EventKind, [ParticipantRole, ParticipantRole]>> = {
  visit: ['visitor', 'host'],
  summit: ['participant', 'host'],
  agreement: ['signatory', 'signatory'],
  declaration: ['signatory', 'signatory'],
  arms_deal: ['supplier', 'buyer'],
  arms_delivery: ['supplier', 'buyer'],
  investment: ['supplier', 'recipient'],
  aid: ['supplier', 'recipient'],
  military_aid: ['supplier', 'recipient'],
  sanction: ['initiator', 'target'],
  criticism: ['initiator', 'target'],
  war: ['aggressor', 'target'],
  membership: ['member', 'organization'],
  mediation: ['mediator', 'participant'],
};
/** Relative frequency of each kind: meetings and visits are common, wars rare. */
const KIND_WEIGHT: Partial<Record<EventKind, number>> = {
  meeting: 20,
  visit: 14,
  agreement: 12,
  declaration: 8,
  negotiation: 6,
  summit: 5,
  economic_cooperation: 5,
  security_cooperation: 4,
  pledge: 4,
  arms_deal: 3,
  arms_delivery: 3,
  military_exercise: 3,
  investment: 3,
  criticism: 2,
  support: 2,
  war: 0.2,
  state_transition: 0.1,
};
const KIND_WEIGHTS = EVENT_KIND_VALUES.map((kind) => KIND_WEIGHT[kind] ?? 1);
const SECTOR_VALUES = keysOf(SECTORS);
const GENRES = keysOf(SOURCE_GENRES);
const CLAIM_STATUS_VALUES = keysOf(CLAIM_STATUSES);
const LINK_TYPES = keysOf(EVENT_LINK_TYPES);
const CURRENCIES = ['USD', 'USD', 'USD', 'RUB', 'PKR', 'EUR'];
/** The fixed moment synthetic events were archived at: the data must not depend on the clock. */
const ARCHIVED_AT = '2026-01-01T00:00:00.000Z';

/** Fills an empty, migrated store with `options.events` synthetic events in one transaction. */
export function fillSynthetic(store: Store, options: SyntheticOptions): SyntheticSummary {
  const db = store.$client;
  const existing = db.prepare('select count(*) as n from events').get() as { n: number };
  if (existing.n > 0) throw new Error('fillSynthetic writes into an empty store; this one already holds events');
  const random = seededRandom(options.seed ?? 1);
  const fill = db.transaction(() => {
    const sourceCount = Math.min(25_000, Math.max(10, Math.round(options.events / 40)));
    writeSources(store, random, sourceCount);
    const actorCount = Math.max(40, Math.round(options.events / 15));
    writeActors(store, random, actorCount);
    return withEventSearchRebuiltAfter(store, () =>
      writeEvents(store, random, options.events, actorCount, sourceCount),
    );
  });
  const counts = fill();
  return {
    ...counts,
    hubActors: HUB_ACTORS.map((actor) => actor.slug),
    commonWord: words.COMMON_WORD,
  };
}

/**
 * Indexing every event through the insert trigger costs one FTS write per row; filling the index
 * in one statement at the end is several times faster. The trigger is recreated from its own stored SQL, so the
 * schema afterwards is exactly what the migrations made.
 */
function withEventSearchRebuiltAfter<T>(store: Store, write: () => T): T {
  const db = store.$client;
  const trigger = db
    .prepare(`select sql from sqlite_master where type = 'trigger' and name = 'events_search_insert'`)
    .get() as { sql: string } | undefined;
  if (!trigger) return write();
  db.exec('drop trigger events_search_insert');
  const result = write();
  // Live events only, as the triggers keep it: FTS5's 'rebuild' would index archived events too.
  db.exec(
    `insert into event_search(rowid, title, summary, place) select id, title, summary, place from events where archived_at is null`,
  );
  db.exec(trigger.sql);
  return result;
}

function writeSources(store: Store, random: Random, count: number) {
  const insert = store.$client.prepare(
    `insert into sources (slug, file, title, author, outlet, genre, published_edtf, paragraph_style, url)
     values (?, ?, ?, ?, ?, ?, ?, 'blank-lines', ?)`,
  );
  for (let index = 1; index <= count; index++) {
    const outlet = random.pick(words.OUTLETS);
    const sector = random.pick(SECTOR_VALUES);
    const year = recentYear(random);
    insert.run(
      `source-${index}`,
      `synthetic_${String(index).padStart(6, '0')}.txt`,
      `${capitalise(random.pick(words.TOPICS[sector]))}: ${random.pick(words.SUMMARY_ADJECTIVES)} ${random.pick(words.SUMMARY_NOUNS)} in focus`,
      random.chance(0.7) ? `${random.pick(words.AUTHOR_INITIALS)} ${random.pick(words.PAKISTANI_FAMILY_NAMES)}` : null,
      outlet,
      random.pick(GENRES),
      random.chance(0.8) ? `${year}-${pad2(random.int(1, 12))}-${pad2(random.int(1, 28))}` : String(year),
      random.chance(0.5) ? `https://example.org/${outlet.toLowerCase().replace(/\W+/g, '-')}/${index}` : null,
    );
  }
}

interface SyntheticActor {
  slug: string;
  name: string;
  kind: ActorKind;
  country: number | null;
}

function writeActors(store: Store, random: Random, count: number) {
  const db = store.$client;
  const insert = db.prepare(
    'insert into actors (slug, name, name_folded, kind, country_id) values (@slug, @name, @folded, @kind, @country)',
  );
  const alias = db.prepare(
    `insert into actor_aliases (actor_id, name, name_folded, kind, position) values (?, ?, ?, ?, ?)`,
  );
  HUB_ACTORS.forEach((hub, index) => {
    insert.run({ ...hub, folded: foldName(hub.name), country: hub.country ?? null });
    for (const [position, [name, kind]] of (hub.aliases ?? []).entries())
      alias.run(index + 1, name, foldName(name), kind, position);
  });
  for (let id = HUB_ACTORS.length + 1; id <= count; id++) {
    const actor = syntheticActor(random, id);
    insert.run({ ...actor, folded: foldName(actor.name) });
  }
}

/** A generated actor; its ID is part of its slug and name, so both stay unique at any scale. */
function syntheticActor(random: Random, id: number): SyntheticActor {
  const country = random.chance(0.5) ? PAKISTAN : RUSSIA;
  const kind = (['person', 'government_body', 'company', 'armed_force', 'organization'] as const)[
    random.weighted([50, 15, 20, 5, 10])
  ]!;
  const name = (() => {
    switch (kind) {
      case 'person':
        return country === PAKISTAN
          ? `${random.pick(words.PAKISTANI_GIVEN_NAMES)} ${random.pick(words.PAKISTANI_FAMILY_NAMES)}`
          : `${random.pick(words.RUSSIAN_GIVEN_NAMES)} ${random.pick(words.RUSSIAN_FAMILY_NAMES)}`;
      case 'government_body':
        return `Ministry of ${random.pick(words.MINISTRY_PORTFOLIOS)} of ${country === PAKISTAN ? 'Pakistan' : 'Russia'}`;
      case 'company':
        return `${random.pick(words.ORGANISATION_STEMS)} ${random.pick(words.COMPANY_TRADES)} ${random.pick(words.COMPANY_FORMS)}`;
      case 'armed_force':
        return `${country === PAKISTAN ? 'Pakistan' : 'Russian'} ${random.pick(words.FORCE_BRANCHES)}`;
      default:
        return `${random.pick(words.ORGANISATION_STEMS)} ${random.pick(words.THINK_TANK_WORDS)} of ${random.pick(words.THINK_TANK_TOPICS)}`;
    }
  })();
  // Real names repeat (two people called Omar Khan); the number keeps each row distinguishable, as curators would.
  const numbered = `${name} ${id}`;
  return { slug: slugify(numbered), name: numbered, kind, country: kind === 'organization' ? null : country };
}

function writeEvents(store: Store, random: Random, count: number, actorCount: number, sourceCount: number) {
  const db = store.$client;
  const insertEvent = db.prepare(
    `insert into events (slug, title, summary, kind, date_edtf, date_earliest, date_latest, place,
       amount_value, amount_currency, amount_approximate, quantity_value, quantity_unit, archived_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSector = db.prepare('insert into event_sectors (event_id, sector, position) values (?, ?, ?)');
  const insertParticipant = db.prepare(
    'insert into event_participants (event_id, actor_id, role, position) values (?, ?, ?, ?)',
  );
  const insertCitation = db.prepare(
    'insert into citations (source_id, paragraph, note, event_id, claim_id, position) values (?, ?, ?, ?, ?, ?)',
  );
  const insertClaim = db.prepare(
    'insert into claims (event_id, field, value, status, preferred, reason, position) values (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertLink = db.prepare(
    'insert into event_links (event_id, target_event_id, type, position) values (?, ?, ?, 0)',
  );
  const actorNames = db.prepare('select name from actors order by id').pluck().all() as string[];
  const counts = {
    events: count,
    archivedEvents: 0,
    actors: actorCount,
    sources: sourceCount,
    participants: 0,
    citations: 0,
    claims: 0,
  };
  const cite = (eventId: number | null, claimId: number | null, position: number) => {
    insertCitation.run(
      1 + random.longTail(sourceCount),
      random.int(1, 60),
      random.chance(0.1) ? `Paragraph restates the ${random.pick(words.SUMMARY_NOUNS)}.` : null,
      eventId,
      claimId,
      position,
    );
    counts.citations++;
  };

  for (let index = 1; index <= count; index++) {
    const kind = EVENT_KIND_VALUES[random.weighted(KIND_WEIGHTS)]!;
    const date = syntheticDate(random);
    const sectors = distinct(random.chance(0.35) ? 2 : 1, () => random.pick(SECTOR_VALUES));
    const actors = participantsOf(random, actorCount);
    const amount = random.chance(0.15);
    const quantity = random.chance(0.1);
    const archived = random.chance(0.02);
    const { title, summary } = eventText(
      random,
      kind,
      sectors[0]!,
      actors.map((id) => actorNames[id - 1]!),
    );
    const place = random.chance(0.7) ? random.pick(words.PLACES) : null;
    const { lastInsertRowid } = insertEvent.run(
      `${date.earliest.slice(0, 4)}-${kind.replaceAll('_', '-')}-${index}`,
      title,
      summary,
      kind,
      date.edtf,
      date.earliest,
      date.latest,
      place,
      amount ? String(random.int(1, 500) * 10 ** random.int(4, 8)) : null,
      amount ? random.pick(CURRENCIES) : null,
      amount && random.chance(0.3) ? 1 : 0,
      quantity ? random.int(1, 60) : null,
      quantity ? random.pick(['aircraft', 'helicopters', 'tonnes', 'scholarships', 'tanks']) : null,
      archived ? ARCHIVED_AT : null,
    );
    const eventId = Number(lastInsertRowid);
    if (archived) counts.archivedEvents++;
    for (const [position, sector] of sectors.entries()) insertSector.run(eventId, sector, position);
    const roles = ROLE_PAIRS[kind] ?? ['initiator', 'recipient'];
    for (const [position, actorId] of actors.entries())
      insertParticipant.run(eventId, actorId, roles[position] ?? 'participant', position);
    counts.participants += actors.length;
    const citationCount = 1 + random.weighted([45, 30, 15, 10]);
    for (let position = 0; position < citationCount; position++) cite(eventId, null, position);
    if (random.chance(0.08)) {
      // Two sources disagree on the date, the amount or the place; curators prefer one of them.
      const field = random.pick(['date', 'amount', 'place'] as const);
      const preferredFirst = random.chance(0.5);
      for (let position = 0; position < 2; position++) {
        const value =
          field === 'date'
            ? syntheticDate(random).edtf
            : field === 'amount'
              ? `${random.int(1, 900) * 1_000_000} USD`
              : random.pick(words.PLACES);
        const { lastInsertRowid: claimId } = insertClaim.run(
          eventId,
          field,
          value,
          random.pick(CLAIM_STATUS_VALUES),
          (position === 0) === preferredFirst ? 1 : 0,
          position === 0 ? 'The earlier report gives more detail.' : null,
          position,
        );
        counts.claims++;
        cite(null, Number(claimId), 0);
      }
    }
    if (index > 1 && random.chance(0.05)) insertLink.run(eventId, random.int(1, eventId - 1), random.pick(LINK_TYPES));
  }
  return counts;
}

/** Two to five distinct actors; Pakistan and Russia open most events, the rest come from the long tail. */
function participantsOf(random: Random, actorCount: number): number[] {
  const size = 2 + random.weighted([35, 30, 20, 15]);
  const chosen: number[] = [];
  const first = random.chance(0.7) ? (random.chance(0.55) ? PAKISTAN : RUSSIA) : 1 + random.longTail(actorCount);
  chosen.push(first);
  const other = first === PAKISTAN ? RUSSIA : PAKISTAN;
  if (random.chance(0.6) && !chosen.includes(other)) chosen.push(other);
  while (chosen.length < size) {
    const actor = 1 + random.longTail(actorCount);
    if (!chosen.includes(actor)) chosen.push(actor);
  }
  return chosen;
}

function eventText(random: Random, kind: EventKind, sector: keyof typeof SECTORS, names: string[]) {
  const verbs = words.TITLE_VERBS[kind] ?? words.GENERIC_TITLE_VERBS;
  const topic = random.pick(words.TOPICS[sector]);
  const common = random.chance(words.COMMON_WORD_SHARE);
  // Half the events that carry the common word carry it in the title, the others in the summary only.
  const commonInTitle = common && random.chance(0.5);
  const title = `${names[0]} and ${names[1]} ${random.pick(verbs)} ${topic}${commonInTitle ? ` ${words.COMMON_WORD}` : ''}`;
  const sentences = [
    `The ${longTailPick(random, words.SUMMARY_ADJECTIVES)} ${longTailPick(random, words.SUMMARY_NOUNS)} was ${longTailPick(random, words.SUMMARY_VERBS)} by ${names[0]} and ${names[1]}.`,
  ];
  const more = random.int(1, 3);
  for (let sentence = 0; sentence < more; sentence++) {
    sentences.push(
      `${capitalise(longTailPick(random, words.SUMMARY_NOUNS))} on ${random.pick(words.TOPICS[random.pick(SECTOR_VALUES)])} ${longTailPick(random, words.SUMMARY_VERBS)} after ${longTailPick(random, words.SUMMARY_ADJECTIVES)} ${longTailPick(random, words.SUMMARY_NOUNS)}.`,
    );
  }
  if (common && !commonInTitle) sentences.push(`Both sides pledged to deepen ${words.COMMON_WORD} in ${sector}.`);
  if (names.length > 2) sentences.push(`Also taking part: ${names.slice(2).join(', ')}.`);
  return { title, summary: sentences.join(' ') };
}

/** A date at one of the precisions curators use, mostly days, weighted towards recent years. */
function syntheticDate(random: Random) {
  const year = recentYear(random);
  const month = pad2(random.int(1, 12));
  const text = (() => {
    switch (random.weighted([50, 20, 14, 5, 6, 3, 2])) {
      case 0:
        return `${year}-${month}-${pad2(random.int(1, 28))}`;
      case 1:
        return `${year}-${month}`;
      case 2:
        return String(year);
      case 3:
        return `${year}~`;
      case 4:
        return `${year - random.int(1, 3)}/${year}`;
      case 5:
        return `${String(year).slice(0, 3)}X`;
      default:
        return `${year}-${month}-${pad2(random.int(1, 28))}?`;
    }
  })();
  return parseFuzzyDate(text);
}

/** 1947 to 2025, most of the mass after 2000 as in the curated data. */
const recentYear = (random: Random) => 2025 - Math.floor(78 * random.next() ** 2);

const longTailPick = <T>(random: Random, items: readonly T[]) => items[random.longTail(items.length)]!;

function distinct<T>(size: number, draw: () => T): T[] {
  const chosen: T[] = [];
  while (chosen.length < size) {
    const item = draw();
    if (!chosen.includes(item)) chosen.push(item);
  }
  return chosen;
}

const pad2 = (value: number) => String(value).padStart(2, '0');
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const slugify = (text: string) =>
  foldName(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
