/** Controlled vocabularies shared by the tables, the seed format and the GraphQL enums. */

const terms = <const T extends Record<string, string>>(described: T) => described;

export const ACTOR_KINDS = terms({
  state: 'A sovereign state, past or present.',
  person: 'An individual: a leader, minister, official, officer or analyst.',
  government_body: 'A ministry, parliament, agency, state broadcaster or other organ of one state.',
  armed_force: 'An army, navy, air force or other state military formation.',
  company: 'A company or state-owned enterprise.',
  alliance: 'A military or political alliance or pact between states.',
  intergovernmental_organization: 'A body whose members are states, such as the UN or the SCO.',
  non_state_group: 'An armed or political group that is not a state organ.',
  organization: 'Any other organisation: a think tank, university, newspaper or NGO.',
});

export const PARTICIPANT_ROLES = terms({
  initiator: 'The party that started or proposed the event.',
  recipient: 'The party the event was directed at.',
  host: 'The party that hosted a visit, meeting or summit.',
  visitor: 'The party that travelled for a visit.',
  signatory: 'A party that signed an agreement.',
  participant: 'A party that took part without a more specific role.',
  mediator: 'A party that mediated between others.',
  supplier: 'The party that supplied goods, arms, energy or funds.',
  buyer: 'The party that bought or received goods, arms or energy.',
  target: 'The party a sanction, criticism or attack was aimed at.',
  aggressor: 'The party that invaded or attacked.',
  member: 'The party that joined an organisation or alliance.',
  organization: 'The organisation or alliance that was joined, or under whose roof the event took place.',
});

export const SECTORS = terms({
  defence: 'Weapons, military equipment, exercises and defence industry.',
  security: 'Counter-terrorism, intelligence, narcotics and border security.',
  energy: 'Oil, gas, pipelines, power and nuclear energy.',
  trade: 'Trade in goods and services, tariffs and trade volumes.',
  investment: 'Investment, joint ventures and project finance.',
  finance: 'Banking, payments, currencies and loans.',
  diplomacy: 'Diplomatic relations, visits and political dialogue.',
  connectivity: 'Transport corridors, railways, ports and regional integration.',
  industry: 'Steel, manufacturing and industrial plants.',
  agriculture: 'Farming, food and fertiliser.',
  education: 'Education, language teaching and scholarships.',
  culture: 'Culture, media and people-to-people ties.',
  technology: 'Science, space and technology.',
  parliamentary: 'Relations between legislatures.',
});

export const EVENT_LINK_TYPES = terms({
  part_of_series: 'This event is one edition of a recurring series, such as a yearly joint exercise.',
  follows: 'This event follows on from the linked one, such as a return visit or the next round of talks.',
  implements: 'This event carries out the linked one, such as a delivery under an agreement.',
  supersedes: 'This event replaces or cancels the linked one.',
  responds_to: 'This event was a reaction to the linked one.',
});

export const SOURCE_GENRES = terms({
  news: 'A news report or news analysis.',
  op_ed: 'An opinion article.',
  analysis: 'A policy analysis or commentary piece.',
  journal_article: 'A peer-reviewed or academic journal article.',
  blog: 'A blog post.',
});

export const ALIAS_KINDS = terms({
  variant: 'Another accepted spelling or form of the name.',
  abbreviation: 'An abbreviation or acronym.',
  misspelling: 'A misspelling that a source uses.',
  metonym: 'A place or thing that stands for the actor, such as a capital city for its state.',
  former_name: 'A name the actor used before.',
});

export const CLAIM_FIELDS = terms({
  date: 'When the event happened.',
  amount: 'The money amount involved.',
  quantity: 'A number of items, such as aircraft or helicopters.',
  participant: 'Who took part.',
  place: 'Where the event happened.',
  value: 'The value of a figure.',
});

export const CLAIM_STATUSES = terms({
  asserted: 'Stated by one source and not contradicted by another for the same value.',
  corroborated: 'Stated independently by more than one source.',
  disputed: 'Contradicted by another source or by the record.',
});

export const SKIP_REASONS = terms({
  boilerplate: 'Page furniture: headers, navigation, bylines, comment forms, newsletter prompts.',
  opinion: 'The author’s argument or recommendation, with no event in it.',
  theory: 'Theoretical framing with no event in it.',
  no_event: 'Description or analysis that states no datable event, actor fact or figure.',
  reference: 'A footnote, citation or bibliography entry.',
  repeats: 'Restates an event already coded from an earlier paragraph of the same document.',
});

export type ActorKind = keyof typeof ACTOR_KINDS;
export type ParticipantRole = keyof typeof PARTICIPANT_ROLES;
export type Sector = keyof typeof SECTORS;
export type EventLinkType = keyof typeof EVENT_LINK_TYPES;
export type SourceGenre = keyof typeof SOURCE_GENRES;
export type AliasKind = keyof typeof ALIAS_KINDS;
export type ClaimField = keyof typeof CLAIM_FIELDS;
export type ClaimStatus = keyof typeof CLAIM_STATUSES;
export type SkipReason = keyof typeof SKIP_REASONS;

export const keysOf = <T extends object>(vocabulary: T) => Object.keys(vocabulary) as (keyof T & string)[];
