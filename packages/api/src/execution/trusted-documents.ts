/**
 * Trusted documents: the SDK sends a document's ID (the SHA-256 hex of its text, from the manifest
 * codegen writes) instead of its text, by POST (`{"documentId", "variables", "operationName"}`) or by
 * GET (`/graphql?documentId=…&variables=…`), so reads can be cached by any HTTP cache (`http-cache.ts`).
 * An unknown ID answers PERSISTED_QUERY_NOT_FOUND, on which the SDK retries once with the text.
 * Arbitrary documents stay allowed (GraphiQL, explorers, other clients) unless the server runs
 * with TRUSTED_DOCUMENTS_ONLY, which refuses them with PERSISTED_QUERY_ONLY; a text that is one of the
 * trusted documents, however it is laid out (GraphiQL's example tabs, the explorer's "this view as a
 * GraphQL query" links), still runs there, as that document.
 *
 * Yoga's persisted-operations plugin does the lookup and the refusal; it reads Apollo's
 * `extensions.persistedQuery` by default, so the ID is taken from where this protocol puts it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { Lexer, parse, Source, TokenKind } from 'graphql';
import { createGraphQLError, type GraphQLParams, type Plugin } from 'graphql-yoga';
import type { ErrorCode } from '../errors.ts';

/** Document ID (SHA-256 hex of the text) → document text. */
export type TrustedDocuments = ReadonlyMap<string, string>;

/** The request field (POST body, or GET query parameter) that carries a document ID. */
export const DOCUMENT_ID_PARAM = 'documentId';

export const documentIdOf = (text: string) => createHash('sha256').update(text).digest('hex');

/** The manifest codegen writes into the SDK, which the SDK's own requests refer to. */
export const sdkManifestPath = () => createRequire(import.meta.url).resolve('@bilateral/sdk/persisted-documents.json');

/** Reads a manifest, refusing one whose IDs are not the hashes of their texts (a stale or edited file). */
export function readTrustedDocuments(file: string): TrustedDocuments {
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  for (const [id, text] of Object.entries(manifest)) {
    if (documentIdOf(text) !== id)
      throw new Error(`${file}: the document filed under ${id} hashes to ${documentIdOf(text)}; run codegen again.`);
  }
  return new Map(Object.entries(manifest));
}

let sdkDocuments: TrustedDocuments | undefined;
/** The SDK's manifest, read once per process. */
export function sdkTrustedDocuments(): TrustedDocuments {
  sdkDocuments ??= readTrustedDocuments(sdkManifestPath());
  return sdkDocuments;
}

const tokenCount = (text: string) => {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
};

const longestDocument = new WeakMap<TrustedDocuments, number>();

/**
 * The ID of the trusted document that `text` spells, laid out any way (other whitespace, commas,
 * comments, field and definition order), or null: printed the way codegen prints the manifest, its
 * SHA-256 is the ID. Parsing gives up after as many tokens as the longest trusted document has, so a
 * text that cannot be one costs no more than that to turn away.
 */
export function trustedIdOfText(text: string, documents: TrustedDocuments): string | null {
  let maxTokens = longestDocument.get(documents);
  if (maxTokens === undefined) {
    maxTokens = Math.max(0, ...[...documents.values()].map(tokenCount));
    longestDocument.set(documents, maxTokens);
  }
  try {
    const id = documentIdOf(printExecutableGraphQLDocument(parse(text, { noLocation: true, maxTokens })));
    return documents.has(id) ? id : null;
  } catch {
    return null;
  }
}

function documentIdFrom(params: GraphQLParams, request: Request): string | null {
  const fromParams = (params as GraphQLParams & { [DOCUMENT_ID_PARAM]?: unknown })[DOCUMENT_ID_PARAM];
  const id =
    fromParams === undefined && request.method === 'GET'
      ? new URL(request.url).searchParams.get(DOCUMENT_ID_PARAM)
      : fromParams;
  return typeof id === 'string' && id !== '' ? id : null;
}

export interface TrustedDocumentsOptions {
  documents: TrustedDocuments;
  /** Refuse any document sent as text (TRUSTED_DOCUMENTS_ONLY). */
  only: boolean;
}

export function useTrustedDocuments({ documents, only }: TrustedDocumentsOptions): Plugin {
  const badRequest = { http: { status: 400 } };
  const persisted = usePersistedOperations({
    allowArbitraryOperations: !only,
    extractPersistedOperationId: documentIdFrom,
    getPersistedOperation: (id) => documents.get(id) ?? null,
    customErrors: {
      notFound: ({ params, request }) =>
        createGraphQLError(
          `No trusted document has the ID "${documentIdFrom(params, request)}". ` +
            (only
              ? 'This server runs only the documents of its own SDK: use an SDK built from the same schema.'
              : 'Send the document text as `query` instead (the SDK does so by itself).'),
          { extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' satisfies ErrorCode, ...badRequest } },
        ),
      persistedQueryOnly: () =>
        createGraphQLError(
          `This server runs only trusted documents (TRUSTED_DOCUMENTS_ONLY): send the SDK's \`${DOCUMENT_ID_PARAM}\` instead of \`query\`, or the text of one of the SDK's operations unchanged.`,
          { extensions: { code: 'PERSISTED_QUERY_ONLY' satisfies ErrorCode, ...badRequest } },
        ),
      keyNotFound: () =>
        createGraphQLError(
          `Send the operation as \`query\` (its text) or as \`${DOCUMENT_ID_PARAM}\` (its ID in the SDK's manifest).`,
          { extensions: { code: 'BAD_REQUEST' satisfies ErrorCode, ...badRequest } },
        ),
    },
  });
  if (!only) return persisted;
  return {
    ...persisted,
    // Runs before the plugin's own check, which refuses any text: a trusted document's text becomes its ID.
    onParams(payload) {
      const { params } = payload;
      const id = typeof params.query === 'string' ? trustedIdOfText(params.query, documents) : null;
      if (id === null) return persisted.onParams?.(payload);
      const asId = { ...params, query: undefined, [DOCUMENT_ID_PARAM]: id };
      return persisted.onParams?.({ ...payload, params: asId });
    },
  };
}
