/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar day in ISO 8601 form, `YYYY-MM-DD`. Used only for the bounds of a fuzzy date; see `FuzzyDate` for what a date really says. */
  Date: { input: string; output: string; }
  /** An exact decimal number sent as a string, such as `"2500000000"` or `"1.5"`, so that no precision is lost to floating point. Parse it with a decimal library if you need arithmetic. */
  Decimal: { input: string; output: string; }
  /** Any JSON value. Used for record snapshots, which have the shape of the seed format (seeds/README.md). */
  JSON: { input: unknown; output: unknown; }
};

/** A party to events: a state, a person, a government body, an armed force, a company, an alliance or an international organisation. A state and the state it succeeded (the Soviet Union and Russia) are separate actors linked by `predecessor` and `successors`. */
export type Actor = Node & {
  /** Other names sources use for the actor: spelling variants, abbreviations, misspellings and metonyms such as a capital standing for its state. */
  aliases: Array<Alias>;
  /** Passages that state facts about the actor itself (not its events). */
  citations: Array<Citation>;
  /** The state a person, body, force or company belongs to. */
  country?: Maybe<Actor>;
  /** Number of events the actor took part in. */
  eventCount: Scalars['Int']['output'];
  /** Events the actor took part in, in any role, one page at a time (at most 100 per page). */
  events: EventConnection;
  /** Opaque global ID. Stable across restarts; pass it to `node(id:)` or the type's own lookup field. */
  id: Scalars['ID']['output'];
  /** What kind of actor this is. */
  kind: ActorKind;
  /** Canonical name. */
  name: Scalars['String']['output'];
  /** Posts this person held, as the sources state them. */
  offices: Array<Office>;
  /** The state this one succeeded, such as the Soviet Union for Russia. */
  predecessor?: Maybe<Actor>;
  /** Actors this one took part in events with, heaviest relationship first (ties by the other actor's key), at most 100 per page. Pages forward only (`first` and `after`). */
  relationships: RelationshipConnection;
  /** Every change to this actor, newest first, with the whole record before and after each one. */
  revisions: Array<Revision>;
  /** Stable, human-readable key, such as `russia` or `vladimir-putin`. Use it in filters and URLs. */
  slug: Scalars['String']['output'];
  /** States that succeeded this one. */
  successors: Array<Actor>;
  /** Increases by one with every change. Send it as `expectedVersion` when updating, so a change made meanwhile by someone else is not overwritten. */
  version: Scalars['Int']['output'];
};


/** A party to events: a state, a person, a government body, an armed force, a company, an alliance or an international organisation. A state and the state it succeeded (the Soviet Union and Russia) are separate actors linked by `predecessor` and `successors`. */
export type ActorEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<EventOrder>>;
};


/** A party to events: a state, a person, a government body, an armed force, a company, an alliance or an international organisation. A state and the state it succeeded (the Soviet Union and Russia) are separate actors linked by `predecessor` and `successors`. */
export type ActorRelationshipsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A party to events: a state, a person, a government body, an armed force, a company, an alliance or an international organisation. A state and the state it succeeded (the Soviet Union and Russia) are separate actors linked by `predecessor` and `successors`. */
export type ActorRevisionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of actors, with cursors and the total count. */
export type ActorConnection = {
  /** The items on this page, each with its cursor. */
  edges: Array<ActorEdge>;
  /** Paging information for this page. */
  pageInfo: PageInfo;
  /** Number of actors matching the filter, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An actor on a page, with its cursor. */
export type ActorEdge = {
  /** Opaque position of this item; pass it as `after` or `before` to continue from here. */
  cursor: Scalars['String']['output'];
  /** The item itself. */
  node: Actor;
};

/** Narrows a list of actors. All given conditions must hold. */
export type ActorFilter = {
  /** Only actors of any of these kinds. */
  kinds?: InputMaybe<Array<ActorKind>>;
  /** Words that must each begin a word of the actor's name or one of its aliases: "mos" finds Russia through its alias Moscow. Otherwise read as `search(query:)` reads its query. Case and accents are ignored. All words must match; "double quotes" match a phrase; a trailing * matches a prefix (pipe*); OR, NOT (as in `embargo NOT pipeline`), AND and parentheses combine, and must be written in capitals. Words with punctuation, such as Mi-35, JF-17 or U.S., match as they are written; a designation ending in digits also matches its variants (Mi-35 finds Mi-35M). At most 500 characters and 32 words (each word of a phrase counts), with parentheses at most 8 levels deep; control characters and lone surrogates are refused. A search over these limits, or whose operators or parentheses do not fit together, fails with INVALID_SEARCH and a message saying why. */
  text?: InputMaybe<Scalars['String']['input']>;
};

/** A new actor: a state, person, body, force, company or organisation. */
export type ActorInput = {
  /** Other names sources use, none twice (ignoring case and accents). Replaces all aliases when given in a patch. */
  aliases?: InputMaybe<Array<AliasInput>>;
  /** Passages that state facts about the actor itself. Replaces all its citations when given in a patch. */
  citations?: InputMaybe<Array<CitationInput>>;
  /** Slug of the state a person, body, force or company belongs to. Must exist. Null clears it when patching. */
  country?: InputMaybe<Scalars['String']['input']>;
  /** What kind of actor this is. */
  kind: ActorKind;
  /** Canonical name, at most 200 characters. No other actor may have it as name or alias (ignoring case and accents). One line: no line breaks or tabs. Text is normalised to Unicode NFC before its length is counted; control characters, lone surrogates (half of a UTF-16 pair) and bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused. */
  name: Scalars['String']['input'];
  /** Posts the actor held. Replaces all offices when given in a patch. */
  offices?: InputMaybe<Array<OfficeInput>>;
  /** Slug of the state this one succeeded, such as "soviet-union". Must exist and differ from this actor. Null clears it when patching. */
  predecessor?: InputMaybe<Scalars['String']['input']>;
  /** Stable key: lower-case letters, digits and single hyphens, 3 to 80 characters, such as "vladimir-putin". Unique among actors. */
  slug: Scalars['String']['input'];
};

/** What kind of actor this is. */
export type ActorKind =
  /** A military or political alliance or pact between states. */
  | 'ALLIANCE'
  /** An army, navy, air force or other state military formation. */
  | 'ARMED_FORCE'
  /** A company or state-owned enterprise. */
  | 'COMPANY'
  /** A ministry, parliament, agency, state broadcaster or other organ of one state. */
  | 'GOVERNMENT_BODY'
  /** A body whose members are states, such as the UN or the SCO. */
  | 'INTERGOVERNMENTAL_ORGANIZATION'
  /** An armed or political group that is not a state organ. */
  | 'NON_STATE_GROUP'
  /** Any other organisation: a think tank, university, newspaper or NGO. */
  | 'ORGANIZATION'
  /** An individual: a leader, minister, official, officer or analyst. */
  | 'PERSON'
  /** A sovereign state, past or present. */
  | 'STATE';

/** Actors as nodes and co-participation in events as weighted edges, shaped for graph libraries (nodes with ids; edges with source and target ids). Bounded: `nodes(first:)` returns the most active actors and `edges(first:, amongNodes:)` the heaviest edges between them; pass the same number as `nodes(first:)` and `amongNodes` and every edge joins two returned nodes. `nodeCount` and `edgeCount` tell how much was left out. */
export type ActorNetwork = {
  /** Number of pairs in the whole network with at least `minWeight` shared events, whatever `amongNodes` is. Fewer `edges` than this means the answer leaves edges out. */
  edgeCount: Scalars['Int']['output'];
  /** The `first` heaviest pairs with at least `minWeight` shared events whose two actors are both among the `amongNodes` most active actors, heaviest first (ties by `source`, then `target` actor ID). Pairs with another actor are left out; none is heavier than that actor's `eventCount`, so none outweighs the last of the `amongNodes` nodes. */
  edges: Array<NetworkEdge>;
  /** True when the filter matched more than 5,000 events: the network then counts only the 5,000 most recent of them (latest date first), and its counts, weights, dates and edge `events` are those of these events. Narrow the filter (a date range) to count them all. Always false without a filter: the whole network is read from running totals. */
  eventsLimited: Scalars['Boolean']['output'];
  /** Number of actors in the whole network (in at least one counted event). Fewer `nodes` than this means the answer leaves actors out. */
  nodeCount: Scalars['Int']['output'];
  /** The `first` actors in the most counted events, most active first (ties by actor ID). */
  nodes: Array<NetworkNode>;
};


/** Actors as nodes and co-participation in events as weighted edges, shaped for graph libraries (nodes with ids; edges with source and target ids). Bounded: `nodes(first:)` returns the most active actors and `edges(first:, amongNodes:)` the heaviest edges between them; pass the same number as `nodes(first:)` and `amongNodes` and every edge joins two returned nodes. `nodeCount` and `edgeCount` tell how much was left out. */
export type ActorNetworkEdgesArgs = {
  amongNodes?: InputMaybe<Scalars['Int']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Actors as nodes and co-participation in events as weighted edges, shaped for graph libraries (nodes with ids; edges with source and target ids). Bounded: `nodes(first:)` returns the most active actors and `edges(first:, amongNodes:)` the heaviest edges between them; pass the same number as `nodes(first:)` and `amongNodes` and every edge joins two returned nodes. `nodeCount` and `edgeCount` tell how much was left out. */
export type ActorNetworkNodesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Changes to an actor. Omitted fields stay as they are; a given list replaces the whole list; null clears an optional field. */
export type ActorPatch = {
  /** Other names sources use, none twice (ignoring case and accents). Replaces all aliases when given in a patch. */
  aliases?: InputMaybe<Array<AliasInput>>;
  /** Passages that state facts about the actor itself. Replaces all its citations when given in a patch. */
  citations?: InputMaybe<Array<CitationInput>>;
  /** Slug of the state a person, body, force or company belongs to. Must exist. Null clears it when patching. */
  country?: InputMaybe<Scalars['String']['input']>;
  /** What kind of actor this is. */
  kind?: InputMaybe<ActorKind>;
  /** Canonical name, at most 200 characters. No other actor may have it as name or alias (ignoring case and accents). One line: no line breaks or tabs. Text is normalised to Unicode NFC before its length is counted; control characters, lone surrogates (half of a UTF-16 pair) and bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Posts the actor held. Replaces all offices when given in a patch. */
  offices?: InputMaybe<Array<OfficeInput>>;
  /** Slug of the state this one succeeded, such as "soviet-union". Must exist and differ from this actor. Null clears it when patching. */
  predecessor?: InputMaybe<Scalars['String']['input']>;
  /** Stable key: lower-case letters, digits and single hyphens, 3 to 80 characters, such as "vladimir-putin". Unique among actors. */
  slug?: InputMaybe<Scalars['String']['input']>;
};

/** The outcome of a write to an actor. */
export type ActorPayload = {
  /** The actor as it stands after the change; null when the input was rejected. */
  actor?: Maybe<Actor>;
  /** True when this answers a retry with an idempotency key already used for the same input: the change was made once, by the first request. */
  replayed: Scalars['Boolean']['output'];
  /** Problems with the input. Empty on success; when not empty, nothing was written. */
  userErrors: Array<UserError>;
};

/** How the `actors` filter combines several actors. */
export type ActorsMatch =
  /** Events in which every one of the actors took part. */
  | 'ALL'
  /** Events in which at least one of the actors took part. */
  | 'ANY';

/** Another name for an actor: as a source document uses it, or, where `outsideReason` is set, from outside them. */
export type Alias = {
  /** Why the name differs from the canonical one. */
  kind: AliasKind;
  /** The name as written. */
  name: Scalars['String']['output'];
  /** Null for a name a source document uses. Otherwise no document uses it, and this is why the curators added it (for example, the common English name of a body the documents name only in another form). */
  outsideReason?: Maybe<Scalars['String']['output']>;
};

/** Another name sources use for the actor. A name or alias leads to one actor only. */
export type AliasInput = {
  /** Why the name differs from the canonical one. */
  kind: AliasKind;
  /** The name as written, at most 200 characters. No other actor may have it as name or alias (ignoring case and accents). One line: no line breaks or tabs. Text is normalised to Unicode NFC before its length is counted; control characters, lone surrogates (half of a UTF-16 pair) and bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused. */
  name: Scalars['String']['input'];
  /** Only for a name no source document uses: why it is added anyway, at most 500 characters. Line breaks are kept; tabs are refused. Text is normalised to Unicode NFC before its length is counted; control characters, lone surrogates (half of a UTF-16 pair) and bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused. */
  outsideReason?: InputMaybe<Scalars['String']['input']>;
};

/** Why a source uses another name for an actor. */
export type AliasKind =
  /** An abbreviation or acronym. */
  | 'ABBREVIATION'
  /** A name the actor used before. */
  | 'FORMER_NAME'
  /** A place or thing that stands for the actor, such as a capital city for its state. */
  | 'METONYM'
  /** A misspelling that a source uses. */
  | 'MISSPELLING'
  /** Another accepted spelling or form of the name. */
  | 'VARIANT';

/** A batch of the change feed: revisions in the order they were committed. */
export type ChangeFeed = {
  /** Pass this as `since` next time to get only newer changes. Equals `since` when there is nothing new. */
  cursor: Scalars['String']['output'];
  /** True when more revisions are waiting: ask again at once with `cursor`. */
  hasMore: Scalars['Boolean']['output'];
  /** The revisions after `since`, oldest first. Archives appear as ARCHIVE revisions, so a client can drop them. */
  revisions: Array<Revision>;
};

/** A pointer to the passage of a source document that supports a record: the document and the paragraph number. Bilateral stores no text of the documents; open the source and count paragraphs as described in seeds/README.md. */
export type Citation = {
  /** Where in the document to look, for display: "paragraph 29". */
  locator: Scalars['String']['output'];
  /** What the passage supports or a caveat about it, in our own words. */
  note?: Maybe<Scalars['String']['output']>;
  /** Paragraph number in the document, counted from 1. */
  paragraph: Scalars['Int']['output'];
  /** The document cited. */
  source: Source;
  /** The event, actor, office, claim or figure this citation supports. */
  supports: CitedRecord;
};

/** A page of citations, with cursors and the total count. */
export type CitationConnection = {
  /** The items on this page, each with its cursor. */
  edges: Array<CitationEdge>;
  /** Paging information for this page. */
  pageInfo: PageInfo;
  /** Number of citations of the document, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A citation on a page, with its cursor. */
export type CitationEdge = {
  /** Opaque position of this item; pass it as `after` or `before` to continue from here. */
  cursor: Scalars['String']['output'];
  /** The item itself. */
  node: Citation;
};

/** A passage that supports a record: a source document and a paragraph number in it. One list cites a paragraph of a source once. */
export type CitationInput = {
  /** What the passage supports, or a caveat, in your own words (at most 1000 characters). Never a quotation. Line breaks are kept; tabs are refused. Text is normalised to Unicode NFC before its length is counted; control characters, lone surrogates (half of a UTF-16 pair) and bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Paragraph number in the document, counted from 1 as seeds/README.md describes. When the server has the documents directory, a paragraph past the end of the document is an INVALID user error naming its paragraph count. */
  paragraph: Scalars['Int']['input'];
  /** Slug of the source document, such as "policyeast-2024-cold-war-rivals". Must exist. */
  source: Scalars['String']['input'];
};

/** The record a citation supports. */
export type CitedRecord = Actor | Claim | Event | Figure | Office;

/** One value that sources give for a field of an event or figure. When sources disagree, each value is its own claim with its own citations; one is preferred (with a reason) and the others stay visible. */
export type Claim = Node & {
  /** The passages that state this value. */
  citations: Array<Citation>;
  /** The field this claim gives a value for. */
  field: ClaimField;
  /** Opaque global ID. Stable across restarts; pass it to `node(id:)` or the type's own lookup field. */
  id: Scalars['ID']['output'];
  /** True for the value the record itself shows. */
  preferred: Scalars['Boolean']['output'];
  /** Why this value is preferred (set on the preferred claim). */
  reason?: Maybe<Scalars['String']['output']>;
  /** How well the value is supported. */
  status: ClaimStatus;
  /** The claimed value as text: a fuzzy date in EDTF for DATE, "<decimal> <ISO 4217>" for AMOUNT, an integer for QUANTITY, an actor slug for PARTICIPANT, free text for PLACE, a decimal for VALUE. */
  value: Scalars['String']['output'];
};

/** A field of an event or figure that sources can disagree on. */
export type ClaimField =
  /** The money amount involved. */
  | 'AMOUNT'
  /** When the event happened. */
  | 'DATE'
  /** Who took part. */
  | 'PARTICIPANT'
  /** Where the event happened. */
  | 'PLACE'
  /** A number of items, such as aircraft or helicopters. */
  | 'QUANTITY'
  /** The value of a figure. */
  | 'VALUE';

/** One value that sources give for a disputable field, with the passages that state it. */
export type ClaimInput = {
  /** At least one passage stating this value. */
  citations: Array<CitationInput>;
  /** The field the value is for. */
  field: ClaimField;
  /** True for the value the record itself shows. Exactly one claim per field is preferred, and it must match the record's own value. */
  preferred?: InputMaybe<Scalars['Boolean']['input']>;
  /** Why this value is preferred; required on the preferred claim (at most 1000 characters). Line breaks are kept; tabs are refused. Text is normalised to Unicode NFC before its length is counted; control characters, lone surrogates (half of a UTF-16 pair) and bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused. */
  reason?: InputMaybe<Scalars['String']['input']>;
  /** How well the value is supported. */
  status: ClaimStatus;
  /** The value as text, checked by field: an EDTF date for DATE, "<decimal> <ISO 4217>" for AMOUNT (such as "2500000000 USD"), a positive integer for QUANTITY, an existing actor slug for PARTICIPANT, one line of at most 200 characters for PLACE, a plain decimal for a figure's VALUE. A value that breaks its rule is an INVALID user error at `claims[n].value`. */
  value: Scalars['String']['input'];
};

/** How well a claimed value is supported. */
export type ClaimStatus =
  /** Stated by one source and not contradicted by another for the same value. */
  | 'ASSERTED'
  /** Stated independently by more than one source. */
  | 'CORROBORATED'
  /** Contradicted by another source or by the record. */
  | 'DISPUTED';

/** A field that sources disagree on, with every competing value. Nothing is resolved silently: the preferred claim says why it was chosen. */
export type Conflict = {
  /** All claims for the field, the preferred one included. */
  claims: Array<Claim>;
  /** The disputed field. */
  field: ClaimField;
  /** The claim whose value the record shows. */
  preferred?: Maybe<Claim>;
};

/** A yearly cooperation–conflict index: the mean Goldstein score of each year's events. */
export type CooperationIndex = {
  /** Which scores were averaged and how kinds map to them. */
  mapping: Scalars['String']['output'];
  /** One entry per year with events, earliest first; events spanning several years last. */
  years: Array<CooperationYear>;
};

/** Mean Goldstein score of one year's events. */
export type CooperationYear = {
  /** Events in the year whose kind has a Goldstein score; the mean is over these. */
  codedEventCount: Scalars['Int']['output'];
  /** Events in the year. */
  eventCount: Scalars['Int']['output'];
  /** The year's events, one page at a time (earliest first unless `orderBy` says otherwise), with `totalCount` equal to `eventCount`. Each year whose `events` are selected costs a query of its own, so select it on the year being opened. */
  events: EventConnection;
  /** Mean Goldstein score, -10 (conflict) to +10 (cooperation), of the year's coded events; null when none is coded. */
  meanGoldstein?: Maybe<Scalars['Float']['output']>;
  /** The year; null for events whose date spans more than one year (they are kept apart, not spread). */
  year?: Maybe<Scalars['Int']['output']>;
};


/** Mean Goldstein score of one year's events. */
export type CooperationYearEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<EventOrder>>;
};

/** How a date range filter treats events whose date is less precise than the range. */
export type DateMatch =
  /** Events that may fall in the range: any day the event's date can mean lies inside it. An event dated "2014" matches June 2014. */
  | 'OVERLAPS'
  /** Only events that certainly fall in the range: every day the event's date can mean lies inside it. An event dated "2014" does not match June 2014. */
  | 'WITHIN';

/** How precisely the sources date something. */
export type DatePrecision =
  /** Known to the day. */
  | 'DAY'
  /** Known to the decade, such as "the 1980s". */
  | 'DECADE'
  /** Known to the month: any day of it. */
  | 'MONTH'
  /** Known to the year: any day of it. Never padded to 1 January. */
  | 'YEAR';

/** Every value an error's `extensions.code` can take, with what it means and what to do about it. Errors in a mutation's input come back as `userErrors` instead (see `UserErrorCode`). */
export type ErrorCode =
  /** The HTTP request is not a GraphQL request the server can read: malformed JSON, a missing `query`, an unknown parameter, or a mutation sent by GET. */
  | 'BAD_REQUEST'
  /** An argument or variable is wrong: out of range, malformed, or not a value of its type. `extensions.argument` names it when known; fix it and send the request again. */
  | 'BAD_USER_INPUT'
  /** The server cannot take this now (HTTP 503, `extensions.retryable`, `Retry-After`): the database stayed locked by another writer past the wait limit (nothing was written; retry with the same idempotency key), or the server is already running and queueing as many costly queries as it takes at once (retry after `Retry-After`). */
  | 'BUSY'
  /** One selection asks for the same field more times than the server allows; ask for it once. */
  | 'FIELD_DUPLICATED'
  /** The API key is valid but lacks the scope this operation needs (writes need `write`). */
  | 'FORBIDDEN'
  /** The document is not valid GraphQL syntax; the message and `locations` point at the problem. */
  | 'GRAPHQL_PARSE_FAILED'
  /** The document asks for a field, argument or type the schema does not have, or breaks a validation rule; the message says which. */
  | 'GRAPHQL_VALIDATION_FAILED'
  /** Something unexpected failed on the server. The details are in its log, not in the answer; try again later or report it. */
  | 'INTERNAL_SERVER_ERROR'
  /** A paging cursor (`after` or `before`) is malformed or comes from another list. Use a cursor from the same list's `pageInfo` or `edges`. */
  | 'INVALID_CURSOR'
  /** A date argument is not a date the API can read. Use EDTF such as `2014`, `2014-06` or `2014-06-03`. */
  | 'INVALID_DATE'
  /** An ID is malformed or belongs to another type. IDs are opaque: use the `id` fields the API returns, unchanged. */
  | 'INVALID_ID'
  /** Search text could not be read, for example an unclosed quote or a dangling operator. The syntax is described on `Query.search`. */
  | 'INVALID_SEARCH'
  /** The HTTP method is not one this route answers; the exports under `/export/` answer GET only. */
  | 'METHOD_NOT_ALLOWED'
  /** The `Accept` header asks for a media type the server cannot answer with. Accept `application/graphql-response+json` or `application/json`. */
  | 'NOT_ACCEPTABLE'
  /** No record has this slug or ID: check it; the record may have been merged into another or never existed. */
  | 'NOT_FOUND'
  /** The document holds several operations and `operationName` does not name one of them. */
  | 'OPERATION_RESOLUTION_FAILURE'
  /** A browser preflight from an origin that is not in the server's `CORS_ORIGINS` allow-list (HTTP 403). Ask the operator to list the origin. */
  | 'ORIGIN_NOT_ALLOWED'
  /** The request body is larger than the server accepts (1 MiB, HTTP 413); `extensions.limit` gives the size in bytes. */
  | 'PAYLOAD_TOO_LARGE'
  /** The server does not know this document ID. Send the full document text as `query` instead (`@bilateral/sdk` does this by itself). */
  | 'PERSISTED_QUERY_NOT_FOUND'
  /** The server runs only trusted documents (TRUSTED_DOCUMENTS_ONLY): send the `documentId` of an operation in the SDK manifest, not `query`. */
  | 'PERSISTED_QUERY_ONLY'
  /** The operation would cost more than the per-request budget (`extensions.cost` against `extensions.limit`), priced before anything runs: ask for smaller pages or fewer nested lists. */
  | 'QUERY_TOO_COSTLY'
  /** The document nests fields, or the lists and objects of an argument value, deeper than the server allows. Split it into several requests, or send flatter values. */
  | 'QUERY_TOO_DEEP'
  /** This client spent its query-cost budget for the minute (HTTP 429). Wait for `Retry-After` seconds, or make cheaper requests. */
  | 'RATE_LIMITED'
  /** The URL or headers are larger than the server accepts (HTTP 431). Send the document by POST. */
  | 'REQUEST_HEADERS_TOO_LARGE'
  /** The server's disk is full, so the write was not made and its idempotency key not stored (HTTP 503, `extensions.retryable`: retry later with the same key, after `Retry-After`). */
  | 'STORAGE_FULL'
  /** The server serves a read-only database (a snapshot, a replica or `READ_ONLY`): reads work, writes are refused and will not succeed on retry. */
  | 'STORAGE_READ_ONLY'
  /** The server's storage failed (an I/O error); nothing was written. Retry later with the same idempotency key, after `Retry-After`. */
  | 'STORAGE_UNAVAILABLE'
  /** The document uses more aliases than the server allows. Fetch repeated fields in several requests. */
  | 'TOO_MANY_ALIASES'
  /** The document uses more directives than the server allows. */
  | 'TOO_MANY_DIRECTIVES'
  /** The document is longer than the server parses (`extensions.limit` tokens). Send a smaller document. */
  | 'TOO_MANY_TOKENS'
  /** This operation needs an API key and none was sent, or the key is unknown or revoked. Send `Authorization: Bearer <key>`. */
  | 'UNAUTHENTICATED'
  /** A POST body that is not `application/json` (HTTP 415). Forms and plain text are refused so that no web page can drive the API; send JSON. */
  | 'UNSUPPORTED_MEDIA_TYPE';

/** Something that happened between actors, as our sources state it: a visit, an agreement, an arms deal, an exercise, a war. Every event cites the passages it rests on, keeps its date at the precision the sources give, and shows where sources disagree. */
export type Event = Node & {
  /** Money involved (a deal's value, a pledge), when the sources state one. */
  amount?: Maybe<Money>;
  /** True when the event was archived: it is kept, with its history, but left out of lists, search, statistics and exports. */
  archived: Scalars['Boolean']['output'];
  /** Passages that state this event, across every source that mentions it. */
  citations: Array<Citation>;
  /** Every value sources give for the event's disputable fields, grouped by field. Empty when no field was recorded as a claim. */
  claims: Array<Claim>;
  /** The event's kind expressed in the CAMEO and PLOVER event ontologies, with its Goldstein score. */
  coding: EventCoding;
  /** Fields on which sources disagree (more than one claimed value), each with all its claims. Empty when sources agree. */
  conflicts: Array<Conflict>;
  /** When it happened, at the precision the sources support. Where sources disagree, the preferred date; see `conflicts`. */
  date: FuzzyDate;
  /** Null when the cited passages give the date as it stands. Otherwise the curators' account of how the date was worked out: from the date of a report a footnote cites, from a time word such as "followed by", from the date of the document, or from knowledge outside the cited documents, such as "the start of the interval is when Pakistan applied, which no document states". */
  dateBasis?: Maybe<Scalars['String']['output']>;
  /** True when sources disagree on any field of this event. */
  hasConflicts: Scalars['Boolean']['output'];
  /** Opaque global ID. Stable across restarts; pass it to `node(id:)` or the type's own lookup field. */
  id: Scalars['ID']['output'];
  /** Kind of event in our taxonomy; see `coding` for its CAMEO and PLOVER equivalents. */
  kind: EventKind;
  /** Related events in both directions: the series an exercise belongs to, the visit this one returns, the agreement a delivery implements. */
  links: Array<EventLink>;
  /** Who took part and in what role, in the order the curators listed them (initiator first). */
  participants: Array<Participant>;
  /** Where it happened, when the sources say. */
  place?: Maybe<Scalars['String']['output']>;
  /** A count of items involved (helicopters, aircraft), when the sources state one. */
  quantity?: Maybe<Quantity>;
  /** Every change to this event, newest first, with the whole record before and after each one. */
  revisions: Array<Revision>;
  /** Policy areas the event belongs to, alphabetically. */
  sectors: Array<Sector>;
  /** Stable, human-readable key, starting with the year: `2014-06-russia-lifts-arms-embargo-on-pakistan`. Use it in URLs. */
  slug: Scalars['String']['output'];
  /** A few sentences in our own words on what happened and who was involved. */
  summary: Scalars['String']['output'];
  /** This event as a TimelineJS slide. */
  timelineJs: TimelineJsSlide;
  /** One-line headline in our own words. */
  title: Scalars['String']['output'];
  /** Increases by one with every change. Send it as `expectedVersion` when updating, so a change made meanwhile by someone else is not overwritten. */
  version: Scalars['Int']['output'];
  /** This event as a vis-timeline item. */
  visItem: VisItem;
};


/** Something that happened between actors, as our sources state it: a visit, an agreement, an arms deal, an exercise, a war. Every event cites the passages it rests on, keeps its date at the precision the sources give, and shows where sources disagree. */
export type EventRevisionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** How an event kind maps to the CAMEO and PLOVER ontologies used by GDELT and POLECAT. Fields are null for kinds these ontologies do not code (a state forming or dissolving). */
export type EventCoding = {
  /** CAMEO event code, such as "057" (Sign formal agreement). */
  cameo?: Maybe<Scalars['String']['output']>;
  /** The CAMEO code's name. */
  cameoLabel?: Maybe<Scalars['String']['output']>;
  /** What events of this kind are. */
  description: Scalars['String']['output'];
  /** Goldstein conflict-cooperation score of the CAMEO code, from -10 (most conflictual) to +10 (most cooperative). */
  goldstein?: Maybe<Scalars['Float']['output']>;
  /** The kind this coding belongs to. */
  kind: EventKind;
  /** Readable name of the kind. */
  label: Scalars['String']['output'];
  /** PLOVER top-level category. */
  plover?: Maybe<PloverCategory>;
};

/** A page of events, with cursors and the total count. */
export type EventConnection = {
  /** The items on this page, each with its cursor. */
  edges: Array<EventEdge>;
  /** Paging information for this page. */
  pageInfo: PageInfo;
  /** Number of events matching the filter, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An event on a page, with its cursor. */
export type EventEdge = {
  /** Opaque position of this item; pass it as `after` or `before` to continue from here. */
  cursor: Scalars['String']['output'];
  /** The item itself. */
  node: Event;
};

/** Narrows a list of events. All given conditions must hold; omitted ones do not filter. */
export type EventFilter = {
  /** Actor slugs, such as ["pakistan", "russia"]. Unknown slugs are an error (NOT_FOUND). Combine with `actorsMatch`. */
  actors?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Whether events need any (the default) or all of the `actors`. */
  actorsMatch?: InputMaybe<ActorsMatch>;
  /** Whether an event must lie wholly inside the date range (WITHIN, the default) or merely overlap it (OVERLAPS). Matters for events dated less precisely than the range. */
  dateMatch?: InputMaybe<DateMatch>;
  /** Start of a date range, as a date at any precision: "2014", "2014-06", "2014-06-15". The range starts on its first day. */
  from?: InputMaybe<Scalars['String']['input']>;
  /** True: only events on which sources disagree. False: only events on which they do not. */
  hasConflicts?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only events of any of these kinds. */
  kinds?: InputMaybe<Array<EventKind>>;
  /** Only events in any of these sectors. */
  sectors?: InputMaybe<Array<Sector>>;
  /** Full-text condition on the title, summary or place, read exactly as `search(query:)` reads its query. Case and accents are ignored. All words must match; "double quotes" match a phrase; a trailing * matches a prefix (pipe*); OR, NOT (as in `embargo NOT pipeline`), AND and parentheses combine, and must be written in capitals. Words with punctuation, such as Mi-35, JF-17 or U.S., match as they are written; a designation ending in digits also matches its variants (Mi-35 finds Mi-35M). At most 500 characters and 32 words (each word of a phrase counts), with parentheses at most 8 levels deep; control characters and lone surrogates are refused. A search over these limits, or whose operators or parentheses do not fit together, fails with INVALID_SEARCH and a message saying why. */
  text?: InputMaybe<Scalars['String']['input']>;
  /** End of a date range, at any precision. The range ends on its last day, so `to: "2014"` includes 31 December 2014. */
  to?: InputMaybe<Scalars['String']['input']>;
};

/** A whole new event, in our own words, with the passages that state it. */
export type EventInput = {
  /** Money involved, if the sources state an amount. Null clears it when patching. */
  amount?: InputMaybe<MoneyInput>;
  /** Passages that state the event; at least one. */
  citations: Array<CitationInput>;
  /** Competing values for disputed fields. Replaces all claims when given in a patch. */
  claims?: InputMaybe<Array<ClaimInput>>;
  /** When it happened, at the precision the sources give: "2014", "2014-06", "2014-11-21", "2016~" (approximate), "2002/2003" (either year), "198X" (decade). Impossible days such as "2023-02-29" are refused; a year is never padded to a day. */
  date: Scalars['String']['input'];
  /** Only when no cited passage states `date` as it stands: how it was worked out (a cited report's date, a time word in the text, the document's date, or knowledge from outside the cited documents), at most 1000 characters. Null clears it when patching. Line breaks are kept; tabs are refused. Text is normalised to Unicode NFC before its length is counted; control characters, lone surrogates (half of a UTF-16 pair) and bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused. */
  dateBasis?: InputMaybe<Scalars['String']['input']>;
  /** Kind of event; decides its CAMEO and PLOVER coding. */
  kind: EventKind;
  /** Relations to other events, each type and event once. Replaces all outgoing links when given in a patch. */
  links?: InputMaybe<Array<EventLinkInput>>;
  /** Who took part, at least one, initiator first. The same actor and role twice is refused. */
  participants: Array<ParticipantInput>;
  /** Where it happened, at most 200 characters. Null clears it when patching. One line: no line breaks or tabs. Text is normalised to Unicode NFC before its length is counted; control characters, lone surrogates (half of a UTF-16 pair) and bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused. */
  place?: InputMaybe<Scalars['String']['input']>;
  /** A count of items involved. Null clears it when patching. */
  quantity?: InputMaybe<QuantityInput>;
  /** Policy areas, at least one, none twice. */
  sectors: Array<Sector>;
  /** Stable key: lower-case letters, digits and single hyphens, 3 to 80 characters, starting with the year by convention ("2019-03-strategic-talks"). Unique among events. */
  slug: Scalars['String']['input'];
  /** A few sentences in your own words, at most 2000 characters. Line breaks are kept; tabs are refused. Text is normalised to Unicode NFC before its length is counted; control characters, lone surrogates (half of a UTF-16 pair) and bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused. */
  summary: Scalars['String']['input'];
  /** One-line headline in your own words, at most 200 characters. One line: no line breaks or tabs. Text is normalised to Unicode NFC before its length is counted; control characters, lone surrogates (half of a UTF-16 pair) and bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused. */
  title: Scalars['String']['input'];
};

/** What kind of event this is, in Bilateral's taxonomy. Each kind maps to one CAMEO code and PLOVER category (see `Event.coding` and `Query.eventKinds`). */
export type EventKind =
  /** Agreement: A signed agreement, treaty, memorandum of understanding or contract between governments or state bodies. */
  | 'AGREEMENT'
  /** Aid: Economic, technical or humanitarian assistance for a named project or need. */
  | 'AID'
  /** Arms deal: An agreement to sell, buy or co-produce weapons, engines, helicopters or other military equipment. */
  | 'ARMS_DEAL'
  /** Arms delivery: The delivery of military equipment under a deal. */
  | 'ARMS_DELIVERY'
  /** Criticism: Public criticism, denunciation or accusation. */
  | 'CRITICISM'
  /** Declaration of intent: A joint statement or declaration of intent to cooperate, without a signed instrument. */
  | 'DECLARATION'
  /** Diplomatic relations: Establishing, restoring or upgrading diplomatic relations. */
  | 'DIPLOMATIC_RELATIONS'
  /** Economic cooperation: A trade arrangement, supply contract, joint venture or project carried out together. */
  | 'ECONOMIC_COOPERATION'
  /** Investment: An investment made or a project financed by one party in the other. */
  | 'INVESTMENT'
  /** Mediation: One party mediating between others. */
  | 'MEDIATION'
  /** Meeting: A bilateral meeting or consultation, including talks held on the sidelines of a larger event. */
  | 'MEETING'
  /** Membership: Joining, being admitted to, or being granted observer status in an organisation, alliance or pact. */
  | 'MEMBERSHIP'
  /** Military aid: Military assistance given to a state or armed group. */
  | 'MILITARY_AID'
  /** Military exercise: A joint military exercise or drill; a recurring series links its editions. */
  | 'MILITARY_EXERCISE'
  /** Military withdrawal: Armed forces withdrawn from a country or conflict. */
  | 'MILITARY_WITHDRAWAL'
  /** Negotiation: Formal negotiations or a dialogue round on a defined agenda. */
  | 'NEGOTIATION'
  /** Pledge: A promise of investment, supply, funding or other material cooperation. */
  | 'PLEDGE'
  /** Relations reduced: Relations downgraded, support withdrawn or cooperation suspended. */
  | 'RELATIONS_REDUCED'
  /** Sanction or embargo: An embargo, boycott or sanction imposed. */
  | 'SANCTION'
  /** Sanction or embargo lifted: An embargo, boycott or sanction eased or lifted. */
  | 'SANCTION_LIFTED'
  /** Security cooperation: Counter-terrorism, intelligence-sharing, training or other security cooperation that is not an exercise or an arms transfer. */
  | 'SECURITY_COOPERATION'
  /** State formation or dissolution: A state gaining independence, dissolving, or being succeeded by another. CAMEO and PLOVER have no code for this, so its codes are null. */
  | 'STATE_TRANSITION'
  /** Summit: A multilateral summit or conference attended by the parties. */
  | 'SUMMIT'
  /** Statement of support: Public praise, endorsement or backing of the other party or its position. */
  | 'SUPPORT'
  /** Visit: An official visit by a leader, minister, delegation or military chief to another country. */
  | 'VISIT'
  /** Visit or summit cancelled: A planned or proposed visit or summit that was declined, postponed indefinitely or cancelled. */
  | 'VISIT_CANCELLED'
  /** War or invasion: A war, invasion or armed conflict between states or with armed groups. */
  | 'WAR';

/** A typed relation from one event to another. */
export type EventLink = {
  /** Whether this event points at the other or the other at it. */
  direction: LinkDirection;
  /** The other event. */
  event: Event;
  /** How the events are related, read from the event that points (see `direction`). */
  type: EventLinkType;
};

/** A typed relation from this event to another. */
export type EventLinkInput = {
  /** Slug of the other event. Must exist and differ from this event. */
  event: Scalars['String']['input'];
  /** How this event relates to the other. */
  type: EventLinkType;
};

/** How two events are related. */
export type EventLinkType =
  /** This event follows on from the linked one, such as a return visit or the next round of talks. */
  | 'FOLLOWS'
  /** This event carries out the linked one, such as a delivery under an agreement. */
  | 'IMPLEMENTS'
  /** This event is one edition of a recurring series, such as a yearly joint exercise. */
  | 'PART_OF_SERIES'
  /** This event was a reaction to the linked one. */
  | 'RESPONDS_TO'
  /** This event replaces or cancels the linked one. */
  | 'SUPERSEDES';

/** One sort key. Ties are always broken by ID, so cursors are stable. */
export type EventOrder = {
  /** Which way; ascending by default. */
  direction?: InputMaybe<OrderDirection>;
  /** What to sort by. */
  field: EventOrderField;
};

/** What to sort events by. */
export type EventOrderField =
  /** By the earliest day the date can mean, then by the latest, so "2014" comes before "2014-06". */
  | 'DATE'
  /** By kind. */
  | 'KIND'
  /** By title, alphabetically. */
  | 'TITLE';

/** Changes to an event. Omitted fields stay as they are; a given list replaces the whole list; null clears an optional field. */
export type EventPatch = {
  /** Money involved, if the sources state an amount. Null clears it when patching. */
  amount?: InputMaybe<MoneyInput>;
  /** Passages that state the event; at least one. */
  citations?: InputMaybe<Array<CitationInput>>;
  /** Competing values for disputed fields. Replaces all claims when given in a patch. */
  claims?: InputMaybe<Array<ClaimInput>>;
  /** When it happened, at the precision the sources give: "2014", "2014-06", "2014-11-21", "2016~" (approximate), "2002/2003" (either year), "198X" (decade). Impossible days such as "2023-02-29" are refused; a year is never padded to a day. */
  date?: InputMaybe<Scalars['String']['input']>;
  /** Only when no cited passage states `date` as it stands: how it was worked out (a cited report's date, a time word in the text, the document's date, or knowledge from outside the cited documents), at most 1000 characters. Null clears it when patching. Line breaks are kept; tabs are refused. Text is normalised to Unicode NFC before its length is counted; control characters, lone surrogates (half of a UTF-16 pair) and bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused. */
  dateBasis?: InputMaybe<Scalars['String']['input']>;
  /** Kind of event; decides its CAMEO and PLOVER coding. */
  kind?: InputMaybe<EventKind>;
  /** Relations to other events, each type and event once. Replaces all outgoing links when given in a patch. */
  links?: InputMaybe<Array<EventLinkInput>>;
  /** Who took part, at least one, initiator first. The same actor and role twice is refused. */
  participants?: InputMaybe<Array<ParticipantInput>>;
  /** Where it happened, at most 200 characters. Null clears it when patching. One line: no line breaks or tabs. Text is normalised to Unicode NFC before its length is counted; control characters, lone surrogates (half of a UTF-16 pair) and bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused. */
  place?: InputMaybe<Scalars['String']['input']>;
  /** A count of items involved. Null clears it when patching. */
  quantity?: InputMaybe<QuantityInput>;
  /** Policy areas, at least one, none twice. */
  sectors?: InputMaybe<Array<Sector>>;
  /** Stable key: lower-case letters, digits and single hyphens, 3 to 80 characters, starting with the year by convention ("2019-03-strategic-talks"). Unique among events. */
  slug?: InputMaybe<Scalars['String']['input']>;
  /** A few sentences in your own words, at most 2000 characters. Line breaks are kept; tabs are refused. Text is normalised to Unicode NFC before its length is counted; control characters, lone surrogates (half of a UTF-16 pair) and bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused. */
  summary?: InputMaybe<Scalars['String']['input']>;
  /** One-line headline in your own words, at most 200 characters. One line: no line breaks or tabs. Text is normalised to Unicode NFC before its length is counted; control characters, lone surrogates (half of a UTF-16 pair) and bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** The outcome of a write to an event. */
export type EventPayload = {
  /** The event as it stands after the change; null when the input was rejected. */
  event?: Maybe<Event>;
  /** True when this answers a retry with an idempotency key already used for the same input: the change was made once, by the first request. */
  replayed: Scalars['Boolean']['output'];
  /** Problems with the input. Empty on success; when not empty, nothing was written. */
  userErrors: Array<UserError>;
};

/** Counts of events by the requested dimensions. */
export type EventStats = {
  /** Non-empty buckets, ordered by their keys (null time buckets last). */
  buckets: Array<StatsBucket>;
  /** Number of events matching the filter; YEAR, DECADE, KIND and PLOVER buckets add up to it. */
  totalCount: Scalars['Int']['output'];
};

/** A number that describes the relationship over a period, such as bilateral trade in a year, with the sources that give it and any disagreement between them. */
export type Figure = Node & {
  /** The actors the figure is between. */
  actors: Array<Actor>;
  /** True when the source gives the figure as an estimate. */
  approximate: Scalars['Boolean']['output'];
  /** Passages that give the figure. */
  citations: Array<Citation>;
  /** Every value sources give for the figure. */
  claims: Array<Claim>;
  /** Disagreements between sources on the value, with every competing claim. */
  conflicts: Array<Conflict>;
  /** ISO 4217 currency code when the figure is money. */
  currency?: Maybe<Scalars['String']['output']>;
  /** Opaque global ID. Stable across restarts; pass it to `node(id:)` or the type's own lookup field. */
  id: Scalars['ID']['output'];
  /** Machine name of what is measured, such as `bilateral_trade`; figures with the same indicator form a series. */
  indicator: Scalars['String']['output'];
  /** What the figure measures, for display. */
  label: Scalars['String']['output'];
  /** The period the figure covers. */
  period: FuzzyDate;
  /** Every change to this figure, newest first, with the whole record before and after each one. */
  revisions: Array<Revision>;
  /** Stable, human-readable key, such as `pakistan-russia-trade-2018`. */
  slug: Scalars['String']['output'];
  /** Unit when the figure is not money. */
  unit?: Maybe<Scalars['String']['output']>;
  /** The preferred value, as an exact decimal string in the main unit of `currency` or in `unit`. */
  value: Scalars['Decimal']['output'];
  /** Increases by one with every change. Send it as `expectedVersion` when updating, so a change made meanwhile by someone else is not overwritten. */
  version: Scalars['Int']['output'];
};


/** A number that describes the relationship over a period, such as bilateral trade in a year, with the sources that give it and any disagreement between them. */
export type FigureRevisionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of figures, with cursors and the total count. */
export type FigureConnection = {
  /** The items on this page, each with its cursor. */
  edges: Array<FigureEdge>;
  /** Paging information for this page. */
  pageInfo: PageInfo;
  /** Number of figures matching the filter, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A figure on a page, with its cursor. */
export type FigureEdge = {
  /** Opaque position of this item; pass it as `after` or `before` to continue from here. */
  cursor: Scalars['String']['output'];
  /** The item itself. */
  node: Figure;
};

/** Narrows a list of figures. */
export type FigureFilter = {
  /** Only figures whose period overlaps a range starting at this date ("2018", "2018-06"). */
  from?: InputMaybe<Scalars['String']['input']>;
  /** Only figures of this indicator, such as `bilateral_trade`. */
  indicator?: InputMaybe<Scalars['String']['input']>;
  /** Only figures whose period overlaps a range ending at this date (its last day). */
  to?: InputMaybe<Scalars['String']['input']>;
};

/** A new figure, with the passages that give it. */
export type FigureInput = {
  /** Slugs of the actors the figure is between, at least one; each must exist and be listed once. */
  actors: Array<Scalars['String']['input']>;
  /** True when the source gives the figure as an estimate. Defaults to false. */
  approximate?: InputMaybe<Scalars['Boolean']['input']>;
  /** Passages that give the figure; at least one. */
  citations: Array<CitationInput>;
  /** Competing values sources give (field VALUE). Replaces all claims when given in a patch. */
  claims?: InputMaybe<Array<ClaimInput>>;
  /** ISO 4217 currency code when the figure is money, such as "USD". Give either a currency or a unit, never both; null clears it when patching. */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** Machine name of what is measured, in snake_case, such as "bilateral_trade". Figures with the same indicator form a series. */
  indicator: Scalars['String']['input'];
  /** What the figure measures, for display; at most 200 characters. One line: no line breaks or tabs. Text is normalised to Unicode NFC before its length is counted; control characters, lone surrogates (half of a UTF-16 pair) and bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused. */
  label: Scalars['String']['input'];
  /** The period the figure covers, at the precision the sources give: "2014", "2014-06", "2014-11-21", "2016~" (approximate), "2002/2003" (either year), "198X" (decade). Impossible days such as "2023-02-29" are refused; a year is never padded to a day. */
  period: Scalars['String']['input'];
  /** Stable key: lower-case letters, digits and single hyphens, 3 to 80 characters, such as "pakistan-russia-trade-2023". Unique among figures. */
  slug: Scalars['String']['input'];
  /** Unit when the figure is not money, such as "tonnes" (at most 100 characters). Give either a currency or a unit, never both; null clears it when patching. One line: no line breaks or tabs. Text is normalised to Unicode NFC before its length is counted; control characters, lone surrogates (half of a UTF-16 pair) and bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused. */
  unit?: InputMaybe<Scalars['String']['input']>;
  /** The value as a decimal string without separators or units, such as "1000000000". Floats are refused. */
  value: Scalars['Decimal']['input'];
};

/** Changes to a figure. Omitted fields stay as they are; a given list replaces the whole list; null clears an optional field. */
export type FigurePatch = {
  /** Slugs of the actors the figure is between, at least one; each must exist and be listed once. */
  actors?: InputMaybe<Array<Scalars['String']['input']>>;
  /** True when the source gives the figure as an estimate. Defaults to false. */
  approximate?: InputMaybe<Scalars['Boolean']['input']>;
  /** Passages that give the figure; at least one. */
  citations?: InputMaybe<Array<CitationInput>>;
  /** Competing values sources give (field VALUE). Replaces all claims when given in a patch. */
  claims?: InputMaybe<Array<ClaimInput>>;
  /** ISO 4217 currency code when the figure is money, such as "USD". Give either a currency or a unit, never both; null clears it when patching. */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** Machine name of what is measured, in snake_case, such as "bilateral_trade". Figures with the same indicator form a series. */
  indicator?: InputMaybe<Scalars['String']['input']>;
  /** What the figure measures, for display; at most 200 characters. One line: no line breaks or tabs. Text is normalised to Unicode NFC before its length is counted; control characters, lone surrogates (half of a UTF-16 pair) and bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused. */
  label?: InputMaybe<Scalars['String']['input']>;
  /** The period the figure covers, at the precision the sources give: "2014", "2014-06", "2014-11-21", "2016~" (approximate), "2002/2003" (either year), "198X" (decade). Impossible days such as "2023-02-29" are refused; a year is never padded to a day. */
  period?: InputMaybe<Scalars['String']['input']>;
  /** Stable key: lower-case letters, digits and single hyphens, 3 to 80 characters, such as "pakistan-russia-trade-2023". Unique among figures. */
  slug?: InputMaybe<Scalars['String']['input']>;
  /** Unit when the figure is not money, such as "tonnes" (at most 100 characters). Give either a currency or a unit, never both; null clears it when patching. One line: no line breaks or tabs. Text is normalised to Unicode NFC before its length is counted; control characters, lone surrogates (half of a UTF-16 pair) and bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused. */
  unit?: InputMaybe<Scalars['String']['input']>;
  /** The value as a decimal string without separators or units, such as "1000000000". Floats are refused. */
  value?: InputMaybe<Scalars['Decimal']['input']>;
};

/** The outcome of a write to a figure. */
export type FigurePayload = {
  /** The figure as it stands after the change; null when the input was rejected. */
  figure?: Maybe<Figure>;
  /** True when this answers a retry with an idempotency key already used for the same input: the change was made once, by the first request. */
  replayed: Scalars['Boolean']['output'];
  /** Problems with the input. Empty on success; when not empty, nothing was written. */
  userErrors: Array<UserError>;
};

/** A date kept at the precision its sources support. "2014" stays a year: `earliest` is 2014-01-01 and `latest` 2014-12-31, and it is never shown as 1 January. To place it on a timeline, draw a span from `earliest` to `latest`, or a point labelled with `display`. */
export type FuzzyDate = {
  /** True when the sources give the date as approximate ("about 2016") or uncertain. */
  approximate: Scalars['Boolean']['output'];
  /** Human-readable form that claims no more precision than the sources: "21 November 2014", "June 2014", "2014", "1980s", "c. 2016", "2002 – 2003". */
  display: Scalars['String']['output'];
  /** First day the date can refer to. */
  earliest: Scalars['Date']['output'];
  /** The date in Extended Date/Time Format (ISO 8601-2) level 1, such as `2014`, `2014-06`, `2016~` or `2002/2003`. */
  edtf: Scalars['String']['output'];
  /** Last day the date can refer to. Equal to `earliest` for a date known to the day. */
  latest: Scalars['Date']['output'];
  /** How precisely the date is known. */
  precision: DatePrecision;
};

/** Which way a link between two events points. */
export type LinkDirection =
  /** The other event points at this one: it follows, implements or supersedes this event. */
  | 'INCOMING'
  /** This event points at the other: this event follows, implements, supersedes or belongs to the series of the other. */
  | 'OUTGOING';

/** An amount of money, exact as the source states it. */
export type Money = {
  /** True when the source gives the amount as an estimate ("about", "nearly"). */
  approximate: Scalars['Boolean']['output'];
  /** ISO 4217 currency code, such as USD. */
  currency: Scalars['String']['output'];
  /** The amount in the currency's main unit, as an exact decimal string: "2500000000" for 2.5 billion. */
  value: Scalars['Decimal']['output'];
};

/** An amount of money, exact as the source states it. */
export type MoneyInput = {
  /** True when the source gives an estimate ("about", "nearly"). Defaults to false. */
  approximate?: InputMaybe<Scalars['Boolean']['input']>;
  /** ISO 4217 currency code, such as "USD". */
  currency: Scalars['String']['input'];
  /** The amount as a decimal string without separators or units, such as "2500000000". Floats are refused. */
  value: Scalars['Decimal']['input'];
};

/** Changes to Bilateral's data. Every mutation needs an API key with the `write` scope (`Authorization: Bearer <key>`); input problems come back as `userErrors` with nothing written, and every change is recorded as a revision. A request body may be at most 1 MiB; a larger one is refused with HTTP 413 and `PAYLOAD_TOO_LARGE`. */
export type Mutation = {
  /** Adds a passage that supports an actor. Needs the `write` scope. */
  addActorCitation: ActorPayload;
  /** Adds a passage that supports an event. Needs the `write` scope. */
  addEventCitation: EventPayload;
  /** Records a value a source gives for a disputed field of an event, beside the values already claimed. Nothing is resolved: the preferred claim stays until `setPreferredEventClaim` changes it. Needs the `write` scope. */
  addEventClaim: EventPayload;
  /** Adds a passage that supports a figure. Needs the `write` scope. */
  addFigureCitation: FigurePayload;
  /** Records a value a source gives for a disputed field of a figure, beside the values already claimed. Nothing is resolved: the preferred claim stays until `setPreferredFigureClaim` changes it. Needs the `write` scope. */
  addFigureClaim: FigurePayload;
  /** Archives an event: a tombstone that hides it from lists, search, statistics and exports, but keeps it, its history and its links. Nothing is ever hard-deleted; `restoreEvent` undoes it. Needs the `write` scope. */
  archiveEvent: EventPayload;
  /** Adds an actor. Needs a key with the `write` scope. The new actor starts at version 1, with a revision recording who created it. */
  createActor: ActorPayload;
  /** Adds an event. Needs a key with the `write` scope. The new event starts at version 1, with a revision recording who created it. */
  createEvent: EventPayload;
  /** Adds a figure. Needs a key with the `write` scope. The new figure starts at version 1, with a revision recording who created it. */
  createFigure: FigurePayload;
  /** Adds a source. Needs a key with the `write` scope. The new source starts at version 1, with a revision recording who created it. */
  createSource: SourcePayload;
  /** Relates an event to another: part of a series, follows, implements, supersedes. Needs the `write` scope. Returns the event the link starts from. */
  linkEvents: EventPayload;
  /** Folds a duplicate actor into another: the `from` actor's name and aliases become aliases of `into`, its offices and citations move to `into`, and every reference to it moves to `into` (event participants and participant claims, figures, other actors' country, predecessor and office organisation; duplicates that result are dropped). Then `from` is removed. Every record that changed gets a MERGE revision and a new version, so the change feed shows them all. All or nothing: on a user error nothing is written. Needs the `write` scope. Returns `into`. */
  mergeActors: ActorPayload;
  /** Brings an archived event back into lists and search. Needs the `write` scope. */
  restoreEvent: EventPayload;
  /** Makes one claimed value the one the event shows, with a stated reason; the other claims stay visible. For DATE, AMOUNT, QUANTITY and PLACE the event's own field takes the value. Needs the `write` scope. */
  setPreferredEventClaim: EventPayload;
  /** Makes one claimed value the one the figure shows, with a stated reason; the other claims stay visible. The figure's own `value` takes the preferred VALUE. Needs the `write` scope. */
  setPreferredFigureClaim: FigurePayload;
  /** Changes fields of an actor. Needs the `write` scope. Send `expectedVersion` to avoid overwriting someone else's change. A patch that leaves the actor as it was writes nothing: its version stays and no revision is added. */
  updateActor: ActorPayload;
  /** Changes fields of an event. Needs the `write` scope. Send `expectedVersion` to avoid overwriting someone else's change. A patch that leaves the event as it was writes nothing: its version stays and no revision is added. */
  updateEvent: EventPayload;
  /** Changes fields of a figure. Needs the `write` scope. Send `expectedVersion` to avoid overwriting someone else's change. A patch that leaves the figure as it was writes nothing: its version stays and no revision is added. */
  updateFigure: FigurePayload;
  /** Changes fields of a source. Needs the `write` scope. Send `expectedVersion` to avoid overwriting someone else's change. A patch that leaves the source as it was writes nothing: its version stays and no revision is added. */
  updateSource: SourcePayload;
};


/** Changes to Bilateral's data. Every mutation needs an API key with the `write` scope (`Authorization: Bearer <key>`); input problems come back as `userErrors` with nothing written, and every change is recorded as a revision. A request body may be at most 1 MiB; a larger one is refused with HTTP 413 and `PAYLOAD_TOO_LARGE`. */
export type MutationAddActorCitationArgs = {
  citation: CitationInput;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


/** Changes to Bilateral's data. Every mutation needs an API key with the `write` scope (`Authorization: Bearer <key>`); input problems come back as `userErrors` with nothing written, and every change is recorded as a revision. A request body may be at most 1 MiB; a larger one is refused with HTTP 413 and `PAYLOAD_TOO_LARGE`. */
export type MutationAddEventCitationArgs = {
  citation: CitationInput;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


/** Changes to Bilateral's data. Every mutation needs an API key with the `write` scope (`Authorization: Bearer <key>`); input problems come back as `userErrors` with nothing written, and every change is recorded as a revision. A request body may be at most 1 MiB; a larger one is refused with HTTP 413 and `PAYLOAD_TOO_LARGE`. */
export type MutationAddEventClaimArgs = {
  claim: ClaimInput;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


/** Changes to Bilateral's data. Every mutation needs an API key with the `write` scope (`Authorization: Bearer <key>`); input problems come back as `userErrors` with nothing written, and every change is recorded as a revision. A request body may be at most 1 MiB; a larger one is refused with HTTP 413 and `PAYLOAD_TOO_LARGE`. */
export type MutationAddFigureCitationArgs = {
  citation: CitationInput;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


/** Changes to Bilateral's data. Every mutation needs an API key with the `write` scope (`Authorization: Bearer <key>`); input problems come back as `userErrors` with nothing written, and every change is recorded as a revision. A request body may be at most 1 MiB; a larger one is refused with HTTP 413 and `PAYLOAD_TOO_LARGE`. */
export type MutationAddFigureClaimArgs = {
  claim: ClaimInput;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


/** Changes to Bilateral's data. Every mutation needs an API key with the `write` scope (`Authorization: Bearer <key>`); input problems come back as `userErrors` with nothing written, and every change is recorded as a revision. A request body may be at most 1 MiB; a larger one is refused with HTTP 413 and `PAYLOAD_TOO_LARGE`. */
export type MutationArchiveEventArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


/** Changes to Bilateral's data. Every mutation needs an API key with the `write` scope (`Authorization: Bearer <key>`); input problems come back as `userErrors` with nothing written, and every change is recorded as a revision. A request body may be at most 1 MiB; a larger one is refused with HTTP 413 and `PAYLOAD_TOO_LARGE`. */
export type MutationCreateActorArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: ActorInput;
};


/** Changes to Bilateral's data. Every mutation needs an API key with the `write` scope (`Authorization: Bearer <key>`); input problems come back as `userErrors` with nothing written, and every change is recorded as a revision. A request body may be at most 1 MiB; a larger one is refused with HTTP 413 and `PAYLOAD_TOO_LARGE`. */
export type MutationCreateEventArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: EventInput;
};


/** Changes to Bilateral's data. Every mutation needs an API key with the `write` scope (`Authorization: Bearer <key>`); input problems come back as `userErrors` with nothing written, and every change is recorded as a revision. A request body may be at most 1 MiB; a larger one is refused with HTTP 413 and `PAYLOAD_TOO_LARGE`. */
export type MutationCreateFigureArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: FigureInput;
};


/** Changes to Bilateral's data. Every mutation needs an API key with the `write` scope (`Authorization: Bearer <key>`); input problems come back as `userErrors` with nothing written, and every change is recorded as a revision. A request body may be at most 1 MiB; a larger one is refused with HTTP 413 and `PAYLOAD_TOO_LARGE`. */
export type MutationCreateSourceArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: SourceInput;
};


/** Changes to Bilateral's data. Every mutation needs an API key with the `write` scope (`Authorization: Bearer <key>`); input problems come back as `userErrors` with nothing written, and every change is recorded as a revision. A request body may be at most 1 MiB; a larger one is refused with HTTP 413 and `PAYLOAD_TOO_LARGE`. */
export type MutationLinkEventsArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  link: EventLinkInput;
};


/** Changes to Bilateral's data. Every mutation needs an API key with the `write` scope (`Authorization: Bearer <key>`); input problems come back as `userErrors` with nothing written, and every change is recorded as a revision. A request body may be at most 1 MiB; a larger one is refused with HTTP 413 and `PAYLOAD_TOO_LARGE`. */
export type MutationMergeActorsArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  from: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  into: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


/** Changes to Bilateral's data. Every mutation needs an API key with the `write` scope (`Authorization: Bearer <key>`); input problems come back as `userErrors` with nothing written, and every change is recorded as a revision. A request body may be at most 1 MiB; a larger one is refused with HTTP 413 and `PAYLOAD_TOO_LARGE`. */
export type MutationRestoreEventArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


/** Changes to Bilateral's data. Every mutation needs an API key with the `write` scope (`Authorization: Bearer <key>`); input problems come back as `userErrors` with nothing written, and every change is recorded as a revision. A request body may be at most 1 MiB; a larger one is refused with HTTP 413 and `PAYLOAD_TOO_LARGE`. */
export type MutationSetPreferredEventClaimArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  field: ClaimField;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  reason: Scalars['String']['input'];
  value: Scalars['String']['input'];
};


/** Changes to Bilateral's data. Every mutation needs an API key with the `write` scope (`Authorization: Bearer <key>`); input problems come back as `userErrors` with nothing written, and every change is recorded as a revision. A request body may be at most 1 MiB; a larger one is refused with HTTP 413 and `PAYLOAD_TOO_LARGE`. */
export type MutationSetPreferredFigureClaimArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  field: ClaimField;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  reason: Scalars['String']['input'];
  value: Scalars['String']['input'];
};


/** Changes to Bilateral's data. Every mutation needs an API key with the `write` scope (`Authorization: Bearer <key>`); input problems come back as `userErrors` with nothing written, and every change is recorded as a revision. A request body may be at most 1 MiB; a larger one is refused with HTTP 413 and `PAYLOAD_TOO_LARGE`. */
export type MutationUpdateActorArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  patch: ActorPatch;
};


/** Changes to Bilateral's data. Every mutation needs an API key with the `write` scope (`Authorization: Bearer <key>`); input problems come back as `userErrors` with nothing written, and every change is recorded as a revision. A request body may be at most 1 MiB; a larger one is refused with HTTP 413 and `PAYLOAD_TOO_LARGE`. */
export type MutationUpdateEventArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  patch: EventPatch;
};


/** Changes to Bilateral's data. Every mutation needs an API key with the `write` scope (`Authorization: Bearer <key>`); input problems come back as `userErrors` with nothing written, and every change is recorded as a revision. A request body may be at most 1 MiB; a larger one is refused with HTTP 413 and `PAYLOAD_TOO_LARGE`. */
export type MutationUpdateFigureArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  patch: FigurePatch;
};


/** Changes to Bilateral's data. Every mutation needs an API key with the `write` scope (`Authorization: Bearer <key>`); input problems come back as `userErrors` with nothing written, and every change is recorded as a revision. A request body may be at most 1 MiB; a larger one is refused with HTTP 413 and `PAYLOAD_TOO_LARGE`. */
export type MutationUpdateSourceArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  patch: SourcePatch;
};

/** Two actors that took part in the same events, undirected. Both are among the `amongNodes` most active actors of the `edges` field that listed it. */
export type NetworkEdge = {
  /** The counted events both actors took part in, one page at a time (earliest first unless `orderBy` says otherwise), with `totalCount` equal to `weight` (when `eventsLimited`, only the events the network counted). Each edge whose `events` are selected costs a query of its own, priced as an ordinary page (1,000 points), so select it on the edge being opened (or list them with `events(filter: { actors: [both slugs], actorsMatch: ALL })` under the same filter). */
  events: EventConnection;
  /** Earliest possible day of the first shared event. */
  firstDate: Scalars['Date']['output'];
  /** Latest possible day of the last shared event. */
  lastDate: Scalars['Date']['output'];
  /** Global ID of one actor (the one created first): the `id` of a node of `nodes(first: amongNodes)`. */
  source: Scalars['ID']['output'];
  /** Global ID of the other actor, also among `nodes(first: amongNodes)`. */
  target: Scalars['ID']['output'];
  /** Number of counted events both took part in. */
  weight: Scalars['Int']['output'];
};


/** Two actors that took part in the same events, undirected. Both are among the `amongNodes` most active actors of the `edges` field that listed it. */
export type NetworkEdgeEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<EventOrder>>;
};

/** An actor in the network. */
export type NetworkNode = {
  /** The actor. */
  actor: Actor;
  /** Number of counted events the actor took part in; a good node size. */
  eventCount: Scalars['Int']['output'];
  /** The actor's global ID; edges refer to nodes by it. */
  id: Scalars['ID']['output'];
};

/** Anything that can be fetched by its global ID with `node(id:)` or `nodes(ids:)`. */
export type Node = {
  /** Opaque global ID. Stable across restarts; pass it to `node(id:)` or the type's own lookup field. */
  id: Scalars['ID']['output'];
};

/** A post a person held, as the sources state it: "Prime Minister of Pakistan from March 2024". */
export type Office = {
  /** Passages that state the office. */
  citations: Array<Citation>;
  /** When the holder took the post, as an EDTF date at the sources' precision ("2024-03"); null when not stated. `fromDate` has the parsed form. */
  from?: Maybe<Scalars['String']['output']>;
  /** When the holder took the post, with display text and bounds. */
  fromDate?: Maybe<FuzzyDate>;
  /** The person who held the post. */
  holder: Actor;
  /** The state or organisation the post belongs to. */
  organization?: Maybe<Actor>;
  /** The post, such as "Prime Minister" or "Chief of Army Staff". */
  title: Scalars['String']['output'];
  /** When the holder left the post, as an EDTF date; null when still in office or not stated. `toDate` has the parsed form. */
  to?: Maybe<Scalars['String']['output']>;
  /** When the holder left the post, with display text and bounds. */
  toDate?: Maybe<FuzzyDate>;
};

/** A post the actor held, as the sources state it. */
export type OfficeInput = {
  /** Passages that state the office. */
  citations?: InputMaybe<Array<CitationInput>>;
  /** When the holder took the post, at the precision the sources give: "2014", "2014-06", "2014-11-21", "2016~" (approximate), "2002/2003" (either year), "198X" (decade). Impossible days such as "2023-02-29" are refused; a year is never padded to a day. */
  from?: InputMaybe<Scalars['String']['input']>;
  /** Slug of the state or organisation the post belongs to, such as "pakistan". Must exist. */
  organization?: InputMaybe<Scalars['String']['input']>;
  /** The post, such as "Prime Minister", at most 200 characters. One line: no line breaks or tabs. Text is normalised to Unicode NFC before its length is counted; control characters, lone surrogates (half of a UTF-16 pair) and bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused. */
  title: Scalars['String']['input'];
  /** When the holder left the post, in the same form as `from`; not before `from`. */
  to?: InputMaybe<Scalars['String']['input']>;
};

/** Sort direction. */
export type OrderDirection =
  /** Smallest, earliest or A first. */
  | 'ASC'
  /** Largest, latest or Z first. */
  | 'DESC';

/** Where a page sits in the whole result, for cursor pagination. */
export type PageInfo = {
  /** Cursor of the last item on this page; null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when more items follow this page; fetch them with `after: endCursor`. */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when items come before this page; fetch them with `before: startCursor` and `last`. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first item on this page; null when the page is empty. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** How a source document is cut into the numbered paragraphs that citations point at (seeds/README.md). */
export type ParagraphStyle =
  /** Ordinary text: empty lines separate paragraphs. */
  | 'BLANK_LINES'
  /** Text extracted from a PDF page layout, where every printed line is followed by an empty line: only a line holding nothing but spaces or tabs ends a paragraph. */
  | 'LAYOUT';

/** An actor's part in an event. */
export type Participant = {
  /** The actor. */
  actor: Actor;
  /** The part the actor played. */
  role: ParticipantRole;
};

/** An actor's part in an event. An actor may appear more than once only with different roles. */
export type ParticipantInput = {
  /** Slug of the actor, such as "russia". Must exist. */
  actor: Scalars['String']['input'];
  /** The part the actor played. */
  role: ParticipantRole;
};

/** The part an actor played in an event. */
export type ParticipantRole =
  /** The party that invaded or attacked. */
  | 'AGGRESSOR'
  /** The party that bought or received goods, arms or energy. */
  | 'BUYER'
  /** The party that hosted a visit, meeting or summit. */
  | 'HOST'
  /** The party that started or proposed the event. */
  | 'INITIATOR'
  /** A party that mediated between others. */
  | 'MEDIATOR'
  /** The party that joined an organisation or alliance. */
  | 'MEMBER'
  /** The organisation or alliance that was joined, or under whose roof the event took place. */
  | 'ORGANIZATION'
  /** A party that took part without a more specific role. */
  | 'PARTICIPANT'
  /** The party the event was directed at. */
  | 'RECIPIENT'
  /** A party that signed an agreement. */
  | 'SIGNATORY'
  /** The party that supplied goods, arms, energy or funds. */
  | 'SUPPLIER'
  /** The party a sanction, criticism or attack was aimed at. */
  | 'TARGET'
  /** The party that travelled for a visit. */
  | 'VISITOR';

/** Top-level event category of the PLOVER ontology (the successor of CAMEO used by POLECAT). */
export type PloverCategory =
  /** PLOVER category ACCUSE. */
  | 'ACCUSE'
  /** PLOVER category AGREE. */
  | 'AGREE'
  /** PLOVER category AID. */
  | 'AID'
  /** PLOVER category ASSAULT. */
  | 'ASSAULT'
  /** PLOVER category COERCE. */
  | 'COERCE'
  /** PLOVER category CONCEDE. */
  | 'CONCEDE'
  /** PLOVER category CONSULT. */
  | 'CONSULT'
  /** PLOVER category COOPERATE. */
  | 'COOPERATE'
  /** PLOVER category MOBILIZE. */
  | 'MOBILIZE'
  /** PLOVER category PROTEST. */
  | 'PROTEST'
  /** PLOVER category REJECT. */
  | 'REJECT'
  /** PLOVER category REQUEST. */
  | 'REQUEST'
  /** PLOVER category RETREAT. */
  | 'RETREAT'
  /** PLOVER category SANCTION. */
  | 'SANCTION'
  /** PLOVER category SUPPORT. */
  | 'SUPPORT'
  /** PLOVER category THREATEN. */
  | 'THREATEN';

/** A number of things, such as four helicopters. */
export type Quantity = {
  /** Of what, such as "Mi-35M attack helicopters". */
  unit: Scalars['String']['output'];
  /** How many. */
  value: Scalars['Int']['output'];
};

/** A number of things, such as four helicopters. */
export type QuantityInput = {
  /** Of what, such as "Mi-35M attack helicopters" (at most 100 characters). One line: no line breaks or tabs. Text is normalised to Unicode NFC before its length is counted; control characters, lone surrogates (half of a UTF-16 pair) and bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused. */
  unit: Scalars['String']['input'];
  /** How many; a positive whole number. */
  value: Scalars['Int']['input'];
};

/** Read access to Bilateral: events, actors, sources and figures of Pakistan–Russia relations. Public; no key needed. */
export type Query = {
  /** One actor, by global ID or by slug (give exactly one). Unknown keys give null and a NOT_FOUND error. */
  actor?: Maybe<Actor>;
  /** The co-participation network of the events matching a filter: who acts with whom, how often, and from when to when. Its `nodes` and `edges` lists are bounded by their `first` arguments. Without a filter it reads running totals kept as events are written; with one, it counts at most the 5,000 most recent matching events (`eventsLimited`). */
  actorNetwork: ActorNetwork;
  /** Actors in name order, one page at a time (at most 100 per page). */
  actors: ActorConnection;
  /** The change feed, for clients that keep a local copy in step: every write to events, actors, sources and figures (seed loads, edits, archives and merges included), in commit order. Start without `since`, then pass back `cursor`. */
  changes: ChangeFeed;
  /** Mean Goldstein score per year of the events matching a filter: a cooperation (+10) to conflict (-10) index. `mapping` states which scores were used. */
  cooperationIndex: CooperationIndex;
  /** One event, by global ID or by slug (give exactly one). Unknown keys give null and a NOT_FOUND error. */
  event?: Maybe<Event>;
  /** The whole event taxonomy with each kind's CAMEO code, Goldstein score and PLOVER category, for legends and filters. */
  eventKinds: Array<EventCoding>;
  /** Counts events matching a filter, grouped by one or more dimensions (YEAR then KIND gives a stacked chart). See StatsDimension for how fuzzy dates and multi-valued dimensions are counted. */
  eventStats: EventStats;
  /** Events, filtered and sorted, one page at a time (at most 100 per page). */
  events: EventConnection;
  /** One figure, by global ID or by slug (give exactly one). Unknown keys give null and a NOT_FOUND error. */
  figure?: Maybe<Figure>;
  /** Figures in period order (at most 100 per page). */
  figures: FigureConnection;
  /** Fetches any object by its global ID. Fails with `INVALID_ID` when the ID is malformed or names a type that does not exist; returns null when the ID is well formed but nothing has it (deleted, or from another database). */
  node?: Maybe<Node>;
  /** Fetches many objects by global ID, in the order given; null for each ID that matches nothing. A malformed ID (or one naming a type that does not exist) nulls only its own item and adds an `INVALID_ID` error whose `path` ends with that item's index. */
  nodes: Array<Maybe<Node>>;
  /** Full-text search over events, actors, figures and sources, best match first (bm25; a title or name match outranks a summary or alias match). Ranking is bounded: at most 10,000 matches of each kind are ranked, the most recently added; `rankingLimited` tells when a query matched more. Case and accents are ignored. All words must match; "double quotes" match a phrase; a trailing * matches a prefix (pipe*); OR, NOT (as in `embargo NOT pipeline`), AND and parentheses combine, and must be written in capitals. Words with punctuation, such as Mi-35, JF-17 or U.S., match as they are written; a designation ending in digits also matches its variants (Mi-35 finds Mi-35M). At most 500 characters and 32 words (each word of a phrase counts), with parentheses at most 8 levels deep; control characters and lone surrogates are refused. A search over these limits, or whose operators or parentheses do not fit together, fails with INVALID_SEARCH and a message saying why. Pages forward only (`first` and `after`), at most 100 hits per page. */
  search: SearchResultConnection;
  /** One source, by global ID or by slug (give exactly one). Unknown keys give null and a NOT_FOUND error. */
  source?: Maybe<Source>;
  /** The documents Bilateral cites, in the order they were added (at most 100 per page). */
  sources: SourceConnection;
  /** A TimelineJS document of every event matching a filter, earliest first. A document holds at most 1,000 events: a filter matching more fails with `BAD_USER_INPUT` (argument `filter`) rather than returning part of the events; narrow it, or page through `events` and use each event's `timelineJs`. */
  timelineJs: TimelineJsDocument;
};


/** Read access to Bilateral: events, actors, sources and figures of Pakistan–Russia relations. Public; no key needed. */
export type QueryActorArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};


/** Read access to Bilateral: events, actors, sources and figures of Pakistan–Russia relations. Public; no key needed. */
export type QueryActorNetworkArgs = {
  filter?: InputMaybe<EventFilter>;
  minWeight?: InputMaybe<Scalars['Int']['input']>;
};


/** Read access to Bilateral: events, actors, sources and figures of Pakistan–Russia relations. Public; no key needed. */
export type QueryActorsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ActorFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Read access to Bilateral: events, actors, sources and figures of Pakistan–Russia relations. Public; no key needed. */
export type QueryChangesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  since?: InputMaybe<Scalars['String']['input']>;
};


/** Read access to Bilateral: events, actors, sources and figures of Pakistan–Russia relations. Public; no key needed. */
export type QueryCooperationIndexArgs = {
  filter?: InputMaybe<EventFilter>;
};


/** Read access to Bilateral: events, actors, sources and figures of Pakistan–Russia relations. Public; no key needed. */
export type QueryEventArgs = {
  asOf?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};


/** Read access to Bilateral: events, actors, sources and figures of Pakistan–Russia relations. Public; no key needed. */
export type QueryEventStatsArgs = {
  filter?: InputMaybe<EventFilter>;
  groupBy: Array<StatsDimension>;
};


/** Read access to Bilateral: events, actors, sources and figures of Pakistan–Russia relations. Public; no key needed. */
export type QueryEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EventFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<EventOrder>>;
};


/** Read access to Bilateral: events, actors, sources and figures of Pakistan–Russia relations. Public; no key needed. */
export type QueryFigureArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};


/** Read access to Bilateral: events, actors, sources and figures of Pakistan–Russia relations. Public; no key needed. */
export type QueryFiguresArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<FigureFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Read access to Bilateral: events, actors, sources and figures of Pakistan–Russia relations. Public; no key needed. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** Read access to Bilateral: events, actors, sources and figures of Pakistan–Russia relations. Public; no key needed. */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** Read access to Bilateral: events, actors, sources and figures of Pakistan–Russia relations. Public; no key needed. */
export type QuerySearchArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
  types?: InputMaybe<Array<SearchType>>;
};


/** Read access to Bilateral: events, actors, sources and figures of Pakistan–Russia relations. Public; no key needed. */
export type QuerySourceArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};


/** Read access to Bilateral: events, actors, sources and figures of Pakistan–Russia relations. Public; no key needed. */
export type QuerySourcesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Read access to Bilateral: events, actors, sources and figures of Pakistan–Russia relations. Public; no key needed. */
export type QueryTimelineJsArgs = {
  filter?: InputMaybe<EventFilter>;
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Another actor this one took part in events with. */
export type Relationship = {
  /** The other actor. */
  actor: Actor;
  /** The events both actors took part in, one page at a time (earliest first unless `orderBy` says otherwise), with `totalCount` equal to `weight`. Each relationship whose `events` are selected costs a query of its own, so select it on the relationship being opened. */
  events: EventConnection;
  /** Earliest possible day of the first shared event. */
  firstDate: Scalars['Date']['output'];
  /** Latest possible day of the last shared event. */
  lastDate: Scalars['Date']['output'];
  /** Number of events both took part in. */
  weight: Scalars['Int']['output'];
};


/** Another actor this one took part in events with. */
export type RelationshipEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<EventOrder>>;
};

/** A page of an actor's relationships, with the total count. */
export type RelationshipConnection = {
  /** The items on this page, each with its cursor. */
  edges: Array<RelationshipEdge>;
  /** Paging information for this page. */
  pageInfo: PageInfo;
  /** Number of other actors this one shares events with. */
  totalCount: Scalars['Int']['output'];
};

/** A relationship with its cursor. */
export type RelationshipEdge = {
  /** Opaque position of this item; pass it as `after` or `before` to continue from here. */
  cursor: Scalars['String']['output'];
  /** The item itself. */
  node: Relationship;
};

/** One write to a record: who made it, when, and the whole record before and after. */
export type Revision = {
  /** The whole record after the write, in seed format; null when it was removed. */
  after?: Maybe<Scalars['JSON']['output']>;
  /** When the write was committed, as an ISO 8601 UTC timestamp. */
  at: Scalars['String']['output'];
  /** The whole record before the write, in seed format; null when it was created. */
  before?: Maybe<Scalars['JSON']['output']>;
  /** Position of this revision in the change feed; pass it as `since` to `changes` to continue after it. */
  cursor: Scalars['String']['output'];
  /** ID of the API key that made the write; null for the seed loader. Keys are listed with `bilateral keys list`. */
  keyId?: Maybe<Scalars['Int']['output']>;
  /** What the write did. */
  operation: RevisionOperation;
  /** Why the change was made, when the writer gave a reason (the `reason` of `mergeActors`, for example). */
  reason?: Maybe<Scalars['String']['output']>;
  /** Global ID of the record written; look it up with `node(id:)`. */
  recordId: Scalars['ID']['output'];
  /** The type of record written: Event, Actor, Source or Figure. */
  recordType: Scalars['String']['output'];
  /** The record's slug after this write. */
  slug: Scalars['String']['output'];
  /** The record's version after this write. */
  version: Scalars['Int']['output'];
};

/** What a write did. */
export type RevisionOperation =
  /** The record was archived (a tombstone: hidden from lists, never deleted). */
  | 'ARCHIVE'
  /** The record was created through the API. */
  | 'CREATE'
  /** The record was merged into another (and removed), absorbed one, or referred to a merged actor and now refers to the one it merged into. */
  | 'MERGE'
  /** An archived record was brought back. */
  | 'RESTORE'
  /** The seed loader created, changed or removed the record from the seed files. */
  | 'SEED'
  /** The record was changed through the API. */
  | 'UPDATE';

/** The record a search result points at. */
export type SearchHitRecord = Actor | Event | Figure | Source;

/** One full-text search hit. */
export type SearchResult = {
  /** Global ID of the matching record. */
  id: Scalars['ID']['output'];
  /** The matching event, actor, figure or source. */
  record: SearchHitRecord;
  /** Relevance (bm25, sign flipped so higher is better). Comparable only within one query. */
  score: Scalars['Float']['output'];
  /** The best-matching passage (of our own text, or a source's title, author or outlet) as HTML-escaped text, with each match wrapped in <mark>…</mark>. Safe to insert as HTML. */
  snippet: Scalars['String']['output'];
  /** Whether the hit is an event, an actor, a figure or a source. */
  type: SearchType;
};

/** A page of search hits, best first, with the total number of hits. */
export type SearchResultConnection = {
  /** The items on this page, each with its cursor. */
  edges: Array<SearchResultEdge>;
  /** Paging information for this page. */
  pageInfo: PageInfo;
  /** True when a kind of record had more than 10,000 matches (a very common word): only its 10,000 most recently added matches were ranked, so the pages hold those, best first, and end there. The other matches count in `totalCount` but are not listed; add words, a phrase or `types` to narrow the query. */
  rankingLimited: Scalars['Boolean']['output'];
  /** Number of records that match, across all pages, counted exactly even past the ranking limit (see `rankingLimited`). */
  totalCount: Scalars['Int']['output'];
};

/** A search hit with its cursor. */
export type SearchResultEdge = {
  /** Opaque position of this item; pass it as `after` or `before` to continue from here. */
  cursor: Scalars['String']['output'];
  /** The item itself. */
  node: SearchResult;
};

/** Kinds of record full-text search can return. */
export type SearchType =
  /** Actors, matched on name and every alias. */
  | 'ACTOR'
  /** Events, matched on title, summary and place. */
  | 'EVENT'
  /** Figures, matched on label and indicator (trade 2018, bilateral trade). */
  | 'FIGURE'
  /** Source documents, matched on title, author and outlet. */
  | 'SOURCE';

/** A policy area an event belongs to. An event can belong to several. */
export type Sector =
  /** Farming, food and fertiliser. */
  | 'AGRICULTURE'
  /** Transport corridors, railways, ports and regional integration. */
  | 'CONNECTIVITY'
  /** Culture, media and people-to-people ties. */
  | 'CULTURE'
  /** Weapons, military equipment, exercises and defence industry. */
  | 'DEFENCE'
  /** Diplomatic relations, visits and political dialogue. */
  | 'DIPLOMACY'
  /** Education, language teaching and scholarships. */
  | 'EDUCATION'
  /** Oil, gas, pipelines, power and nuclear energy. */
  | 'ENERGY'
  /** Banking, payments, currencies and loans. */
  | 'FINANCE'
  /** Steel, manufacturing and industrial plants. */
  | 'INDUSTRY'
  /** Investment, joint ventures and project finance. */
  | 'INVESTMENT'
  /** Relations between legislatures. */
  | 'PARLIAMENTARY'
  /** Counter-terrorism, intelligence, narcotics and border security. */
  | 'SECURITY'
  /** Science, space and technology. */
  | 'TECHNOLOGY'
  /** Trade in goods and services, tariffs and trade volumes. */
  | 'TRADE';

/** A document that Bilateral's records cite: a news report, op-ed, blog post or journal article. Bilateral keeps its metadata, not its text. */
export type Source = Node & {
  /** Author, when the document names one. */
  author?: Maybe<Scalars['String']['output']>;
  /** Every citation of this document, in paragraph order, one page at a time (at most 100 per page). Each says what record it supports. */
  citations: CitationConnection;
  /** File name of the document in the project's shared sources folder, which paragraph numbers refer to. */
  file: Scalars['String']['output'];
  /** What kind of document it is. */
  genre: SourceGenre;
  /** Opaque global ID. Stable across restarts; pass it to `node(id:)` or the type's own lookup field. */
  id: Scalars['ID']['output'];
  /** Publication, site or journal, when the document shows it. */
  outlet?: Maybe<Scalars['String']['output']>;
  /** How the document is cut into the numbered paragraphs that citations point at. */
  paragraphs: ParagraphStyle;
  /** Publication date at the precision the document shows; null when it shows none. */
  publishedOn?: Maybe<FuzzyDate>;
  /** Every change to this source, newest first, with the whole record before and after each one. */
  revisions: Array<Revision>;
  /** Stable, human-readable key for the document. */
  slug: Scalars['String']['output'];
  /** Title as the document gives it. */
  title: Scalars['String']['output'];
  /** Where the document can be read online (http or https), when known. The five shipped documents have none: their text came without an address. */
  url?: Maybe<Scalars['String']['output']>;
  /** Increases by one with every change. Send it as `expectedVersion` when updating, so a change made meanwhile by someone else is not overwritten. */
  version: Scalars['Int']['output'];
};


/** A document that Bilateral's records cite: a news report, op-ed, blog post or journal article. Bilateral keeps its metadata, not its text. */
export type SourceCitationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A document that Bilateral's records cite: a news report, op-ed, blog post or journal article. Bilateral keeps its metadata, not its text. */
export type SourceRevisionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of sources, with cursors and the total count. */
export type SourceConnection = {
  /** The items on this page, each with its cursor. */
  edges: Array<SourceEdge>;
  /** Paging information for this page. */
  pageInfo: PageInfo;
  /** Number of sources, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A source on a page, with its cursor. */
export type SourceEdge = {
  /** Opaque position of this item; pass it as `after` or `before` to continue from here. */
  cursor: Scalars['String']['output'];
  /** The item itself. */
  node: Source;
};

/** What kind of document a source is. */
export type SourceGenre =
  /** A policy analysis or commentary piece. */
  | 'ANALYSIS'
  /** A blog post. */
  | 'BLOG'
  /** A peer-reviewed or academic journal article. */
  | 'JOURNAL_ARTICLE'
  /** A news report or news analysis. */
  | 'NEWS'
  /** An opinion article. */
  | 'OP_ED';

/** A new source document: where its file is and what it is. Records cite it by slug and paragraph number. */
export type SourceInput = {
  /** Author, when the document names one; at most 200 characters. Null clears it when patching. One line: no line breaks or tabs. Text is normalised to Unicode NFC before its length is counted; control characters, lone surrogates (half of a UTF-16 pair) and bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused. */
  author?: InputMaybe<Scalars['String']['input']>;
  /** File name of the document in the shared sources folder, such as "000_a5a9ecb81bb08c62.txt": letters, digits, dots, hyphens and underscores, ending in ".txt". Unique among sources. When the server has the documents directory, the file must be in it (NOT_FOUND otherwise). */
  file: Scalars['String']['input'];
  /** What kind of document it is. */
  genre: SourceGenre;
  /** Publication, site or journal, when the document shows it; at most 200 characters. Null clears it when patching. One line: no line breaks or tabs. Text is normalised to Unicode NFC before its length is counted; control characters, lone surrogates (half of a UTF-16 pair) and bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused. */
  outlet?: InputMaybe<Scalars['String']['input']>;
  /** How the document is cut into numbered paragraphs. Defaults to BLANK_LINES. Changing it renumbers the paragraphs existing citations point at. */
  paragraphs?: InputMaybe<ParagraphStyle>;
  /** Publication date, at the precision the sources give: "2014", "2014-06", "2014-11-21", "2016~" (approximate), "2002/2003" (either year), "198X" (decade). Impossible days such as "2023-02-29" are refused; a year is never padded to a day. Null clears it when patching. */
  published?: InputMaybe<Scalars['String']['input']>;
  /** Stable key: lower-case letters, digits and single hyphens, 3 to 80 characters, such as "policyeast-2024-cold-war-rivals". Unique among sources. */
  slug: Scalars['String']['input'];
  /** Title as the document gives it, at most 300 characters. One line: no line breaks or tabs. Text is normalised to Unicode NFC before its length is counted; control characters, lone surrogates (half of a UTF-16 pair) and bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused. */
  title: Scalars['String']['input'];
  /** Where the document can be read online: an absolute http:// or https:// URL, at most 2000 characters. Other schemes are refused. Null clears it when patching. */
  url?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to a source. Omitted fields stay as they are; a given list replaces the whole list; null clears an optional field. */
export type SourcePatch = {
  /** Author, when the document names one; at most 200 characters. Null clears it when patching. One line: no line breaks or tabs. Text is normalised to Unicode NFC before its length is counted; control characters, lone surrogates (half of a UTF-16 pair) and bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused. */
  author?: InputMaybe<Scalars['String']['input']>;
  /** File name of the document in the shared sources folder, such as "000_a5a9ecb81bb08c62.txt": letters, digits, dots, hyphens and underscores, ending in ".txt". Unique among sources. When the server has the documents directory, the file must be in it (NOT_FOUND otherwise). */
  file?: InputMaybe<Scalars['String']['input']>;
  /** What kind of document it is. */
  genre?: InputMaybe<SourceGenre>;
  /** Publication, site or journal, when the document shows it; at most 200 characters. Null clears it when patching. One line: no line breaks or tabs. Text is normalised to Unicode NFC before its length is counted; control characters, lone surrogates (half of a UTF-16 pair) and bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused. */
  outlet?: InputMaybe<Scalars['String']['input']>;
  /** How the document is cut into numbered paragraphs. Defaults to BLANK_LINES. Changing it renumbers the paragraphs existing citations point at. */
  paragraphs?: InputMaybe<ParagraphStyle>;
  /** Publication date, at the precision the sources give: "2014", "2014-06", "2014-11-21", "2016~" (approximate), "2002/2003" (either year), "198X" (decade). Impossible days such as "2023-02-29" are refused; a year is never padded to a day. Null clears it when patching. */
  published?: InputMaybe<Scalars['String']['input']>;
  /** Stable key: lower-case letters, digits and single hyphens, 3 to 80 characters, such as "policyeast-2024-cold-war-rivals". Unique among sources. */
  slug?: InputMaybe<Scalars['String']['input']>;
  /** Title as the document gives it, at most 300 characters. One line: no line breaks or tabs. Text is normalised to Unicode NFC before its length is counted; control characters, lone surrogates (half of a UTF-16 pair) and bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** Where the document can be read online: an absolute http:// or https:// URL, at most 2000 characters. Other schemes are refused. Null clears it when patching. */
  url?: InputMaybe<Scalars['String']['input']>;
};

/** The outcome of a write to a source. */
export type SourcePayload = {
  /** True when this answers a retry with an idempotency key already used for the same input: the change was made once, by the first request. */
  replayed: Scalars['Boolean']['output'];
  /** The source as it stands after the change; null when the input was rejected. */
  source?: Maybe<Source>;
  /** Problems with the input. Empty on success; when not empty, nothing was written. */
  userErrors: Array<UserError>;
};

/** Events that share one value per requested dimension. */
export type StatsBucket = {
  /** Number of events in the bucket. */
  count: Scalars['Int']['output'];
  /** The bucket's events, one page at a time (earliest first unless `orderBy` says otherwise), with `totalCount` equal to `count`: drill down from a bar of a chart to its events. Each bucket whose `events` are selected costs a query of its own, so select it on the bucket being opened. */
  events: EventConnection;
  /** One key per dimension of `groupBy`, in the same order. */
  keys: Array<StatsBucketKey>;
};


/** Events that share one value per requested dimension. */
export type StatsBucketEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<EventOrder>>;
};

/** The value of one dimension for a bucket. */
export type StatsBucketKey = {
  /** The actor, for the ACTOR dimension. */
  actor?: Maybe<Actor>;
  /** The dimension. */
  dimension: StatsDimension;
  /** For a null YEAR or DECADE value: the range of days the events' dates can cover, as "1980-01-01/1989-12-31". */
  span?: Maybe<Scalars['String']['output']>;
  /** The bucket's value, spelled so it can be fed back into an `EventFilter` to list the bucket's events: a year ("2014": `from` and `to`), a decade's first year ("1980"), an EventKind name (`ARMS_DEAL`: `kinds`), a Sector name (`DEFENCE`: `sectors`), an actor slug (`russia`: `actors`) or a PLOVER category. Null for events dated too coarsely for a YEAR or DECADE bucket, and for kinds without a PLOVER code. */
  value?: Maybe<Scalars['String']['output']>;
};

/** A way to group events for counting. */
export type StatsDimension =
  /** Participating actor. The value is the actor's slug, such as `russia`, ready for `EventFilter.actors`; `actor` on the key gives the whole actor. An event counts once per actor. */
  | 'ACTOR'
  /** Decade, such as 1980 for the 1980s, with the same rule as YEAR. */
  | 'DECADE'
  /** Event kind. The value is the EventKind name, such as `ARMS_DEAL`, ready for `EventFilter.kinds`. */
  | 'KIND'
  /** PLOVER category of the event's kind; null for kinds PLOVER does not code. */
  | 'PLOVER'
  /** Sector. The value is the Sector name, such as `DEFENCE`, ready for `EventFilter.sectors`. An event in two sectors counts in both, so these buckets can add up to more than the total. */
  | 'SECTOR'
  /** Calendar year. An event counts in a year only if every day its date can mean lies in that year; events dated more coarsely (a decade, an interval across years) land in a bucket with a null value and a `span`. */
  | 'YEAR';

/** Live updates, over Server-Sent Events at the same /graphql endpoint. */
export type Subscription = {
  /** Sends an event each time one is created, changed, archived or restored, as it stands after the change. Served over Server-Sent Events at /graphql (send `Accept: text/event-stream`), so an open timeline can refresh itself. */
  eventChanged: Event;
};

/** A date in TimelineJS form. Only the parts the sources give are present: a year-dated event has no month or day. */
export type TimelineJsDate = {
  /** Day of the month, when known. */
  day?: Maybe<Scalars['Int']['output']>;
  /** How TimelineJS should print the date. */
  display_date?: Maybe<Scalars['String']['output']>;
  /** Month 1–12, when known. */
  month?: Maybe<Scalars['Int']['output']>;
  /** Year. */
  year: Scalars['Int']['output'];
};

/** A whole TimelineJS document. Select `title { text { headline text } } events { ... }` and pass the JSON to `new TL.Timeline(element, data)`. */
export type TimelineJsDocument = {
  /** One slide per event, earliest first. */
  events: Array<TimelineJsSlide>;
  /** The title slide. */
  title: TimelineJsTitle;
};

/** An event as a TimelineJS slide. Field names follow TimelineJS's JSON format, so the selection can be handed to TimelineJS as is. */
export type TimelineJsSlide = {
  /** The date as Bilateral displays it. */
  display_date: Scalars['String']['output'];
  /** End, for dates that span more than their precision unit (a decade, an interval). */
  end_date?: Maybe<TimelineJsDate>;
  /** Row group: the event kind's label. */
  group: Scalars['String']['output'];
  /** Start, at the date's own precision. */
  start_date: TimelineJsDate;
  /** Headline and body. */
  text: TimelineJsText;
  /** The event's global ID. */
  unique_id: Scalars['String']['output'];
};

/** The words of a TimelineJS slide. */
export type TimelineJsText = {
  /** Slide title: the event title. */
  headline: Scalars['String']['output'];
  /** Slide body: the event summary. */
  text: Scalars['String']['output'];
};

/** The title slide. */
export type TimelineJsTitle = {
  /** Title slide text. */
  text: TimelineJsText;
};

/** A problem with a mutation's input that the caller can fix. When a payload has any, nothing was written. */
export type UserError = {
  /** Machine-readable kind of problem. */
  code: UserErrorCode;
  /** Path of the input field at fault, such as `participants[1].actor` (inside `input` or `patch`); empty when the input as a whole is at fault. */
  field: Scalars['String']['output'];
  /** What is wrong and how to fix it, in plain words. */
  message: Scalars['String']['output'];
};

/** Why a mutation rejected its input. */
export type UserErrorCode =
  /** The idempotency key was already used for a different request. Use a fresh key for each distinct change. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** The value breaks a rule stated in the field's description (format, length, range, duplicates). */
  | 'INVALID'
  /** The value refers to a record that does not exist: check the slug or ID. */
  | 'NOT_FOUND'
  /** Someone changed the record after you read it. Read it again, reapply your change, and send its new `version` as `expectedVersion`. */
  | 'STALE_VERSION'
  /** The slug is already used by another record of the same type. */
  | 'TAKEN';

/** An event as a vis-timeline item. Field names follow vis-timeline's DataSet format. */
export type VisItem = {
  /** Label: the event title (plain text; escape it if you render HTML). */
  content: Scalars['String']['output'];
  /** For ranges, the day after the last possible day (vis-timeline ends are exclusive); null for points. */
  end?: Maybe<Scalars['String']['output']>;
  /** Group: the event kind's label. */
  group: Scalars['String']['output'];
  /** The event's global ID. */
  id: Scalars['String']['output'];
  /** First possible day, ISO `YYYY-MM-DD`. */
  start: Scalars['String']['output'];
  /** Tooltip: the display date and title. */
  title: Scalars['String']['output'];
  /** `point` for a date known to the day, otherwise `range` over every day the date can mean. */
  type: VisItemType;
};

/** How vis-timeline draws an item. */
export type VisItemType =
  /** A single day. */
  | 'point'
  /** A span from start to end. */
  | 'range';

export type EventsQueryVariables = Exact<{
  filter?: InputMaybe<EventFilter>;
  orderBy?: InputMaybe<Array<EventOrder> | EventOrder>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
}>;


export type EventsQuery = { events: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, edges: Array<{ cursor: string, node: { id: string, slug: string, title: string, kind: EventKind, sectors: Array<Sector>, hasConflicts: boolean, date: { earliest: string, latest: string, precision: DatePrecision, approximate: boolean, display: string }, participants: Array<{ role: ParticipantRole, actor: { id: string, slug: string, name: string, kind: ActorKind } }> } }> } };

export type EventQueryVariables = Exact<{
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
}>;


export type EventQuery = { event?: { summary: string, dateBasis?: string | null, place?: string | null, id: string, slug: string, title: string, kind: EventKind, sectors: Array<Sector>, hasConflicts: boolean, amount?: { value: string, currency: string, approximate: boolean } | null, quantity?: { value: number, unit: string } | null, citations: Array<{ paragraph: number, locator: string, note?: string | null, source: { id: string, slug: string, title: string } }>, conflicts: Array<{ field: ClaimField, claims: Array<{ id: string, field: ClaimField, value: string, status: ClaimStatus, preferred: boolean, reason?: string | null, citations: Array<{ paragraph: number, locator: string, note?: string | null, source: { id: string, slug: string, title: string } }> }> }>, links: Array<{ type: EventLinkType, direction: LinkDirection, event: { id: string, slug: string, title: string, date: { display: string } } }>, coding: { cameo?: string | null, cameoLabel?: string | null, goldstein?: number | null, plover?: PloverCategory | null }, date: { earliest: string, latest: string, precision: DatePrecision, approximate: boolean, display: string }, participants: Array<{ role: ParticipantRole, actor: { id: string, slug: string, name: string, kind: ActorKind } }>, timelineJs: { unique_id: string, display_date: string, group: string, start_date: { year: number, month?: number | null, day?: number | null, display_date?: string | null }, end_date?: { year: number, month?: number | null, day?: number | null } | null, text: { headline: string, text: string } }, visItem: { id: string, content: string, title: string, start: string, end?: string | null, type: VisItemType, group: string } } | null };

export type ActorsQueryVariables = Exact<{
  filter?: InputMaybe<ActorFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
}>;


export type ActorsQuery = { actors: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, edges: Array<{ cursor: string, node: { id: string, slug: string, name: string, kind: ActorKind, eventCount: number, aliases: Array<{ name: string, kind: AliasKind, outsideReason?: string | null }>, country?: { slug: string, name: string } | null } }> } };

export type ActorQueryVariables = Exact<{
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
  eventsFirst?: InputMaybe<Scalars['Int']['input']>;
  eventsAfter?: InputMaybe<Scalars['String']['input']>;
}>;


export type ActorQuery = { actor?: { id: string, slug: string, name: string, kind: ActorKind, eventCount: number, predecessor?: { slug: string, name: string } | null, successors: Array<{ slug: string, name: string }>, offices: Array<{ title: string, from?: string | null, to?: string | null, organization?: { slug: string, name: string } | null, fromDate?: { display: string } | null, toDate?: { display: string } | null }>, events: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, edges: Array<{ cursor: string, node: { id: string, slug: string, title: string, kind: EventKind, sectors: Array<Sector>, hasConflicts: boolean, date: { earliest: string, latest: string, precision: DatePrecision, approximate: boolean, display: string }, participants: Array<{ role: ParticipantRole, actor: { id: string, slug: string, name: string, kind: ActorKind } }> } }> }, aliases: Array<{ name: string, kind: AliasKind, outsideReason?: string | null }>, country?: { slug: string, name: string } | null } | null };

export type SourcesQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
}>;


export type SourcesQuery = { sources: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, edges: Array<{ cursor: string, node: { id: string, slug: string, title: string, author?: string | null, outlet?: string | null, genre: SourceGenre, publishedOn?: { display: string } | null, citations: { totalCount: number } } }> } };

export type FiguresQueryVariables = Exact<{
  filter?: InputMaybe<FigureFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type FiguresQuery = { figures: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, edges: Array<{ cursor: string, node: { id: string, slug: string, label: string, indicator: string, value: string, currency?: string | null, unit?: string | null, approximate: boolean, period: { earliest: string, latest: string, precision: DatePrecision, approximate: boolean, display: string }, actors: Array<{ slug: string, name: string }>, conflicts: Array<{ field: ClaimField, claims: Array<{ id: string, field: ClaimField, value: string, status: ClaimStatus, preferred: boolean, reason?: string | null, citations: Array<{ paragraph: number, locator: string, note?: string | null, source: { id: string, slug: string, title: string } }> }> }> } }> } };

export type EventKindsQueryVariables = Exact<{ [key: string]: never; }>;


export type EventKindsQuery = { eventKinds: Array<{ kind: EventKind, label: string, description: string, cameo?: string | null, cameoLabel?: string | null, goldstein?: number | null, plover?: PloverCategory | null }> };

export type SearchQueryVariables = Exact<{
  query: Scalars['String']['input'];
  types?: InputMaybe<Array<SearchType> | SearchType>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type SearchQuery = { search: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, edges: Array<{ cursor: string, node: { type: SearchType, id: string, score: number, snippet: string, record:
          | { slug: string, name: string, kind: ActorKind }
          | { slug: string, title: string, date: { display: string } }
          | { slug: string, label: string, value: string, currency?: string | null }
          | { slug: string, title: string }
         } }> } };

export type EventStatsQueryVariables = Exact<{
  filter?: InputMaybe<EventFilter>;
  groupBy: Array<StatsDimension> | StatsDimension;
}>;


export type EventStatsQuery = { eventStats: { totalCount: number, buckets: Array<{ count: number, keys: Array<{ dimension: StatsDimension, value?: string | null, span?: string | null, actor?: { slug: string, name: string } | null }> }> } };

export type CooperationIndexQueryVariables = Exact<{
  filter?: InputMaybe<EventFilter>;
}>;


export type CooperationIndexQuery = { cooperationIndex: { mapping: string, years: Array<{ year?: number | null, meanGoldstein?: number | null, eventCount: number, codedEventCount: number }> } };

export type ActorNetworkQueryVariables = Exact<{
  filter?: InputMaybe<EventFilter>;
  minWeight?: InputMaybe<Scalars['Int']['input']>;
  nodes?: InputMaybe<Scalars['Int']['input']>;
  edges?: InputMaybe<Scalars['Int']['input']>;
}>;


export type ActorNetworkQuery = { actorNetwork: { nodeCount: number, edgeCount: number, eventsLimited: boolean, nodes: Array<{ id: string, eventCount: number, actor: { slug: string, name: string, kind: ActorKind } }>, edges: Array<{ source: string, target: string, weight: number, firstDate: string, lastDate: string }> } };

export type TimelineJsQueryVariables = Exact<{
  filter?: InputMaybe<EventFilter>;
  title?: InputMaybe<Scalars['String']['input']>;
}>;


export type TimelineJsQuery = { timelineJs: { title: { text: { headline: string, text: string } }, events: Array<{ unique_id: string, display_date: string, group: string, start_date: { year: number, month?: number | null, day?: number | null, display_date?: string | null }, end_date?: { year: number, month?: number | null, day?: number | null } | null, text: { headline: string, text: string } }> } };

export type ActorRelationshipsQueryVariables = Exact<{
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ActorRelationshipsQuery = { actor?: { id: string, slug: string, name: string, relationships: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, edges: Array<{ cursor: string, node: { weight: number, firstDate: string, lastDate: string, events: { edges: Array<{ node: { id: string, slug: string, title: string } }> }, actor: { id: string, slug: string, name: string, kind: ActorKind } } }> } } | null };

export type ChangesQueryVariables = Exact<{
  since?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type ChangesQuery = { changes: { cursor: string, hasMore: boolean, revisions: Array<{ cursor: string, recordType: string, recordId: string, slug: string, version: number, operation: RevisionOperation, at: string, keyId?: number | null }> } };

export type EventHistoryQueryVariables = Exact<{
  slug: Scalars['String']['input'];
  asOf?: InputMaybe<Scalars['String']['input']>;
}>;


export type EventHistoryQuery = { event?: { slug: string, title: string, version: number, archived: boolean, date: { display: string }, revisions: Array<{ version: number, operation: RevisionOperation, at: string, keyId?: number | null, before?: unknown | null, after?: unknown | null }> } | null };

export type FuzzyDatePartsFragment = { earliest: string, latest: string, precision: DatePrecision, approximate: boolean, display: string };

export type EventSummaryFragment = { id: string, slug: string, title: string, kind: EventKind, sectors: Array<Sector>, hasConflicts: boolean, date: { earliest: string, latest: string, precision: DatePrecision, approximate: boolean, display: string }, participants: Array<{ role: ParticipantRole, actor: { id: string, slug: string, name: string, kind: ActorKind } }> };

export type CitationPartsFragment = { paragraph: number, locator: string, note?: string | null, source: { id: string, slug: string, title: string } };

export type ClaimPartsFragment = { id: string, field: ClaimField, value: string, status: ClaimStatus, preferred: boolean, reason?: string | null, citations: Array<{ paragraph: number, locator: string, note?: string | null, source: { id: string, slug: string, title: string } }> };

export type EventDetailFragment = { summary: string, dateBasis?: string | null, place?: string | null, id: string, slug: string, title: string, kind: EventKind, sectors: Array<Sector>, hasConflicts: boolean, amount?: { value: string, currency: string, approximate: boolean } | null, quantity?: { value: number, unit: string } | null, citations: Array<{ paragraph: number, locator: string, note?: string | null, source: { id: string, slug: string, title: string } }>, conflicts: Array<{ field: ClaimField, claims: Array<{ id: string, field: ClaimField, value: string, status: ClaimStatus, preferred: boolean, reason?: string | null, citations: Array<{ paragraph: number, locator: string, note?: string | null, source: { id: string, slug: string, title: string } }> }> }>, links: Array<{ type: EventLinkType, direction: LinkDirection, event: { id: string, slug: string, title: string, date: { display: string } } }>, coding: { cameo?: string | null, cameoLabel?: string | null, goldstein?: number | null, plover?: PloverCategory | null }, date: { earliest: string, latest: string, precision: DatePrecision, approximate: boolean, display: string }, participants: Array<{ role: ParticipantRole, actor: { id: string, slug: string, name: string, kind: ActorKind } }>, timelineJs: { unique_id: string, display_date: string, group: string, start_date: { year: number, month?: number | null, day?: number | null, display_date?: string | null }, end_date?: { year: number, month?: number | null, day?: number | null } | null, text: { headline: string, text: string } }, visItem: { id: string, content: string, title: string, start: string, end?: string | null, type: VisItemType, group: string } };

export type TimelineJsSlidePartsFragment = { unique_id: string, display_date: string, group: string, start_date: { year: number, month?: number | null, day?: number | null, display_date?: string | null }, end_date?: { year: number, month?: number | null, day?: number | null } | null, text: { headline: string, text: string } };

export type EventTimelinePartsFragment = { timelineJs: { unique_id: string, display_date: string, group: string, start_date: { year: number, month?: number | null, day?: number | null, display_date?: string | null }, end_date?: { year: number, month?: number | null, day?: number | null } | null, text: { headline: string, text: string } }, visItem: { id: string, content: string, title: string, start: string, end?: string | null, type: VisItemType, group: string } };

export type ActorSummaryFragment = { id: string, slug: string, name: string, kind: ActorKind, eventCount: number, aliases: Array<{ name: string, kind: AliasKind, outsideReason?: string | null }>, country?: { slug: string, name: string } | null };

export type PageInfoPartsFragment = { hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null };

export type ActorWriteResultFragment = { replayed: boolean, userErrors: Array<{ field: string, message: string, code: UserErrorCode }>, actor?: { id: string, slug: string, version: number, name: string, kind: ActorKind, aliases: Array<{ name: string, kind: AliasKind }> } | null };

export type CreateActorMutationVariables = Exact<{
  input: ActorInput;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type CreateActorMutation = { createActor: { replayed: boolean, userErrors: Array<{ field: string, message: string, code: UserErrorCode }>, actor?: { id: string, slug: string, version: number, name: string, kind: ActorKind, aliases: Array<{ name: string, kind: AliasKind }> } | null } };

export type UpdateActorMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  patch: ActorPatch;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type UpdateActorMutation = { updateActor: { replayed: boolean, userErrors: Array<{ field: string, message: string, code: UserErrorCode }>, actor?: { id: string, slug: string, version: number, name: string, kind: ActorKind, aliases: Array<{ name: string, kind: AliasKind }> } | null } };

export type MergeActorsMutationVariables = Exact<{
  from: Scalars['ID']['input'];
  into: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type MergeActorsMutation = { mergeActors: { replayed: boolean, userErrors: Array<{ field: string, message: string, code: UserErrorCode }>, actor?: { id: string, slug: string, version: number, name: string, kind: ActorKind, aliases: Array<{ name: string, kind: AliasKind }> } | null } };

export type AddActorCitationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  citation: CitationInput;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type AddActorCitationMutation = { addActorCitation: { replayed: boolean, userErrors: Array<{ field: string, message: string, code: UserErrorCode }>, actor?: { id: string, slug: string, version: number, name: string, kind: ActorKind, aliases: Array<{ name: string, kind: AliasKind }> } | null } };

export type EventWriteResultFragment = { replayed: boolean, userErrors: Array<{ field: string, message: string, code: UserErrorCode }>, event?: { id: string, slug: string, version: number, title: string, archived: boolean, date: { display: string, precision: DatePrecision } } | null };

export type CreateEventMutationVariables = Exact<{
  input: EventInput;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type CreateEventMutation = { createEvent: { replayed: boolean, userErrors: Array<{ field: string, message: string, code: UserErrorCode }>, event?: { id: string, slug: string, version: number, title: string, archived: boolean, date: { display: string, precision: DatePrecision } } | null } };

export type UpdateEventMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  patch: EventPatch;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type UpdateEventMutation = { updateEvent: { replayed: boolean, userErrors: Array<{ field: string, message: string, code: UserErrorCode }>, event?: { id: string, slug: string, version: number, title: string, archived: boolean, date: { display: string, precision: DatePrecision } } | null } };

export type ArchiveEventMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type ArchiveEventMutation = { archiveEvent: { replayed: boolean, userErrors: Array<{ field: string, message: string, code: UserErrorCode }>, event?: { id: string, slug: string, version: number, title: string, archived: boolean, date: { display: string, precision: DatePrecision } } | null } };

export type RestoreEventMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type RestoreEventMutation = { restoreEvent: { replayed: boolean, userErrors: Array<{ field: string, message: string, code: UserErrorCode }>, event?: { id: string, slug: string, version: number, title: string, archived: boolean, date: { display: string, precision: DatePrecision } } | null } };

export type AddEventCitationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  citation: CitationInput;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type AddEventCitationMutation = { addEventCitation: { replayed: boolean, userErrors: Array<{ field: string, message: string, code: UserErrorCode }>, event?: { id: string, slug: string, version: number, title: string, archived: boolean, date: { display: string, precision: DatePrecision } } | null } };

export type AddEventClaimMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  claim: ClaimInput;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type AddEventClaimMutation = { addEventClaim: { replayed: boolean, userErrors: Array<{ field: string, message: string, code: UserErrorCode }>, event?: { id: string, slug: string, version: number, title: string, archived: boolean, date: { display: string, precision: DatePrecision } } | null } };

export type SetPreferredEventClaimMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  field: ClaimField;
  value: Scalars['String']['input'];
  reason: Scalars['String']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type SetPreferredEventClaimMutation = { setPreferredEventClaim: { replayed: boolean, userErrors: Array<{ field: string, message: string, code: UserErrorCode }>, event?: { id: string, slug: string, version: number, title: string, archived: boolean, date: { display: string, precision: DatePrecision } } | null } };

export type LinkEventsMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  link: EventLinkInput;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type LinkEventsMutation = { linkEvents: { replayed: boolean, userErrors: Array<{ field: string, message: string, code: UserErrorCode }>, event?: { id: string, slug: string, version: number, title: string, archived: boolean, date: { display: string, precision: DatePrecision } } | null } };

export type FigureWriteResultFragment = { replayed: boolean, userErrors: Array<{ field: string, message: string, code: UserErrorCode }>, figure?: { id: string, slug: string, version: number, label: string, value: string, currency?: string | null, unit?: string | null, period: { display: string } } | null };

export type CreateFigureMutationVariables = Exact<{
  input: FigureInput;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type CreateFigureMutation = { createFigure: { replayed: boolean, userErrors: Array<{ field: string, message: string, code: UserErrorCode }>, figure?: { id: string, slug: string, version: number, label: string, value: string, currency?: string | null, unit?: string | null, period: { display: string } } | null } };

export type UpdateFigureMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  patch: FigurePatch;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type UpdateFigureMutation = { updateFigure: { replayed: boolean, userErrors: Array<{ field: string, message: string, code: UserErrorCode }>, figure?: { id: string, slug: string, version: number, label: string, value: string, currency?: string | null, unit?: string | null, period: { display: string } } | null } };

export type AddFigureClaimMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  claim: ClaimInput;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type AddFigureClaimMutation = { addFigureClaim: { replayed: boolean, userErrors: Array<{ field: string, message: string, code: UserErrorCode }>, figure?: { id: string, slug: string, version: number, label: string, value: string, currency?: string | null, unit?: string | null, period: { display: string } } | null } };

export type SetPreferredFigureClaimMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  field: ClaimField;
  value: Scalars['String']['input'];
  reason: Scalars['String']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type SetPreferredFigureClaimMutation = { setPreferredFigureClaim: { replayed: boolean, userErrors: Array<{ field: string, message: string, code: UserErrorCode }>, figure?: { id: string, slug: string, version: number, label: string, value: string, currency?: string | null, unit?: string | null, period: { display: string } } | null } };

export type AddFigureCitationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  citation: CitationInput;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type AddFigureCitationMutation = { addFigureCitation: { replayed: boolean, userErrors: Array<{ field: string, message: string, code: UserErrorCode }>, figure?: { id: string, slug: string, version: number, label: string, value: string, currency?: string | null, unit?: string | null, period: { display: string } } | null } };

export type SourceWriteResultFragment = { replayed: boolean, userErrors: Array<{ field: string, message: string, code: UserErrorCode }>, source?: { id: string, slug: string, version: number, title: string, genre: SourceGenre, url?: string | null, publishedOn?: { display: string } | null } | null };

export type CreateSourceMutationVariables = Exact<{
  input: SourceInput;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type CreateSourceMutation = { createSource: { replayed: boolean, userErrors: Array<{ field: string, message: string, code: UserErrorCode }>, source?: { id: string, slug: string, version: number, title: string, genre: SourceGenre, url?: string | null, publishedOn?: { display: string } | null } | null } };

export type UpdateSourceMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  patch: SourcePatch;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type UpdateSourceMutation = { updateSource: { replayed: boolean, userErrors: Array<{ field: string, message: string, code: UserErrorCode }>, source?: { id: string, slug: string, version: number, title: string, genre: SourceGenre, url?: string | null, publishedOn?: { display: string } | null } | null } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const FuzzyDatePartsFragmentDoc = new TypedDocumentString(`
    fragment FuzzyDateParts on FuzzyDate {
  earliest
  latest
  precision
  approximate
  display
}
    `, {"fragmentName":"FuzzyDateParts"}) as unknown as TypedDocumentString<FuzzyDatePartsFragment, unknown>;
export const EventSummaryFragmentDoc = new TypedDocumentString(`
    fragment EventSummary on Event {
  id
  slug
  title
  kind
  sectors
  hasConflicts
  date {
    ...FuzzyDateParts
  }
  participants {
    role
    actor {
      id
      slug
      name
      kind
    }
  }
}
    fragment FuzzyDateParts on FuzzyDate {
  earliest
  latest
  precision
  approximate
  display
}`, {"fragmentName":"EventSummary"}) as unknown as TypedDocumentString<EventSummaryFragment, unknown>;
export const CitationPartsFragmentDoc = new TypedDocumentString(`
    fragment CitationParts on Citation {
  source {
    id
    slug
    title
  }
  paragraph
  locator
  note
}
    `, {"fragmentName":"CitationParts"}) as unknown as TypedDocumentString<CitationPartsFragment, unknown>;
export const ClaimPartsFragmentDoc = new TypedDocumentString(`
    fragment ClaimParts on Claim {
  id
  field
  value
  status
  preferred
  reason
  citations {
    ...CitationParts
  }
}
    fragment CitationParts on Citation {
  source {
    id
    slug
    title
  }
  paragraph
  locator
  note
}`, {"fragmentName":"ClaimParts"}) as unknown as TypedDocumentString<ClaimPartsFragment, unknown>;
export const TimelineJsSlidePartsFragmentDoc = new TypedDocumentString(`
    fragment TimelineJsSlideParts on TimelineJsSlide {
  unique_id
  start_date {
    year
    month
    day
    display_date
  }
  end_date {
    year
    month
    day
  }
  display_date
  text {
    headline
    text
  }
  group
}
    `, {"fragmentName":"TimelineJsSlideParts"}) as unknown as TypedDocumentString<TimelineJsSlidePartsFragment, unknown>;
export const EventTimelinePartsFragmentDoc = new TypedDocumentString(`
    fragment EventTimelineParts on Event {
  timelineJs {
    ...TimelineJsSlideParts
  }
  visItem {
    id
    content
    title
    start
    end
    type
    group
  }
}
    fragment TimelineJsSlideParts on TimelineJsSlide {
  unique_id
  start_date {
    year
    month
    day
    display_date
  }
  end_date {
    year
    month
    day
  }
  display_date
  text {
    headline
    text
  }
  group
}`, {"fragmentName":"EventTimelineParts"}) as unknown as TypedDocumentString<EventTimelinePartsFragment, unknown>;
export const EventDetailFragmentDoc = new TypedDocumentString(`
    fragment EventDetail on Event {
  ...EventSummary
  summary
  dateBasis
  place
  amount {
    value
    currency
    approximate
  }
  quantity {
    value
    unit
  }
  citations {
    ...CitationParts
  }
  conflicts {
    field
    claims {
      ...ClaimParts
    }
  }
  links {
    type
    direction
    event {
      id
      slug
      title
      date {
        display
      }
    }
  }
  coding {
    cameo
    cameoLabel
    goldstein
    plover
  }
  ...EventTimelineParts
}
    fragment FuzzyDateParts on FuzzyDate {
  earliest
  latest
  precision
  approximate
  display
}
fragment EventSummary on Event {
  id
  slug
  title
  kind
  sectors
  hasConflicts
  date {
    ...FuzzyDateParts
  }
  participants {
    role
    actor {
      id
      slug
      name
      kind
    }
  }
}
fragment CitationParts on Citation {
  source {
    id
    slug
    title
  }
  paragraph
  locator
  note
}
fragment ClaimParts on Claim {
  id
  field
  value
  status
  preferred
  reason
  citations {
    ...CitationParts
  }
}
fragment TimelineJsSlideParts on TimelineJsSlide {
  unique_id
  start_date {
    year
    month
    day
    display_date
  }
  end_date {
    year
    month
    day
  }
  display_date
  text {
    headline
    text
  }
  group
}
fragment EventTimelineParts on Event {
  timelineJs {
    ...TimelineJsSlideParts
  }
  visItem {
    id
    content
    title
    start
    end
    type
    group
  }
}`, {"fragmentName":"EventDetail"}) as unknown as TypedDocumentString<EventDetailFragment, unknown>;
export const ActorSummaryFragmentDoc = new TypedDocumentString(`
    fragment ActorSummary on Actor {
  id
  slug
  name
  kind
  eventCount
  aliases {
    name
    kind
    outsideReason
  }
  country {
    slug
    name
  }
}
    `, {"fragmentName":"ActorSummary"}) as unknown as TypedDocumentString<ActorSummaryFragment, unknown>;
export const PageInfoPartsFragmentDoc = new TypedDocumentString(`
    fragment PageInfoParts on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}
    `, {"fragmentName":"PageInfoParts"}) as unknown as TypedDocumentString<PageInfoPartsFragment, unknown>;
export const ActorWriteResultFragmentDoc = new TypedDocumentString(`
    fragment ActorWriteResult on ActorPayload {
  replayed
  userErrors {
    field
    message
    code
  }
  actor {
    id
    slug
    version
    name
    kind
    aliases {
      name
      kind
    }
  }
}
    `, {"fragmentName":"ActorWriteResult"}) as unknown as TypedDocumentString<ActorWriteResultFragment, unknown>;
export const EventWriteResultFragmentDoc = new TypedDocumentString(`
    fragment EventWriteResult on EventPayload {
  replayed
  userErrors {
    field
    message
    code
  }
  event {
    id
    slug
    version
    title
    archived
    date {
      display
      precision
    }
  }
}
    `, {"fragmentName":"EventWriteResult"}) as unknown as TypedDocumentString<EventWriteResultFragment, unknown>;
export const FigureWriteResultFragmentDoc = new TypedDocumentString(`
    fragment FigureWriteResult on FigurePayload {
  replayed
  userErrors {
    field
    message
    code
  }
  figure {
    id
    slug
    version
    label
    value
    currency
    unit
    period {
      display
    }
  }
}
    `, {"fragmentName":"FigureWriteResult"}) as unknown as TypedDocumentString<FigureWriteResultFragment, unknown>;
export const SourceWriteResultFragmentDoc = new TypedDocumentString(`
    fragment SourceWriteResult on SourcePayload {
  replayed
  userErrors {
    field
    message
    code
  }
  source {
    id
    slug
    version
    title
    genre
    url
    publishedOn {
      display
    }
  }
}
    `, {"fragmentName":"SourceWriteResult"}) as unknown as TypedDocumentString<SourceWriteResultFragment, unknown>;
export const EventsDocument = {"__meta__":{"operationName":"Events","operationType":"query","hash":"cfa223cfe03b95a43dc3410ea2c3d4fe5f490ca5f28bd39d6a38a8495e34fd48"}} as unknown as TypedDocumentString<EventsQuery, EventsQueryVariables>;
export const EventDocument = {"__meta__":{"operationName":"Event","operationType":"query","hash":"a3b925f64d36659605a6684b3d6a7f4a6986e364f3619bcf7de0abea2b49e04b"}} as unknown as TypedDocumentString<EventQuery, EventQueryVariables>;
export const ActorsDocument = {"__meta__":{"operationName":"Actors","operationType":"query","hash":"9413a9a8908357becbd5d1157939138c88af7d8f74d943e40a923fb90a8dcdfa"}} as unknown as TypedDocumentString<ActorsQuery, ActorsQueryVariables>;
export const ActorDocument = {"__meta__":{"operationName":"Actor","operationType":"query","hash":"649452b07d8c74ced9c93d4cc524bb6618d1ca01be40d074b9dd4d8dbd14adfd"}} as unknown as TypedDocumentString<ActorQuery, ActorQueryVariables>;
export const SourcesDocument = {"__meta__":{"operationName":"Sources","operationType":"query","hash":"aea367760644c7c53ac649b7acd5382323808a2119aee9381748b14bb2bfa242"}} as unknown as TypedDocumentString<SourcesQuery, SourcesQueryVariables>;
export const FiguresDocument = {"__meta__":{"operationName":"Figures","operationType":"query","hash":"22674fd3cd59eb35bdaf52f32f19a63ee8a00ea86484fcc77b73aa7e91689117"}} as unknown as TypedDocumentString<FiguresQuery, FiguresQueryVariables>;
export const EventKindsDocument = {"__meta__":{"operationName":"EventKinds","operationType":"query","hash":"997f88619923cebb6aa2c5b02d0767cffee2a25f5ad2be18d13dfbfee25b8a06"}} as unknown as TypedDocumentString<EventKindsQuery, EventKindsQueryVariables>;
export const SearchDocument = {"__meta__":{"operationName":"Search","operationType":"query","hash":"cbf383df7df3c401b5ac5d1c748131abf817a8d131e4085575ba68fa0b8a9064"}} as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const EventStatsDocument = {"__meta__":{"operationName":"EventStats","operationType":"query","hash":"271559af48f5c5f184a90599f6b4b39010894cc86b5c250c234254189e001228"}} as unknown as TypedDocumentString<EventStatsQuery, EventStatsQueryVariables>;
export const CooperationIndexDocument = {"__meta__":{"operationName":"CooperationIndex","operationType":"query","hash":"c0e8de789759d8dc35c83cb85527b824a6678b8eb488a9977889aa88fea4638b"}} as unknown as TypedDocumentString<CooperationIndexQuery, CooperationIndexQueryVariables>;
export const ActorNetworkDocument = {"__meta__":{"operationName":"ActorNetwork","operationType":"query","hash":"c19cf184df832d65435988fc2901e05369b0ca2444dade0482b6ee90dc6c912a"}} as unknown as TypedDocumentString<ActorNetworkQuery, ActorNetworkQueryVariables>;
export const TimelineJsDocument = {"__meta__":{"operationName":"TimelineJs","operationType":"query","hash":"c25186ea3509bd5503cc166739f329f34e2cfaabac0e2b96e4de5c7444d700fb"}} as unknown as TypedDocumentString<TimelineJsQuery, TimelineJsQueryVariables>;
export const ActorRelationshipsDocument = {"__meta__":{"operationName":"ActorRelationships","operationType":"query","hash":"4458ca2beb16a942d3a088705110b46fa086066e0bb8653e2e87921adfea113f"}} as unknown as TypedDocumentString<ActorRelationshipsQuery, ActorRelationshipsQueryVariables>;
export const ChangesDocument = {"__meta__":{"operationName":"Changes","operationType":"query","hash":"8cff1673ca210f597d49738580522a71dff95f6f6c789465c10b9ad1d392ff64"}} as unknown as TypedDocumentString<ChangesQuery, ChangesQueryVariables>;
export const EventHistoryDocument = {"__meta__":{"operationName":"EventHistory","operationType":"query","hash":"dcfe8bd69e20b0e4e6fceb66382e76aa93d36d3b1837b82498bf20209fed9a1d"}} as unknown as TypedDocumentString<EventHistoryQuery, EventHistoryQueryVariables>;
export const CreateActorDocument = {"__meta__":{"operationName":"CreateActor","operationType":"mutation","hash":"ac4edecdc83ccaeab4471ff95098882c13079b5e9f1ab88d091e233a543fa0e9"}} as unknown as TypedDocumentString<CreateActorMutation, CreateActorMutationVariables>;
export const UpdateActorDocument = {"__meta__":{"operationName":"UpdateActor","operationType":"mutation","hash":"ce32bba5627b6589643d2bc37b93f83c43147c394fb81474e4d979e5a12b55ef"}} as unknown as TypedDocumentString<UpdateActorMutation, UpdateActorMutationVariables>;
export const MergeActorsDocument = {"__meta__":{"operationName":"MergeActors","operationType":"mutation","hash":"d348f14d05ca3ec124acd3332b5cd4e6e1401056b4063672b01cea4d525213c0"}} as unknown as TypedDocumentString<MergeActorsMutation, MergeActorsMutationVariables>;
export const AddActorCitationDocument = {"__meta__":{"operationName":"AddActorCitation","operationType":"mutation","hash":"5f38d97fe45df9b66899d0c44525cfc40b3ac99aae09edae46270c3d99b3ae1a"}} as unknown as TypedDocumentString<AddActorCitationMutation, AddActorCitationMutationVariables>;
export const CreateEventDocument = {"__meta__":{"operationName":"CreateEvent","operationType":"mutation","hash":"b1b3e588b7d661ee82727e98a28f9a5623c539d891b8128a16d6c2951977e065"}} as unknown as TypedDocumentString<CreateEventMutation, CreateEventMutationVariables>;
export const UpdateEventDocument = {"__meta__":{"operationName":"UpdateEvent","operationType":"mutation","hash":"6307ae484424499e4d79623e13ebe5385bb3cac72a936e1972afd9d26af81b07"}} as unknown as TypedDocumentString<UpdateEventMutation, UpdateEventMutationVariables>;
export const ArchiveEventDocument = {"__meta__":{"operationName":"ArchiveEvent","operationType":"mutation","hash":"71c25835868aba341cd47a46d4b02a5f08a686dbfbf805eb8c95106c6600d6fd"}} as unknown as TypedDocumentString<ArchiveEventMutation, ArchiveEventMutationVariables>;
export const RestoreEventDocument = {"__meta__":{"operationName":"RestoreEvent","operationType":"mutation","hash":"2218ac34f84934e376f3a7503a26e91b9c1c612e4fd9fe44bd9be02deab7af9b"}} as unknown as TypedDocumentString<RestoreEventMutation, RestoreEventMutationVariables>;
export const AddEventCitationDocument = {"__meta__":{"operationName":"AddEventCitation","operationType":"mutation","hash":"f693741139646f3623911f1540454bff86d515c9e7e797aba76a1ecf28591757"}} as unknown as TypedDocumentString<AddEventCitationMutation, AddEventCitationMutationVariables>;
export const AddEventClaimDocument = {"__meta__":{"operationName":"AddEventClaim","operationType":"mutation","hash":"01f26e06ad26ca498d58d4822173f869a6a8c4a1b29c06d8fb50ec1516a06271"}} as unknown as TypedDocumentString<AddEventClaimMutation, AddEventClaimMutationVariables>;
export const SetPreferredEventClaimDocument = {"__meta__":{"operationName":"SetPreferredEventClaim","operationType":"mutation","hash":"25ba6460bd2c51ef487ba49a73dee005ee33e95dbe26d49d2d389efc8f43deab"}} as unknown as TypedDocumentString<SetPreferredEventClaimMutation, SetPreferredEventClaimMutationVariables>;
export const LinkEventsDocument = {"__meta__":{"operationName":"LinkEvents","operationType":"mutation","hash":"624b4b945096e60d03c11cb006c0e366d49f79345a18c44ab9dc82d68737b104"}} as unknown as TypedDocumentString<LinkEventsMutation, LinkEventsMutationVariables>;
export const CreateFigureDocument = {"__meta__":{"operationName":"CreateFigure","operationType":"mutation","hash":"5b3c5a7a11fae0de4b2a71689aab0e76ba6e3ca39675ae163e4e1c6d604a15de"}} as unknown as TypedDocumentString<CreateFigureMutation, CreateFigureMutationVariables>;
export const UpdateFigureDocument = {"__meta__":{"operationName":"UpdateFigure","operationType":"mutation","hash":"61cff817918bbdb0406caf924788ea3cc41c066fad9a51dc82567d1840dc6193"}} as unknown as TypedDocumentString<UpdateFigureMutation, UpdateFigureMutationVariables>;
export const AddFigureClaimDocument = {"__meta__":{"operationName":"AddFigureClaim","operationType":"mutation","hash":"29f5baeacb22c8267b415dd008347a3f01871fc53dad567ddeeae31f81e1f2d7"}} as unknown as TypedDocumentString<AddFigureClaimMutation, AddFigureClaimMutationVariables>;
export const SetPreferredFigureClaimDocument = {"__meta__":{"operationName":"SetPreferredFigureClaim","operationType":"mutation","hash":"c3428767a0828d82c2ff7fc0f6a1b4f1ee4bb3fa13dd946f1514838db444f7e5"}} as unknown as TypedDocumentString<SetPreferredFigureClaimMutation, SetPreferredFigureClaimMutationVariables>;
export const AddFigureCitationDocument = {"__meta__":{"operationName":"AddFigureCitation","operationType":"mutation","hash":"607f0cdb147120d4810d61a061b3721c4645d8b86a2d516f69e6c9c8b694ee58"}} as unknown as TypedDocumentString<AddFigureCitationMutation, AddFigureCitationMutationVariables>;
export const CreateSourceDocument = {"__meta__":{"operationName":"CreateSource","operationType":"mutation","hash":"65ac30a44e315f2b51331bab502f16bbcc9ee6707222a7799f58f73a51a65402"}} as unknown as TypedDocumentString<CreateSourceMutation, CreateSourceMutationVariables>;
export const UpdateSourceDocument = {"__meta__":{"operationName":"UpdateSource","operationType":"mutation","hash":"11f9081afaea58ebae30099095ec3c869f5e55c960d84ebf5d996bd281ef4906"}} as unknown as TypedDocumentString<UpdateSourceMutation, UpdateSourceMutationVariables>;