/**
 * Trusted documents: the SDK sends a document's ID (the SHA-256 hex of its text, from the manifest
 * codegen writes) instead of its text, by POST (`{"documentId", "variables", "operationName"}`) or by
 * GET (`/graphql?documentId=…&variables=…`), so reads can be cached by any HTTP cache (`http-cache.ts`).
 * An unknown ID answers PERSISTED_QUERY_NOT_FOUND, on which the SDK retries once with the text.
 * Arbitrary documents stay allowed (GraphiQL, explorers, other clients) unless the server runs
 * with TRUSTED_DOCUMENTS_ONLY, which refuses them with PERSISTED_QUERY_ONLY.
 *
 * Yoga's persisted-operations plugin does the lookup and the refusal; it reads Apollo's
 * `extensions.persistedQuery` by default, so the ID is taken from where this protocol puts it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
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

function documentIdFrom(params: GraphQLParams, request: Request): string | null {
  const id =
    request.method === 'GET'
      ? new URL(request.url).searchParams.get(DOCUMENT_ID_PARAM)
      : (params as GraphQLParams & { [DOCUMENT_ID_PARAM]?: unknown })[DOCUMENT_ID_PARAM];
  return typeof id === 'string' && id !== '' ? id : null;
}

export interface TrustedDocumentsOptions {
  documents: TrustedDocuments;
  /** Refuse any document sent as text (TRUSTED_DOCUMENTS_ONLY). */
  only: boolean;
}

export function useTrustedDocuments({ documents, only }: TrustedDocumentsOptions): Plugin {
  const badRequest = { http: { status: 400 } };
  return usePersistedOperations({
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
          `This server runs only trusted documents (TRUSTED_DOCUMENTS_ONLY): send the SDK's \`${DOCUMENT_ID_PARAM}\` instead of \`query\`.`,
          { extensions: { code: 'PERSISTED_QUERY_ONLY' satisfies ErrorCode, ...badRequest } },
        ),
      keyNotFound: () =>
        createGraphQLError(
          `Send the operation as \`query\` (its text) or as \`${DOCUMENT_ID_PARAM}\` (its ID in the SDK's manifest).`,
          { extensions: { code: 'BAD_REQUEST' satisfies ErrorCode, ...badRequest } },
        ),
    },
  });
}
