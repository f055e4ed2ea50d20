/**
 * GraphQL over WebSocket (the `graphql-transport-ws` protocol of graphql-ws), on the same path and
 * port as HTTP, beside SSE: Apollo Client's GraphQLWsLink and urql's subscription exchange use it
 * for `eventChanged`.
 *
 * Each operation goes through Yoga's own plugin chain (`yoga.getEnveloped`): the token ceiling while
 * parsing, the document ceilings and depth while validating, pricing and the cost limit, the rate
 * budget, compiled execution, error masking, metrics. What Yoga does before that chain for HTTP is
 * done here: a `documentId` is looked up among the trusted documents (and text refused under
 * TRUSTED_DOCUMENTS_ONLY), a message is held to the 1 MiB a body may have, and the API key is read
 * from `connectionParams.apiKey` instead of the Authorization header. Each operation is given a
 * Request of its own carrying that key, so per-request state (its price, its client) is kept per
 * operation as it is for HTTP.
 *
 * A client that opens a socket and never sends `connection_init` is closed after
 * CONNECTION_INIT_WAIT_MS (graphql-ws answers 4408); one that sends an unknown key is refused (4403).
 */
import type { Server } from 'node:http';
import type { BilateralStore } from '@bilateral/store';
import { type ExecutionArgs, type ExecutionResult, GraphQLError, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { isAsyncIterable, mapAsyncIterator } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import type { ErrorCode } from '../errors.ts';
import { DOCUMENT_ID_PARAM, type TrustedDocuments, trustedIdOfText } from '../execution/trusted-documents.ts';
import { MAX_BODY_BYTES } from '../http/body-limit.ts';
import { costOf, withCost } from '../limits/cost-limit.ts';
import type { Metrics } from '../observability/metrics.ts';
import { OK_OUTCOME } from '../observability/request-outcome.ts';
import type { BilateralYoga } from '../yoga.ts';

/** How long a socket may stay open without `connection_init`. */
export const CONNECTION_INIT_WAIT_MS = 3_000;

export interface WebSocketOptions {
  store: BilateralStore;
  trustedDocuments: TrustedDocuments;
  trustedDocumentsOnly: boolean;
  metrics?: Metrics;
}

/** What a client sends in `connection_init`: its API key, if any. */
type ConnectionParams = Record<string, unknown> & { apiKey?: unknown };

const refusal = (code: ErrorCode, message: string) => new GraphQLError(message, { extensions: { code } });

/** The document text of a subscribe message: its `query`, or the trusted document its `documentId` names. */
function documentText(
  payload: { query?: string; extensions?: Record<string, unknown> | null },
  { trustedDocuments, trustedDocumentsOnly }: WebSocketOptions,
): string | GraphQLError {
  const id = payload.extensions?.[DOCUMENT_ID_PARAM];
  if (typeof id === 'string' && id !== '')
    return (
      trustedDocuments.get(id) ??
      refusal(
        'PERSISTED_QUERY_NOT_FOUND',
        `No trusted document has the ID "${id}". Send the document text as \`query\` instead.`,
      )
    );
  if (!trustedDocumentsOnly) return payload.query ?? '';
  const trustedId = trustedIdOfText(payload.query ?? '', trustedDocuments);
  return trustedId !== null
    ? trustedDocuments.get(trustedId)!
    : refusal(
        'PERSISTED_QUERY_ONLY',
        `This server runs only trusted documents (TRUSTED_DOCUMENTS_ONLY): send the SDK's document ID as \`extensions.${DOCUMENT_ID_PARAM}\` instead of \`query\`, or the text of one of the SDK's operations unchanged.`,
      );
}

/** graphql-js reports syntax and validation errors without our codes; HTTP answers give them these. */
const coded = (errors: readonly GraphQLError[], code: ErrorCode) =>
  errors.map((error) =>
    error.extensions?.code
      ? error
      : new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code } }),
  );

export function attachGraphQLWebSockets(server: Server, yoga: BilateralYoga, options: WebSocketOptions) {
  const webSockets = new WebSocketServer({ server, path: yoga.graphqlEndpoint, maxPayload: MAX_BODY_BYTES });
  const record = (operationName: string | null | undefined, outcome: string, request?: Request) =>
    options.metrics?.recordOperation(operationName, outcome, request && costOf(request));

  return useServer<ConnectionParams>(
    {
      connectionInitWaitTimeout: CONNECTION_INIT_WAIT_MS,
      async onConnect({ connectionParams }) {
        const key = connectionParams?.apiKey;
        if (key === undefined) return true;
        // A key that is not a live one is refused at once, rather than failing every write later.
        return typeof key === 'string' && (await options.store.authenticateApiKey(key)) !== null;
      },
      execute: (args) => (args.rootValue as Enveloped).execute(args),
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args),
      async onSubscribe(context, _id, payload) {
        const text = documentText(payload, options);
        if (text instanceof GraphQLError) {
          record(payload.operationName, String(text.extensions.code));
          return [text];
        }
        const apiKey = context.connectionParams?.apiKey;
        const request = new Request(`http://websocket${yoga.graphqlEndpoint}`, {
          method: 'POST',
          headers: typeof apiKey === 'string' ? { authorization: `Bearer ${apiKey}` } : {},
        });
        const enveloped = yoga.getEnveloped({
          request,
          req: context.extra.request,
          socket: context.extra.socket,
          params: { ...payload, query: text },
          transport: 'websocket',
        });
        let document: ReturnType<typeof enveloped.parse>;
        try {
          document = enveloped.parse(text);
        } catch (error) {
          const errors = coded([error as GraphQLError], 'GRAPHQL_PARSE_FAILED');
          record(payload.operationName, String(errors[0]!.extensions.code));
          return errors;
        }
        const errors = enveloped.validate(enveloped.schema as GraphQLSchema, document);
        if (errors.length) {
          const answered = coded(errors, 'GRAPHQL_VALIDATION_FAILED');
          record(payload.operationName, String(answered[0]!.extensions.code));
          return answered;
        }
        return {
          schema: enveloped.schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: await enveloped.contextFactory(),
          rootValue: {
            execute: (args: ExecutionArgs) =>
              counted(enveloped.execute(args) as Promise<Result> | Result, args, request),
            subscribe: (args: ExecutionArgs) =>
              counted(enveloped.subscribe(args) as Promise<Result> | Result, args, request),
          },
        } satisfies ExecutionArgs;
      },
    },
    webSockets,
  );

  /**
   * Counts an operation once it has its first answer (the result, or the start of a subscription's
   * stream), and puts its price in `extensions.cost` as Yoga's HTTP pipeline does (cost-limit.ts).
   */
  async function counted(result: Promise<Result> | Result, args: ExecutionArgs, request: Request): Promise<Result> {
    const answer = await result;
    const cost = costOf(request) ?? 0;
    if (isAsyncIterable(answer)) {
      record(args.operationName, OK_OUTCOME, request);
      return mapAsyncIterator(answer, (item: ExecutionResult) => withCost(item, cost));
    }
    record(
      args.operationName,
      String(answer.errors?.[0]?.extensions?.code ?? (answer.errors?.length ? 'INTERNAL_SERVER_ERROR' : OK_OUTCOME)),
      request,
    );
    return withCost(answer, cost);
  }
}

type Result = ExecutionResult | AsyncIterable<ExecutionResult>;
/** What onSubscribe puts in `rootValue`: this operation's execute and subscribe, counted for the metrics. */
type Enveloped = {
  execute: (args: ExecutionArgs) => Promise<Result>;
  subscribe: (args: ExecutionArgs) => Promise<Result>;
};
