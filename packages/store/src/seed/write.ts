/**
 * Writes a validated dataset in one transaction. Records are matched by slug, so IDs survive
 * reloads; a record whose seed content is unchanged (same hash) is not touched at all, which
 * makes loading twice a no-op and leaves edits made through the API alone until the seed
 * record itself changes. Seeded records that were removed from the files are deleted; records
 * created through the API (no seed hash) never are.
 */
import { createHash } from 'node:crypto';
import { and, eq, inArray, isNotNull, notInArray } from 'drizzle-orm';
import type { Store } from '../db/client.ts';
import {
  actorAliases, actors, citations, claims, eventLinks, eventParticipants, events, eventSectors,
  figureActors, figures, offices, sources,
} from '../db/schema.ts';
import { parseFuzzyDate } from '../dates/fuzzy-date.ts';
import { foldName } from '../text/fold.ts';
import type { CitationRecord, ClaimRecord } from './format.ts';
import type { SeedDataset } from './validate.ts';

type Transaction = Parameters<Parameters<Store['transaction']>[0]>[0];
type SluggedTable = typeof sources | typeof actors | typeof events | typeof figures;

export interface SeedReport {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
}

const hashOf = (record: unknown) => createHash('sha256').update(JSON.stringify(record)).digest('hex');

export function writeSeeds(store: Store, dataset: SeedDataset): SeedReport {
  const report: SeedReport = { created: 0, updated: 0, unchanged: 0, removed: 0 };
  store.transaction((tx) => {
    const upsert = <T extends SluggedTable>(table: T, slug: string, record: unknown, values: T['$inferInsert']) => {
      const seedHash = hashOf(record);
      const existing = tx.select({ id: table.id, seedHash: table.seedHash }).from(table as SluggedTable).where(eq(table.slug, slug)).get();
      if (!existing) {
        const inserted = tx.insert(table as SluggedTable).values({ ...values, seedHash } as never).returning({ id: table.id }).get();
        report.created++;
        return { id: inserted.id, changed: true };
      }
      if (existing.seedHash === seedHash) {
        report.unchanged++;
        return { id: existing.id, changed: false };
      }
      tx.update(table as SluggedTable).set({ ...values, seedHash } as never).where(eq(table.id, existing.id)).run();
      report.updated++;
      return { id: existing.id, changed: true };
    };
    const removeMissing = (table: SluggedTable, slugs: string[]) => {
      const removed = tx.delete(table).where(and(isNotNull(table.seedHash), slugs.length ? notInArray(table.slug, slugs) : undefined)).returning({ id: table.id }).all();
      report.removed += removed.length;
    };

    removeMissing(events, dataset.events.map(({ record }) => record.slug));
    removeMissing(figures, dataset.figures.map(({ record }) => record.slug));
    removeMissing(actors, dataset.actors.map(({ record }) => record.slug));
    removeMissing(sources, dataset.sources.map(({ record }) => record.slug));

    const sourceIds = new Map<string, number>();
    for (const { record } of dataset.sources) {
      const { id } = upsert(sources, record.slug, record, {
        slug: record.slug, file: record.file, title: record.title, author: record.author ?? null, outlet: record.outlet ?? null,
        genre: record.genre, publishedEdtf: record.published ? parseFuzzyDate(record.published).edtf : null, paragraphStyle: record.paragraphs,
      });
      sourceIds.set(record.slug, id);
    }
    const cite = (list: readonly CitationRecord[], subject: Partial<typeof citations.$inferInsert>) => {
      if (list.length === 0) return;
      tx.insert(citations).values(list.map((citation, position) => ({
        sourceId: sourceIds.get(citation.source)!, paragraph: citation.paragraph, note: citation.note ?? null, position, ...subject,
      }))).run();
    };
    const writeClaims = (list: readonly ClaimRecord[], subject: { eventId: number } | { figureId: number }) =>
      list.forEach((claim, position) => {
        const value = claim.field === 'date' ? parseFuzzyDate(claim.value).edtf : claim.value;
        const { id } = tx.insert(claims).values({
          ...subject, field: claim.field, value, status: claim.status, preferred: claim.preferred, reason: claim.reason ?? null, position,
        }).returning({ id: claims.id }).get();
        cite(claim.citations, { claimId: id });
      });

    const actorIds = new Map<string, number>();
    const changedActors = dataset.actors.flatMap(({ record }) => {
      const { id, changed } = upsert(actors, record.slug, record, { slug: record.slug, name: record.name, nameFolded: foldName(record.name), kind: record.kind });
      actorIds.set(record.slug, id);
      return changed ? [{ id, record }] : [];
    });
    const changedActorIds = changedActors.map(({ id }) => id);
    if (changedActorIds.length) {
      // Cleared for every changed actor before any is re-inserted, so an alias can move between actors.
      tx.delete(actorAliases).where(inArray(actorAliases.actorId, changedActorIds)).run();
      tx.delete(offices).where(inArray(offices.holderId, changedActorIds)).run();
      tx.delete(citations).where(inArray(citations.actorId, changedActorIds)).run();
    }
    for (const { id, record } of changedActors) {
      tx.update(actors).set({
        countryId: record.country ? actorIds.get(record.country)! : null,
        predecessorId: record.predecessor ? actorIds.get(record.predecessor)! : null,
      }).where(eq(actors.id, id)).run();
      if (record.aliases.length) {
        tx.insert(actorAliases).values(record.aliases.map((alias, position) => ({ actorId: id, name: alias.name, nameFolded: foldName(alias.name), kind: alias.kind, position }))).run();
      }
      record.offices.forEach((office, position) => {
        const inserted = tx.insert(offices).values({
          holderId: id, title: office.title, organizationId: office.organization ? actorIds.get(office.organization)! : null,
          fromEdtf: office.from ? parseFuzzyDate(office.from).edtf : null, toEdtf: office.to ? parseFuzzyDate(office.to).edtf : null, position,
        }).returning({ id: offices.id }).get();
        cite(office.citations, { officeId: inserted.id });
      });
      cite(record.citations, { actorId: id });
    }

    const eventIds = new Map<string, number>();
    const changedEvents = dataset.events.flatMap(({ record }) => {
      const date = parseFuzzyDate(record.date);
      const { id, changed } = upsert(events, record.slug, record, {
        slug: record.slug, title: record.title, summary: record.summary, kind: record.kind,
        dateEdtf: date.edtf, dateEarliest: date.earliest, dateLatest: date.latest, place: record.place ?? null,
        amountValue: record.amount?.value ?? null, amountCurrency: record.amount?.currency ?? null, amountApproximate: record.amount?.approximate ?? false,
        quantityValue: record.quantity?.value ?? null, quantityUnit: record.quantity?.unit ?? null,
      });
      eventIds.set(record.slug, id);
      return changed ? [{ id, record }] : [];
    });
    for (const { id, record } of changedEvents) {
      tx.delete(eventSectors).where(eq(eventSectors.eventId, id)).run();
      tx.delete(eventParticipants).where(eq(eventParticipants.eventId, id)).run();
      tx.delete(eventLinks).where(eq(eventLinks.eventId, id)).run();
      tx.delete(claims).where(eq(claims.eventId, id)).run();
      tx.delete(citations).where(eq(citations.eventId, id)).run();
      tx.insert(eventSectors).values(record.sectors.map((sector) => ({ eventId: id, sector }))).run();
      tx.insert(eventParticipants).values(record.participants.map((participant, position) => ({ eventId: id, actorId: actorIds.get(participant.actor)!, role: participant.role, position }))).run();
      cite(record.citations, { eventId: id });
      writeClaims(record.claims, { eventId: id });
    }
    for (const { id, record } of changedEvents) {
      if (record.links.length) {
        tx.insert(eventLinks).values(record.links.map((link) => ({ eventId: id, targetEventId: eventIds.get(link.event)!, type: link.type }))).run();
      }
    }

    for (const { record } of dataset.figures) {
      const period = parseFuzzyDate(record.period);
      const { id, changed } = upsert(figures, record.slug, record, {
        slug: record.slug, label: record.label, indicator: record.indicator, periodEdtf: period.edtf, periodEarliest: period.earliest,
        periodLatest: period.latest, value: record.value, currency: record.currency ?? null, unit: record.unit ?? null, approximate: record.approximate,
      });
      if (!changed) continue;
      tx.delete(figureActors).where(eq(figureActors.figureId, id)).run();
      tx.delete(claims).where(eq(claims.figureId, id)).run();
      tx.delete(citations).where(eq(citations.figureId, id)).run();
      tx.insert(figureActors).values(record.actors.map((slug) => ({ figureId: id, actorId: actorIds.get(slug)! }))).run();
      cite(record.citations, { figureId: id });
      writeClaims(record.claims, { figureId: id });
    }
  });
  return report;
}
