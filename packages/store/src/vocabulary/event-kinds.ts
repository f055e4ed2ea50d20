/**
 * Bilateral's event taxonomy. Each kind maps to one CAMEO code with its Goldstein score
 * (-10 most conflictual, +10 most cooperative) and to a PLOVER category, so that our events
 * line up with GDELT- and POLECAT-coded data. Kinds that CAMEO and PLOVER do not code at all
 * (a state coming into being or dissolving) carry null codes rather than a forced fit.
 */
export interface EventKindCoding {
  readonly label: string;
  readonly description: string;
  readonly cameo: string | null;
  readonly cameoLabel: string | null;
  readonly goldstein: number | null;
  readonly plover: PloverCategory | null;
}

export const PLOVER_CATEGORIES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const;
export type PloverCategory = (typeof PLOVER_CATEGORIES)[number];

const kind = (
  label: string,
  description: string,
  cameo: string | null,
  cameoLabel: string | null,
  goldstein: number | null,
  plover: PloverCategory | null,
): EventKindCoding => ({ label, description, cameo, cameoLabel, goldstein, plover });

export const EVENT_KINDS = {
  visit: kind(
    'Visit',
    'An official visit by a leader, minister, delegation or military chief to another country.',
    '042',
    'Make a visit',
    1.9,
    'CONSULT',
  ),
  meeting: kind(
    'Meeting',
    'A bilateral meeting or consultation, including talks held on the sidelines of a larger event.',
    '040',
    'Consult',
    1.0,
    'CONSULT',
  ),
  summit: kind(
    'Summit',
    'A multilateral summit or conference attended by the parties.',
    '044',
    'Meet at "third" location',
    2.5,
    'CONSULT',
  ),
  negotiation: kind(
    'Negotiation',
    'Formal negotiations or a dialogue round on a defined agenda.',
    '046',
    'Engage in negotiation',
    7.0,
    'CONSULT',
  ),
  visit_cancelled: kind(
    'Visit or summit cancelled',
    'A planned or proposed visit or summit that was declined, postponed indefinitely or cancelled.',
    '125',
    'Reject proposal to meet, discuss, or negotiate',
    -5.0,
    'REJECT',
  ),
  agreement: kind(
    'Agreement',
    'A signed agreement, treaty, memorandum of understanding or contract between governments or state bodies.',
    '057',
    'Sign formal agreement',
    8.0,
    'AGREE',
  ),
  declaration: kind(
    'Declaration of intent',
    'A joint statement or declaration of intent to cooperate, without a signed instrument.',
    '030',
    'Express intent to cooperate',
    4.0,
    'AGREE',
  ),
  pledge: kind(
    'Pledge',
    'A promise of investment, supply, funding or other material cooperation.',
    '031',
    'Express intent to engage in material cooperation',
    5.2,
    'AGREE',
  ),
  diplomatic_relations: kind(
    'Diplomatic relations',
    'Establishing, restoring or upgrading diplomatic relations.',
    '050',
    'Engage in diplomatic cooperation',
    3.5,
    'COOPERATE',
  ),
  membership: kind(
    'Membership',
    'Joining, being admitted to, or being granted observer status in an organisation, alliance or pact.',
    '057',
    'Sign formal agreement',
    8.0,
    'AGREE',
  ),
  arms_deal: kind(
    'Arms deal',
    'An agreement to sell, buy or co-produce weapons, engines, helicopters or other military equipment.',
    '062',
    'Cooperate militarily',
    7.4,
    'COOPERATE',
  ),
  arms_delivery: kind(
    'Arms delivery',
    'The delivery of military equipment under a deal.',
    '062',
    'Cooperate militarily',
    7.4,
    'COOPERATE',
  ),
  military_exercise: kind(
    'Military exercise',
    'A joint military exercise or drill; a recurring series links its editions.',
    '062',
    'Cooperate militarily',
    7.4,
    'COOPERATE',
  ),
  security_cooperation: kind(
    'Security cooperation',
    'Counter-terrorism, intelligence-sharing, training or other security cooperation that is not an exercise or an arms transfer.',
    '062',
    'Cooperate militarily',
    7.4,
    'COOPERATE',
  ),
  economic_cooperation: kind(
    'Economic cooperation',
    'A trade arrangement, supply contract, joint venture or project carried out together.',
    '061',
    'Cooperate economically',
    6.4,
    'COOPERATE',
  ),
  investment: kind(
    'Investment',
    'An investment made or a project financed by one party in the other.',
    '061',
    'Cooperate economically',
    6.4,
    'COOPERATE',
  ),
  aid: kind(
    'Aid',
    'Economic, technical or humanitarian assistance for a named project or need.',
    '070',
    'Provide aid',
    7.0,
    'AID',
  ),
  military_aid: kind(
    'Military aid',
    'Military assistance given to a state or armed group.',
    '072',
    'Provide military aid',
    8.3,
    'AID',
  ),
  sanction: kind(
    'Sanction or embargo',
    'An embargo, boycott or sanction imposed.',
    '163',
    'Impose embargo, boycott, or sanctions',
    -8.0,
    'SANCTION',
  ),
  sanction_lifted: kind(
    'Sanction or embargo lifted',
    'An embargo, boycott or sanction eased or lifted.',
    '085',
    'Ease economic sanctions, boycott, embargo',
    7.0,
    'RETREAT',
  ),
  relations_reduced: kind(
    'Relations reduced',
    'Relations downgraded, support withdrawn or cooperation suspended.',
    '160',
    'Reduce relations',
    -4.0,
    'SANCTION',
  ),
  support: kind(
    'Statement of support',
    'Public praise, endorsement or backing of the other party or its position.',
    '051',
    'Praise or endorse',
    3.4,
    'SUPPORT',
  ),
  criticism: kind(
    'Criticism',
    'Public criticism, denunciation or accusation.',
    '111',
    'Criticize or denounce',
    -2.0,
    'ACCUSE',
  ),
  mediation: kind('Mediation', 'One party mediating between others.', '045', 'Mediate', 5.0, 'CONSULT'),
  war: kind(
    'War or invasion',
    'A war, invasion or armed conflict between states or with armed groups.',
    '190',
    'Use conventional military force',
    -10.0,
    'ASSAULT',
  ),
  military_withdrawal: kind(
    'Military withdrawal',
    'Armed forces withdrawn from a country or conflict.',
    '087',
    'De-escalate military engagement',
    9.0,
    'RETREAT',
  ),
  state_transition: kind(
    'State formation or dissolution',
    'A state gaining independence, dissolving, or being succeeded by another. CAMEO and PLOVER have no code for this, so its codes are null.',
    null,
    null,
    null,
    null,
  ),
} as const satisfies Record<string, EventKindCoding>;

export type EventKind = keyof typeof EVENT_KINDS;
export const EVENT_KIND_VALUES = Object.keys(EVENT_KINDS) as EventKind[];
