import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { BilateralError, type BilateralGraphQLError } from './errors.ts';

export interface ClientOptions {
  /** The GraphQL endpoint, such as `http://localhost:4000/graphql`. */
  url: string;
  /** Extra headers for every request, or a function that returns them (for tokens that rotate). */
  headers?: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>) | undefined;
  /** A fetch implementation; defaults to the global one (Node 18+, browsers). */
  fetch?: typeof globalThis.fetch | undefined;
  /** An API key with the `write` scope, needed by the write methods; sent as `Authorization: Bearer <key>`. Reads need none. */
  apiKey?: string | undefined;
  /**
   * `'id'` (the default) sends each operation's document ID (trusted documents) and retries once with
   * the full text if the server does not know it; `'text'` always sends the full text.
   */
  documents?: 'id' | 'text' | undefined;
  /**
   * `'GET'` sends queries as `GET ?documentId=…&variables=…` (or `?query=…` with full text), which HTTP
   * caches and CDNs can serve; mutations always go by POST. Defaults to `'POST'`.
   */
  method?: 'GET' | 'POST' | undefined;
}

export interface RequestOptions {
  /** Aborts the request. */
  signal?: AbortSignal | undefined;
}

/**
 * A typed document `request` can send: one of this package's `…Document` exports (its trusted-document
 * ID, `__meta__.hash`, whose text is in the package's manifest), or a `TypedDocumentString` from your
 * own codegen (`documentMode: 'string'`), which carries its text.
 */
export interface RequestDocument<Result, Variables> extends DocumentTypeDecoration<Result, Variables> {
  __meta__?: Record<string, unknown> | undefined;
}

// The package's document texts by ID: loaded (a separate chunk in a browser bundle) only when a
// server does not know an ID or `documents: 'text'` is set, so a page that sends IDs never pays for them.
let documentTexts: Promise<Readonly<Record<string, string>>> | undefined;
const loadDocumentTexts = () =>
  (documentTexts ??= import('./document-texts.ts').then((module) => module.documentTexts));

async function textOf(document: unknown, documentId: unknown): Promise<string> {
  if (document instanceof String || typeof document === 'string') return String(document);
  const text = typeof documentId === 'string' ? (await loadDocumentTexts())[documentId] : undefined;
  if (text === undefined) {
    throw new TypeError('This document has neither text nor an ID from @bilateral/sdk: pass a TypedDocumentString.');
  }
  return text;
}

interface GraphQLResponse<Result> {
  data?: Result | null;
  errors?: BilateralGraphQLError[];
}

/** The server does not know the ID (PERSISTED_QUERY_NOT_FOUND), or predates IDs and rejects the request (BAD_REQUEST). */
const ID_REFUSED = new Set(['PERSISTED_QUERY_NOT_FOUND', 'BAD_REQUEST']);

function httpError(url: string, status: number, detail: string, cause?: unknown): BilateralError {
  const errors = [{ message: `HTTP ${status}`, extensions: { code: 'HTTP_ERROR' as const } }];
  return new BilateralError(`${url} answered HTTP ${status} ${detail}.`, errors, status, { cause });
}

/** Sends one GraphQL operation and returns its `data`, or throws a BilateralError. */
export function createTransport(options: ClientOptions) {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  // IDs this server refused once: later requests for them go straight to the full text.
  const refusedIds = new Set<string>();

  async function send<Result>(
    params: Record<string, unknown>,
    byGet: boolean,
    requestOptions: RequestOptions | undefined,
  ): Promise<{ status: number; retryAfter: string | null; body: GraphQLResponse<Result> }> {
    const headers: Record<string, string> = {
      accept: 'application/graphql-response+json, application/json',
      ...(byGet ? {} : { 'content-type': 'application/json' }),
      ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
      ...(typeof options.headers === 'function' ? await options.headers() : options.headers),
    };
    let url = options.url;
    if (byGet) {
      const search = new URLSearchParams();
      for (const [name, value] of Object.entries(params)) {
        if (value !== undefined) search.set(name, typeof value === 'string' ? value : JSON.stringify(value));
      }
      url += `${url.includes('?') ? '&' : '?'}${search}`;
    }
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: byGet ? 'GET' : 'POST',
        headers,
        ...(byGet ? {} : { body: JSON.stringify(params) }),
        ...(requestOptions?.signal ? { signal: requestOptions.signal } : {}),
      });
    } catch (cause) {
      const errors = [{ message: String(cause), extensions: { code: 'NETWORK_ERROR' as const } }];
      throw new BilateralError(`Could not reach ${options.url}: ${(cause as Error).message}`, errors, undefined, {
        cause,
      });
    }
    try {
      return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json() };
    } catch (cause) {
      throw httpError(options.url, response.status, 'without a GraphQL response', cause);
    }
  }

  return async function request<Result, Variables>(
    document: RequestDocument<Result, Variables>,
    variables?: Variables,
    requestOptions?: RequestOptions,
  ): Promise<Result> {
    const meta = document.__meta__ ?? {};
    const documentId = options.documents === 'text' ? undefined : meta.hash;
    const byGet = options.method === 'GET' && meta.operationType === 'query';
    const params = { variables: variables ?? {}, operationName: meta.operationName };

    let answer: { status: number; retryAfter: string | null; body: GraphQLResponse<Result> } | undefined;
    if (typeof documentId === 'string' && !refusedIds.has(documentId)) {
      answer = await send<Result>({ documentId, ...params }, byGet, requestOptions);
      const codes = answer.body.errors?.map((error) => error.extensions?.code) ?? [];
      if (codes.length > 0 && codes.every((code) => code && ID_REFUSED.has(code))) {
        refusedIds.add(documentId);
        answer = undefined;
      }
    }
    answer ??= await send<Result>({ query: await textOf(document, meta.hash), ...params }, byGet, requestOptions);

    const { status, body } = answer;
    if (body.errors?.length) {
      const message = body.errors.map((error) => `${error.extensions?.code ?? 'ERROR'}: ${error.message}`).join('\n');
      const retryAfterSeconds = Number(answer.retryAfter ?? Number.NaN);
      throw new BilateralError(
        message,
        body.errors,
        status,
        Number.isFinite(retryAfterSeconds) ? { retryAfterSeconds } : undefined,
      );
    }
    if (status >= 400 || body.data == null) throw httpError(options.url, status, 'with no data');
    return body.data;
  };
}
