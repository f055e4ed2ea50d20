import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import type { BilateralStore } from '../interface/bilateral-store.ts';
import { forEachStore } from '../testing/both-stores.ts';
import { fixtureSeedsDir, fixtureSeedsWith } from '../testing/fixture-store.ts';

/** An event's participants and claims (with their citations) as the store reads them back. */
async function eventParts(store: BilateralStore, eventId: number) {
  const claims = await store.claimsByEventIds([eventId]);
  const citations = await store.citationsBySubjectIds(
    'claimId',
    claims.map((claim) => claim.id),
  );
  return {
    participants: (await store.participantsByEventIds([eventId])).map(({ actor, role }) => ({
      actor: actor.slug,
      role,
    })),
    claims: claims.map(({ id, field, value, preferred, reason }) => ({
      field,
      value,
      preferred,
      reason,
      citations: citations
        .filter((citation) => citation.claimId === id)
        .map(({ source, paragraph }) => ({ source: source.slug, paragraph })),
    })),
  };
}

forEachStore(
  'mergeActors',
  (underTest) => {
    let editor: { keyId: number };
    const idOf = async (slug: string) => (await underTest.store.actorBySlug(slug))!.id;

    beforeEach(async () => {
      const { store } = underTest;
      editor = { keyId: (await store.createApiKey('write', 'test')).key.id };
      await store.saveRecord(
        'actor',
        {
          operation: 'create',
          change: () => ({
            slug: 'rossiya',
            name: 'Rossiya',
            kind: 'state',
            aliases: [{ name: 'Moskva', kind: 'metonym' }],
          }),
        },
        editor,
      );
    });

    it('joins participant claims that now name one actor, keeping the preferred one and the citations of both', async () => {
      const { store } = underTest;
      const news = { source: 'fixture-news', paragraph: 30 };
      const journal = { source: 'fixture-journal', paragraph: 40 };
      const event = await store.saveRecord(
        'event',
        {
          operation: 'create',
          change: () => ({
            slug: '2020-joint-talks',
            title: 'Joint talks',
            summary: 'Talks.',
            kind: 'meeting',
            date: '2020',
            sectors: ['diplomacy'],
            participants: [
              { actor: 'russia', role: 'host' },
              { actor: 'rossiya', role: 'host' },
            ],
            citations: [news],
            claims: [
              { field: 'participant', value: 'rossiya', status: 'asserted', citations: [journal] },
              {
                field: 'participant',
                value: 'russia',
                status: 'asserted',
                preferred: true,
                reason: 'The report names Russia.',
                citations: [news],
              },
            ],
          }),
        },
        editor,
      );
      const merged = await store.mergeActors({ from: await idOf('rossiya'), into: await idOf('russia') }, editor);
      expect(merged.moved).toEqual([{ entityType: 'event', id: event.id, version: 2 }]);
      expect(await eventParts(store, event.id)).toEqual({
        participants: [{ actor: 'russia', role: 'host' }],
        claims: [
          {
            field: 'participant',
            value: 'russia',
            preferred: true,
            reason: 'The report names Russia.',
            citations: [journal, news],
          },
        ],
      });
    });

    it('writes a revision that removes the merged actor and one that shows the absorbed names, each a new version', async () => {
      const { store } = underTest;
      const from = await idOf('rossiya');
      const into = await idOf('russia');
      const merged = await store.mergeActors({ from, into, reason: 'One state.' }, editor);
      expect(merged).toMatchObject({ id: into, version: 2, replayed: false });
      const written = [
        ...(await store.revisionsOf('actor', from, 10)),
        ...(await store.revisionsOf('actor', into, 10)),
      ].filter((revision) => revision.operation === 'merge');
      expect(written.map(({ entityId, version, reason }) => ({ entityId, version, reason }))).toEqual([
        { entityId: from, version: 2, reason: 'One state.' },
        { entityId: into, version: 2, reason: 'One state.' },
      ]);
      expect(written[0]!.after).toBeNull();
      expect(JSON.parse(written[1]!.after!).aliases.map((alias: { name: string }) => alias.name)).toEqual([
        'Russian Federation',
        'Moscow',
        'Rossiya',
        'Moskva',
      ]);
      expect(await store.actorsByIds([from])).toEqual([]);
      // The merged actor's slug still leads to the actor it was merged into.
      expect(await store.idsBySlugs('actors', ['rossiya'])).toEqual(new Map([['rossiya', into]]));
    });

    it('refuses a merge into itself or from an actor that does not exist, writing nothing', async () => {
      const { store } = underTest;
      const russia = await idOf('russia');
      const codes = async (from: number) => {
        try {
          await store.mergeActors({ from, into: russia, reason: 'The same state.' }, editor);
        } catch (error) {
          return (error as { userErrors?: { code: string }[] }).userErrors?.map((userError) => userError.code);
        }
        throw new Error('expected the merge to be refused');
      };
      const revisionsBefore = await store.revisionsOf('actor', russia, 10);
      expect(await codes(russia)).toEqual(['INVALID']);
      expect(await codes(999_999)).toEqual(['NOT_FOUND']);
      expect(await store.revisionsOf('actor', russia, 10)).toEqual(revisionsBefore);
    });

    it('answers a retried merge with the same idempotency key as the first, moving nothing again', async () => {
      const { store } = underTest;
      const [from, into] = [await idOf('rossiya'), await idOf('russia')];
      const request = {
        from,
        into,
        idempotency: { key: 'merge-1', operation: 'mergeActors', input: { from, into } },
      };
      const first = await store.mergeActors(request, editor);
      expect(await store.mergeActors(request, editor)).toEqual({ ...first, replayed: true, moved: [] });
    });

    it('seed reloads leave the merged actor out and send its references to the actor it was merged into', async () => {
      const { store } = underTest;
      const russia = await idOf('russia');
      const pakistan = await idOf('pakistan');
      await store.mergeActors({ from: russia, into: pakistan }, editor);
      // The fixture seed files still hold russia, with aliases pakistan now carries.
      expect(await store.loadSeeds(fixtureSeedsDir)).toMatchObject({ mergedAway: 1, created: 0 });
      expect(await store.actorsByIds([russia])).toEqual([]);

      // A changed seed record that still names russia is written with pakistan in its place.
      const dir = fixtureSeedsWith({});
      const path = join(dir, 'events/all.yaml');
      writeFileSync(path, readFileSync(path, 'utf8').replace('First Druzhba joint exercise', 'Druzhba 2016'));
      expect(await store.loadSeeds(dir)).toMatchObject({ updated: 1, mergedAway: 1 });
      const druzhba = (await store.eventBySlug('2016-druzhba-exercise'))!;
      const { participants } = await eventParts(store, druzhba.id);
      expect(participants.map((participant) => participant.actor)).not.toContain('russia');
      expect(participants.map((participant) => participant.actor)).toContain('pakistan');
    });
  },
  { fresh: 'test' },
);
