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
 * A typed document as text: what the client preset emits with `documentMode: 'string'`
 * (`TypedDocumentString`), or a string cast to this type. `__meta__.hash` is its trusted-document
 * ID when it has one; without one, the full text is sent.
 */
export interface TextDocument<Result, Variables> extends DocumentTypeDecoration<Result, Variables> {
  toString(): string;
  __meta__?: Record<string, unknown> | undefined;
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
  ): Promise<{ status: number; body: GraphQLResponse<Result> }> {
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
      return { status: response.status, body: await response.json() };
    } catch (cause) {
      throw httpError(options.url, response.status, 'without a GraphQL response', cause);
    }
  }

  return async function request<Result, Variables>(
    document: TextDocument<Result, Variables>,
    variables?: Variables,
    requestOptions?: RequestOptions,
  ): Promise<Result> {
    const meta = document.__meta__ ?? {};
    const documentId = options.documents === 'text' ? undefined : (meta.hash as string | undefined);
    const byGet = options.method === 'GET' && meta.operationType === 'query';
    const params = { variables: variables ?? {}, operationName: meta.operationName as string | undefined };

    let answer: { status: number; body: GraphQLResponse<Result> } | undefined;
    if (documentId && !refusedIds.has(documentId)) {
      answer = await send<Result>({ documentId, ...params }, byGet, requestOptions);
      const codes = answer.body.errors?.map((error) => error.extensions?.code) ?? [];
      if (codes.length > 0 && codes.every((code) => code && ID_REFUSED.has(code))) {
        refusedIds.add(documentId);
        answer = undefined;
      }
    }
    answer ??= await send<Result>({ query: String(document), ...params }, byGet, requestOptions);

    const { status, body } = answer;
    if (body.errors?.length) {
      const message = body.errors.map((error) => `${error.extensions?.code ?? 'ERROR'}: ${error.message}`).join('\n');
      throw new BilateralError(message, body.errors, status);
    }
    if (status >= 400 || body.data == null) throw httpError(options.url, status, 'with no data');
    return body.data;
  };
}
