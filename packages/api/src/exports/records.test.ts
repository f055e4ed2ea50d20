// The columns of the event export, row by row: which participant becomes PLOVER's actor and which
// its recipient (for every pair of roles), the country columns, the codes of each kind, the dates,
// the amounts and the `|`-joined lists of the CSV. The fixture's three events cannot tell these apart.
import type { EventRow, ExportedEvent } from '@bilateral/store';
import { describe, expect, it } from 'vitest';
import { EVENT_COLUMNS, type EventRecord, eventCsvValues, eventRecord } from './records.ts';

type Participant = ExportedEvent['participants'][number];

const ACTING_ROLES = ['initiator', 'supplier', 'aggressor', 'visitor', 'member', 'mediator'];
const RECEIVING_ROLES = ['recipient', 'target', 'buyer', 'host', 'organization'];
/** Roles that say nothing about direction: the curators' order decides. */
const NEUTRAL_ROLES = ['signatory', 'participant'];

const state = (slug: string, role: string): Participant => ({
  slug,
  name: `The state ${slug}`,
  kind: 'state',
  country: null,
  role,
});
const person = (slug: string, country: string | null, role: string): Participant => ({
  slug,
  name: `The person ${slug}`,
  kind: 'person',
  country,
  role,
});

const eventRow = (overrides: Partial<EventRow> = {}): EventRow => ({
  id: 7,
  slug: '2019-some-event',
  title: 'Something happened',
  summary: 'A summary, with a comma.',
  kind: 'visit',
  dateEdtf: '2019-05',
  dateEarliest: '2019-05-01',
  dateLatest: '2019-05-31',
  dateBasis: null,
  place: 'Moscow',
  amountValue: null,
  amountCurrency: null,
  amountApproximate: false,
  quantityValue: null,
  quantityUnit: null,
  seedHash: null,
  seedSlug: null,
  version: 3,
  archivedAt: null,
  ...overrides,
});

const exported = (overrides: Partial<ExportedEvent> = {}, event: Partial<EventRow> = {}): ExportedEvent => ({
  event: eventRow(event),
  hasConflicts: false,
  sectors: ['diplomacy'],
  participants: [state('pakistan', 'host'), state('russia', 'visitor')],
  citations: [{ source: 'some-news', paragraph: 4 }],
  ...overrides,
});

const sides = (participants: Participant[]) => {
  const record = eventRecord(exported({ participants }));
  return {
    actor: record.actor_name,
    actorCountry: record.actor_country,
    recipient: record.recipient_name,
    recipientCountry: record.recipient_country,
  };
};

describe('eventRecord', () => {
  it('has the documented columns, in order: PLOVER names first, then ours', () => {
    expect(EVENT_COLUMNS).toEqual([
      'event_id',
      'event_date',
      'event_type',
      'event_intensity',
      'contexts',
      'actor_name',
      'actor_country',
      'recipient_name',
      'recipient_country',
      'place_name',
      'headline',
      'summary',
      'kind',
      'cameo_code',
      'date_edtf',
      'date_earliest',
      'date_latest',
      'date_precision',
      'date_approximate',
      'amount_value',
      'amount_currency',
      'amount_approximate',
      'quantity_value',
      'quantity_unit',
      'participants',
      'citations',
      'has_conflicts',
    ]);
  });

  it('writes every column of an event', () => {
    const record = eventRecord(
      exported(
        {
          hasConflicts: true,
          sectors: ['defence', 'industry'],
          participants: [
            state('russia', 'supplier'),
            state('pakistan', 'buyer'),
            person('an-envoy', 'russia', 'mediator'),
          ],
          citations: [
            { source: 'some-news', paragraph: 4 },
            { source: 'a-journal', paragraph: 12 },
          ],
        },
        {
          slug: '2017-helicopters',
          title: 'Helicopters delivered',
          summary: 'Four helicopters arrived.',
          kind: 'arms_delivery',
          dateEdtf: '2017-08~',
          dateEarliest: '2017-08-01',
          dateLatest: '2017-08-31',
          place: null,
          amountValue: '153000000',
          amountCurrency: 'USD',
          amountApproximate: false,
          quantityValue: 4,
          quantityUnit: 'helicopters',
        },
      ),
    );
    expect(record).toEqual({
      event_id: '2017-helicopters',
      event_date: 'c. August 2017',
      event_type: 'COOPERATE',
      event_intensity: 7.4,
      contexts: ['defence', 'industry'],
      actor_name: 'The state russia',
      actor_country: 'russia',
      recipient_name: 'The state pakistan',
      recipient_country: 'pakistan',
      place_name: null,
      headline: 'Helicopters delivered',
      summary: 'Four helicopters arrived.',
      kind: 'arms_delivery',
      cameo_code: '062',
      date_edtf: '2017-08~',
      date_earliest: '2017-08-01',
      date_latest: '2017-08-31',
      date_precision: 'month',
      date_approximate: true,
      amount_value: '153000000',
      amount_currency: 'USD',
      amount_approximate: false,
      quantity_value: 4,
      quantity_unit: 'helicopters',
      participants: [
        { actor: 'russia', role: 'supplier' },
        { actor: 'pakistan', role: 'buyer' },
        { actor: 'an-envoy', role: 'mediator' },
      ],
      citations: [
        { source: 'some-news', paragraph: 4 },
        { source: 'a-journal', paragraph: 12 },
      ],
      has_conflicts: true,
    });
  });

  it.each(ACTING_ROLES.flatMap((acting) => RECEIVING_ROLES.map((receiving) => [acting, receiving])))(
    'makes the %s the actor and the %s the recipient, whatever order the curators listed them in',
    (acting, receiving) => {
      const expected = { actor: 'The state russia', recipient: 'The state pakistan' };
      expect(sides([state('russia', acting), state('pakistan', receiving)])).toMatchObject(expected);
      expect(
        sides([state('pakistan', receiving), state('china', 'participant'), state('russia', acting)]),
      ).toMatchObject(expected);
      // The role decides even when someone without a direction is listed before the recipient.
      expect(sides([state('china', 'signatory'), state('pakistan', receiving), state('russia', acting)])).toMatchObject(
        expected,
      );
    },
  );

  it('takes the first acting and the first receiving participant when several have such roles', () => {
    expect(
      sides([
        state('india', 'signatory'),
        state('russia', 'initiator'),
        state('china', 'participant'),
        state('pakistan', 'target'),
        state('iran', 'supplier'),
        state('turkey', 'recipient'),
      ]),
    ).toMatchObject({ actor: 'The state russia', recipient: 'The state pakistan' });
  });

  it.each(NEUTRAL_ROLES.flatMap((first) => NEUTRAL_ROLES.map((second) => [first, second])))(
    'falls back to the curators order when neither role says who acted (%s, %s)',
    (first, second) => {
      expect(sides([state('russia', first), state('pakistan', second)])).toMatchObject({
        actor: 'The state russia',
        recipient: 'The state pakistan',
      });
    },
  );

  it('falls back to the first participant for one side only when the other side has a role that says so', () => {
    // No acting role: the first listed acts; the recipient is still the first in a receiving role.
    expect(
      sides([state('china', 'signatory'), state('russia', 'participant'), state('pakistan', 'host')]),
    ).toMatchObject({
      actor: 'The state china',
      recipient: 'The state pakistan',
    });
    // No receiving role: the recipient is the first listed after the actor.
    expect(
      sides([state('china', 'participant'), state('russia', 'visitor'), state('pakistan', 'signatory')]),
    ).toMatchObject({ actor: 'The state russia', recipient: 'The state china' });
  });

  it('never makes one actor both sides, even when it is listed in a receiving role too', () => {
    expect(
      sides([state('russia', 'initiator'), state('russia', 'recipient'), state('pakistan', 'participant')]),
    ).toEqual({
      actor: 'The state russia',
      actorCountry: 'russia',
      recipient: 'The state pakistan',
      recipientCountry: 'pakistan',
    });
    expect(sides([state('russia', 'visitor'), state('russia', 'host')])).toMatchObject({
      actor: 'The state russia',
      recipient: null,
    });
  });

  it('leaves the recipient empty for one participant, and both sides empty for none', () => {
    expect(sides([state('russia', 'host')])).toEqual({
      actor: 'The state russia',
      actorCountry: 'russia',
      recipient: null,
      recipientCountry: null,
    });
    expect(sides([])).toEqual({ actor: null, actorCountry: null, recipient: null, recipientCountry: null });
  });

  it("gives a state's own slug as its country, anyone else's country, or nothing when it has none", () => {
    expect(sides([person('a-minister', 'russia', 'visitor'), person('a-host', 'pakistan', 'host')])).toEqual({
      actor: 'The person a-minister',
      actorCountry: 'russia',
      recipient: 'The person a-host',
      recipientCountry: 'pakistan',
    });
    expect(sides([person('an-analyst', null, 'initiator'), person('a-stateless-group', null, 'target')])).toMatchObject(
      {
        actorCountry: null,
        recipientCountry: null,
      },
    );
    expect(
      sides([
        { slug: 'gazprom', name: 'Gazprom', kind: 'company', country: 'russia', role: 'supplier' },
        { ...state('pakistan', 'buyer'), country: 'ignored-for-a-state' },
      ]),
    ).toMatchObject({ actorCountry: 'russia', recipientCountry: 'pakistan' });
  });

  it.each([
    ['visit', 'CONSULT', 1.9, '042'],
    ['sanction_lifted', 'RETREAT', 7, '085'],
    ['pledge', 'AGREE', 5.2, '031'],
    // CAMEO and PLOVER have no code for a state coming into being; the columns stay empty, not guessed.
    ['state_transition', null, null, null],
  ] as const)('codes a %s as PLOVER %s, Goldstein %s, CAMEO %s', (kind, plover, goldstein, cameo) => {
    expect(eventRecord(exported({}, { kind }))).toMatchObject({
      kind,
      event_type: plover,
      event_intensity: goldstein,
      cameo_code: cameo,
    });
  });

  it('gives an amount its approximate flag, and no flag at all to an event without an amount', () => {
    const amount = (event: Partial<EventRow>) => {
      const { amount_value, amount_currency, amount_approximate } = eventRecord(exported({}, event));
      return [amount_value, amount_currency, amount_approximate];
    };
    expect(amount({ amountValue: '5e8', amountCurrency: 'USD', amountApproximate: true })).toEqual([
      '5e8',
      'USD',
      true,
    ]);
    expect(amount({ amountValue: '5e8', amountCurrency: 'USD', amountApproximate: false })).toEqual([
      '5e8',
      'USD',
      false,
    ]);
    expect(amount({ amountValue: null, amountApproximate: true })).toEqual([null, null, null]);
  });

  it('gives the date in every form: as shown, as written, its first and last day, precision and qualifier', () => {
    const date = (dateEdtf: string) => {
      const record = eventRecord(exported({}, { dateEdtf }));
      return [record.event_date, record.date_edtf, record.date_earliest, record.date_latest, record.date_precision];
    };
    expect(date('2014')).toEqual(['2014', '2014', '2014-01-01', '2014-12-31', 'year']);
    expect(date('2016-09-30')).toEqual(['30 September 2016', '2016-09-30', '2016-09-30', '2016-09-30', 'day']);
    expect(date('../2018-05')).toEqual(['by May 2018', '../2018-05', null, '2018-05-31', 'month']);
    expect(date('2011/..')).toEqual(['from 2011', '2011/..', '2011-01-01', null, 'year']);
    expect(eventRecord(exported({}, { dateEdtf: '2014' })).date_approximate).toBe(false);
  });
});

describe('eventCsvValues', () => {
  it('gives one value per column, in the header order, joining lists with |', () => {
    const record = eventRecord(
      exported({
        hasConflicts: true,
        sectors: ['defence', 'security', 'trade'],
        participants: [
          state('pakistan', 'host'),
          state('russia', 'participant'),
          person('a-minister', 'russia', 'visitor'),
        ],
        citations: [
          { source: 'some-news', paragraph: 4 },
          { source: 'a-journal', paragraph: 12 },
        ],
      }),
    );
    const values = eventCsvValues(record);
    expect(values).toHaveLength(EVENT_COLUMNS.length);
    const byColumn = Object.fromEntries(EVENT_COLUMNS.map((column, index) => [column, values[index]]));
    expect(byColumn).toEqual({
      ...record,
      contexts: 'defence|security|trade',
      participants: 'pakistan:host|russia:participant|a-minister:visitor',
      citations: 'some-news#4|a-journal#12',
    } satisfies Record<keyof EventRecord, unknown>);
    expect(byColumn).toMatchObject({ has_conflicts: true, place_name: 'Moscow', amount_value: null });
  });

  it('leaves list columns empty when the lists are', () => {
    const values = eventCsvValues(eventRecord(exported({ sectors: [], participants: [], citations: [] })));
    const byColumn = Object.fromEntries(EVENT_COLUMNS.map((column, index) => [column, values[index]]));
    expect(byColumn).toMatchObject({ contexts: '', participants: '', citations: '' });
  });
});
