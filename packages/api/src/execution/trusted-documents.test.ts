// Trusted documents: the SDK's operations answered by ID, by POST and by GET; unknown IDs and the
// TRUSTED_DOCUMENTS_ONLY mode answered with coded, GraphQL-shaped errors.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as sdk from '@bilateral/sdk';
import * as sdkAsts from '@bilateral/sdk/documents';
import type { BilateralStore } from '@bilateral/store';
import { openFixtureStore } from '@bilateral/store/testing';
import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import type { DocumentNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleOperations } from '../graphiql/examples.ts';
import type { GraphQLResponse } from '../testing/graphql.ts';
import { type BilateralYoga, createBilateralYoga } from '../yoga.ts';
import {
  documentIdOf,
  readTrustedDocuments,
  sdkManifestPath,
  sdkTrustedDocuments,
  trustedIdOfText,
} from './trusted-documents.ts';

/** Every operation the SDK sends, by export name: the SDK holds only its ID (`__meta__.hash`) and name. */
const sdkOperations = Object.entries(sdk).flatMap(([exportName, value]) => {
  const meta = (value as { __meta__?: { hash?: string; operationName?: string } } | null)?.__meta__;
  return meta?.hash && meta.operationName ? [{ exportName, id: meta.hash, name: meta.operationName }] : [];
});
const idOf = (document: unknown) => (document as { __meta__: { hash: string } }).__meta__.hash;
const eventsId = idOf(sdk.EventsDocument);
const createEventId = idOf(sdk.CreateEventDocument);
const unknownId = documentIdOf('query Unknown { eventKinds { kind } }');
const ACCEPT = 'application/graphql-response+json';

let store: BilateralStore;
let open: BilateralYoga;
let trustedOnly: BilateralYoga;
beforeAll(() => {
  store = openFixtureStore();
  open = createBilateralYoga({ store, logging: false });
  trustedOnly = createBilateralYoga({ store, logging: false, trustedDocumentsOnly: true });
});
afterAll(() => store.close());

async function post(yoga: BilateralYoga, body: Record<string, unknown>) {
  const response = await yoga.fetch('http://bilateral.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: ACCEPT },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse };
}

async function get(yoga: BilateralYoga, params: Record<string, string>) {
  const response = await yoga.fetch(`http://bilateral.test/graphql?${new URLSearchParams(params)}`, {
    headers: { accept: ACCEPT },
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse };
}

const codes = (body: GraphQLResponse) => body.errors?.map((error) => error.extensions?.code);

describe("the server's trusted documents", () => {
  it("are the SDK's manifest: every ID the SDK sends is the SHA-256 of its operation's text, printed the codegen way", () => {
    const manifest = JSON.parse(readFileSync(sdkManifestPath(), 'utf8')) as Record<string, string>;
    const server = sdkTrustedDocuments();
    expect(Object.fromEntries(server)).toEqual(manifest);
    expect(sdkOperations.length).toBeGreaterThan(30);
    expect(new Set(sdkOperations.map(({ id }) => id))).toEqual(new Set(server.keys()));
    for (const { exportName, id, name } of sdkOperations) {
      // The same operation as a DocumentNode (`@bilateral/sdk/documents`), printed as codegen prints
      // it for the manifest (selections sorted, one line), hashes to the ID the SDK sends.
      const text = printExecutableGraphQLDocument((sdkAsts as Record<string, unknown>)[exportName] as DocumentNode);
      expect(server.get(id), name).toBe(text);
      expect(documentIdOf(text), name).toBe(id);
    }
  });

  it('answer every SDK operation by ID', async () => {
    for (const document of sdkOperations) {
      const { body } = await post(open, { documentId: document.id, operationName: document.name });
      expect(codes(body) ?? [], document.name).not.toContain('PERSISTED_QUERY_NOT_FOUND');
    }
  });
});

describe('trusted documents', () => {
  it('runs an SDK operation sent by ID in a POST body', async () => {
    const { status, body } = await post(open, {
      documentId: eventsId,
      variables: { first: 2 },
      operationName: 'Events',
    });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.events.totalCount).toBe(3);
    expect(body.data.events.edges).toHaveLength(2);
  });

  it('runs an SDK operation sent by ID in a GET query string, variables included', async () => {
    const { status, body } = await get(open, {
      documentId: eventsId,
      variables: JSON.stringify({ first: 1 }),
      operationName: 'Events',
    });
    expect(status).toBe(200);
    expect(body.data.events.edges).toHaveLength(1);
  });

  it('answers an unknown ID with PERSISTED_QUERY_NOT_FOUND, by POST and by GET, and never caches it', async () => {
    const byPost = await post(open, { documentId: unknownId, variables: {} });
    expect(byPost.body.data).toBeUndefined();
    expect(codes(byPost.body)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(byPost.body.errors![0]!.message).toContain(unknownId);
    const byGet = await get(open, { documentId: unknownId });
    expect(codes(byGet.body)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(byGet.headers.get('cache-control')).toBe('no-store');
    expect(byGet.headers.get('etag')).toBeNull();
  });

  it('still runs documents sent as text, for GraphiQL and explorers', async () => {
    const { body } = await post(open, { query: '{ events(first: 1) { totalCount } }' });
    expect(body.data.events.totalCount).toBe(3);
  });

  it('refuses a mutation by GET, even as a trusted document, and runs it by POST', async () => {
    const byGet = await open.fetch(
      `http://bilateral.test/graphql?${new URLSearchParams({ documentId: createEventId, variables: '{}' })}`,
      { headers: { accept: ACCEPT } },
    );
    expect(byGet.status).toBe(405);
    expect(byGet.headers.get('etag')).toBeNull();
    // An empty input is refused by the document's variable types, which shows it was found and run.
    const byPost = await post(open, { documentId: createEventId, variables: { input: {} } });
    expect(codes(byPost.body)).toContain('BAD_USER_INPUT');
    expect(codes(byPost.body)).not.toContain('PERSISTED_QUERY_NOT_FOUND');
  });

  it('asks for a query or a document ID when a request has neither', async () => {
    const { status, body } = await post(open, { variables: {} });
    expect(status).toBe(400);
    expect(codes(body)).toEqual(['BAD_REQUEST']);
  });

  describe('with TRUSTED_DOCUMENTS_ONLY', () => {
    it('refuses a document sent as text with PERSISTED_QUERY_ONLY', async () => {
      const { body } = await post(trustedOnly, { query: '{ events(first: 1) { totalCount } }' });
      expect(body.data).toBeUndefined();
      expect(codes(body)).toEqual(['PERSISTED_QUERY_ONLY']);
      const byGet = await get(trustedOnly, { query: '{ events(first: 1) { totalCount } }' });
      expect(codes(byGet.body)).toEqual(['PERSISTED_QUERY_ONLY']);
    });

    it("runs a trusted document sent as text however it is laid out: GraphiQL's tabs and the explorer's links", async () => {
      const eventsTab = exampleOperations().find((tab) => tab.name === 'Events')!;
      expect(sdkTrustedDocuments().has(documentIdOf(eventsTab.query)), 'the tab is laid out unlike the manifest').toBe(
        false,
      );
      const byPost = await post(trustedOnly, { query: eventsTab.query, variables: { first: 1 } });
      expect(byPost.body.errors).toBeUndefined();
      expect(byPost.body.data.events.edges).toHaveLength(1);
      const manifestText = sdkTrustedDocuments().get(eventsId)!;
      const byGet = await get(trustedOnly, { query: manifestText, variables: JSON.stringify({ first: 2 }) });
      expect(byGet.body.data.events.edges).toHaveLength(2);
    });

    it('refuses the text of an SDK operation once it is changed, and a text longer than any of them', async () => {
      const edited = sdkTrustedDocuments().get(eventsId)!.replace('totalCount', 'totalCount __typename');
      expect(codes((await post(trustedOnly, { query: edited })).body)).toEqual(['PERSISTED_QUERY_ONLY']);
      const longest = Math.max(...[...sdkTrustedDocuments().values()].map((text) => text.length));
      const long = `{ ${'eventKinds { kind } '.repeat(longest)} }`;
      expect(trustedIdOfText(long, sdkTrustedDocuments())).toBeNull();
      expect(codes((await post(trustedOnly, { query: long })).body)).toEqual(['PERSISTED_QUERY_ONLY']);
    });

    it('runs trusted documents by ID and still reports unknown IDs', async () => {
      const known = await post(trustedOnly, { documentId: eventsId, variables: { first: 1 } });
      expect(known.body.data.events.edges).toHaveLength(1);
      const unknown = await post(trustedOnly, { documentId: unknownId });
      expect(codes(unknown.body)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    });
  });
});

describe('readTrustedDocuments', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bilateral-manifest-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a manifest whose IDs are not the hashes of their texts', () => {
    const file = join(dir, 'stale.json');
    writeFileSync(file, JSON.stringify({ [documentIdOf('{ a }')]: '{ b }' }));
    expect(() => readTrustedDocuments(file)).toThrow(/hashes to/);
  });

  it('reads a manifest whose IDs match', () => {
    const file = join(dir, 'good.json');
    const documents = new Map([[documentIdOf('{ eventKinds { kind } }'), '{ eventKinds { kind } }']]);
    writeFileSync(file, JSON.stringify(Object.fromEntries(documents)));
    expect(readTrustedDocuments(file)).toEqual(documents);
  });
});
