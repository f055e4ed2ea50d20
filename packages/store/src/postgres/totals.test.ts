import { type SQL, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../synthetic/random.ts';
import type { PostgresStore } from './client.ts';
import { emptyPgliteStore } from './testing/pglite.ts';
import { countedTotals, keptTotals } from './totals.ts';

let store: PostgresStore;
const run = (query: SQL) => store.db.execute(query);

async function expectTotalsCounted(step: string) {
  expect(await keptTotals(store.db), step).toEqual(await countedTotals(store.db));
}

const addActors = (count: number) =>
  run(sql`insert into actors (slug, name, name_folded, kind)
    select 'a' || n, 'Actor ' || n, 'actor ' || n, 'person' from generate_series(1, ${count}) n`);

const addEvent = (id: number, earliest: string, latest: string, options: { kind?: string; archived?: boolean } = {}) =>
  run(sql`insert into events (id, slug, title, summary, kind, date_edtf, date_earliest, date_latest, archived_at)
    values (${id}, ${`e${id}`}, 'T', 'S', ${options.kind ?? 'meet'}, 'x', ${earliest}, ${latest},
      ${options.archived ? '2026-01-01T00:00:00Z' : null})`);

/** Participants in one statement: [event, actor, role]. */
const addParticipants = (rows: [number, number, string][]) =>
  run(
    sql`insert into event_participants (event_id, actor_id, role, position) values ${sql.join(
      rows.map(([event, actor, role], position) => sql`(${event}, ${actor}, ${role}, ${position})`),
      sql`, `,
    )}`,
  );

describe('the trigger-kept totals on PostgreSQL', () => {
  beforeEach(async () => {
    store = await emptyPgliteStore();
    await addActors(6);
  });

  it('equal a count from scratch through creates, date changes, archiving, restoring and deletes', async () => {
    await addEvent(1, '2014-01-01', '2014-01-31');
    await addEvent(2, '2015-06-01', '2015-06-01', { kind: 'sign' });
    await addEvent(3, '1980-01-01', '1989-12-31');
    // One statement: actor 1 in two roles, and pairs among three newcomers counted once each.
    await addParticipants([
      [1, 1, 'host'],
      [1, 1, 'signatory'],
      [1, 2, 'guest'],
      [1, 3, 'guest'],
    ]);
    await expectTotalsCounted('one multi-row insert');
    expect((await keptTotals(store.db)).actors).toMatchObject({ 1: 1, 2: 1, 3: 1 });
    // One statement over two events.
    await addParticipants([
      [2, 1, 'host'],
      [2, 2, 'guest'],
      [3, 1, 'host'],
      [3, 4, 'guest'],
    ]);
    await addParticipants([[2, 3, 'guest']]);
    await expectTotalsCounted('participants added to events that had some');
    await run(sql`insert into event_sectors (event_id, sector) values (1, 'energy'), (1, 'defence'), (3, 'energy')`);
    await expectTotalsCounted('sectors added in one statement');
    await run(sql`update event_sectors set sector = 'trade' where event_id = 1 and sector = 'defence'`);
    await expectTotalsCounted('a sector row moved to another sector');
    expect((await keptTotals(store.db)).sectorPeriods).toMatchObject({ 'energy|2014|meet': 1, 'trade|2014|meet': 1 });
    expect((await keptTotals(store.db)).pairs['1-2']).toBe('2 2014-01-01 2015-06-01');

    await run(sql`update events set date_earliest = '2013-05-01' where id = 1`);
    await expectTotalsCounted('an earlier date');
    await run(sql`update events set date_earliest = '2014-02-01', date_latest = '2014-02-01' where id = 1`);
    await expectTotalsCounted('a date narrowed off the boundary');
    await run(sql`update events set kind = 'sign' where id = 3`);
    await expectTotalsCounted('a kind changed');

    await run(sql`update events set archived_at = '2026-01-01' where id = 2`);
    await expectTotalsCounted('archived');
    await run(sql`update events set archived_at = null, date_latest = '2016-01-01' where id = 2`);
    await expectTotalsCounted('restored with a new date');
    await run(sql`update events set archived_at = '2026-01-01' where id in (1, 2)`);
    await expectTotalsCounted('two archived in one statement');
    await run(sql`update events set archived_at = null where id in (1, 2)`);

    await run(sql`delete from event_sectors where event_id = 1 and sector = 'trade'`);
    await expectTotalsCounted('a sector removed');
    await run(sql`delete from event_participants where event_id = 1 and actor_id = 1 and role = 'host'`);
    await expectTotalsCounted('one of two roles removed');
    await run(sql`delete from event_participants where actor_id = 1`);
    await expectTotalsCounted('an actor removed from every event in one statement');
    await run(sql`delete from actors where id = 2`);
    await expectTotalsCounted('an actor deleted, its participations by cascade');
    await run(sql`delete from events where id in (2, 3)`);
    await expectTotalsCounted('two events deleted, their participants by cascade');
    await addEvent(4, '2020-01-01', '2020-01-01', { archived: true });
    await addParticipants([
      [4, 5, 'host'],
      [4, 6, 'guest'],
    ]);
    await expectTotalsCounted('participants of an archived event');
    await run(sql`delete from events where id = 4`);
    await expectTotalsCounted('an archived event deleted');
  });

  it('refuses to move a participant row, which the counts could not follow', async () => {
    await addEvent(1, '2014-01-01', '2014-01-01');
    await addParticipants([[1, 1, 'host']]);
    await expect(run(sql`update event_participants set actor_id = 2`)).rejects.toMatchObject({
      cause: { message: expect.stringContaining('replaced, not moved') },
    });
    await run(sql`update event_participants set role = 'guest', position = 3`);
    await expectTotalsCounted('a role changed in place');
  });

  it('equal a count from scratch after every one of 150 random writes, several rows at a time', async () => {
    const random = seededRandom(21);
    const day = () => `20${String(random.int(10, 19))}-0${random.int(1, 9)}-1${random.int(0, 9)}`;
    const roles = ['host', 'guest', 'signatory'];
    for (let id = 1; id <= 12; id++) {
      const [a, b] = [day(), day()].sort();
      await addEvent(id, a!, b!, { kind: random.pick(['meet', 'sign']), archived: random.chance(0.2) });
    }
    for (let step = 0; step < 150; step++) {
      const event = random.int(1, 12);
      const action = random.int(0, 5);
      if (action <= 1) {
        const rows = Array.from(
          { length: random.int(1, 4) },
          () => [random.int(1, 12), random.int(1, 6), random.pick(roles)] as [number, number, string],
        );
        await run(
          sql`insert into event_participants (event_id, actor_id, role, position) values ${sql.join(
            rows.map(([e, a, r]) => sql`(${e}, ${a}, ${r}, 0)`),
            sql`, `,
          )} on conflict do nothing`,
        );
      } else if (action === 2) {
        await run(sql`delete from event_participants where event_id = ${event} and actor_id = ${random.int(1, 6)}
          and (${random.chance(0.5)} or role = ${random.pick(roles)})`);
      } else if (action === 3) {
        // Archives or restores up to three events in one statement.
        await run(sql`update events set archived_at = case when archived_at is null then '2026' end
          where id between ${event} and ${event + random.int(0, 2)}`);
      } else if (random.chance(0.15)) {
        const [a, b] = [day(), day()].sort();
        await run(sql`delete from events where id = ${event}`);
        await addEvent(event, a!, b!, { archived: random.chance(0.2) });
      } else {
        // New dates for up to two events in one statement.
        const [a, b] = [day(), day()].sort();
        await run(sql`update events set date_earliest = ${a}, date_latest = greatest(${b}, date_latest)
          where id between ${event} and ${event + random.int(0, 1)}`);
      }
      await expectTotalsCounted(`step ${step}, action ${action}`);
    }
  });
});
