/**
 * How each GraphQL HTTP request ended, for the metrics and the request log: the operation's name
 * (as the client sent it; callers bound it) and its outcome, the `extensions.code` of the first
 * error or `OK`. Requests refused before Yoga read them as GraphQL (rate limit, body limit, media
 * type) are read from their coded JSON body; GraphiQL's page and other non-JSON answers are not
 * operations and are not reported.
 */
import { performance } from 'node:perf_hooks';
import { getOperationAST } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { ERROR_CODES } from '../errors.ts';

export const OK_OUTCOME = 'OK';

export interface RequestOutcome {
  operationName: string | undefined;
  outcome: string;
  /** From the request's arrival to its response, in milliseconds. */
  durationMs: number;
}

const KNOWN_CODES = new Set<string>(Object.keys(ERROR_CODES));

function outcomeOf(errors: readonly { extensions?: Record<string, unknown> }[] | undefined): string {
  if (!errors?.length) return OK_OUTCOME;
  const code = errors[0]!.extensions?.code;
  return typeof code === 'string' && KNOWN_CODES.has(code) ? code : 'INTERNAL_SERVER_ERROR';
}

const operationNameOf = (args: { document: Parameters<typeof getOperationAST>[0]; operationName?: string | null }) =>
  getOperationAST(args.document, args.operationName)?.name?.value;

/** Calls `report` once per GraphQL request, when its response is ready. */
export function useRequestOutcomes(
  report: (request: Request, response: Response, outcome: RequestOutcome) => void,
): Plugin {
  const seen = new WeakMap<Request, { startedAt: number; operationName?: string; outcome?: string }>();
  const named = (args: Parameters<typeof operationNameOf>[0] & { contextValue: unknown }) => {
    const entry = seen.get((args.contextValue as { request: Request }).request);
    if (entry) entry.operationName = operationNameOf(args);
  };
  return {
    onRequest({ request, url }) {
      if (url.pathname === '/graphql') seen.set(request, { startedAt: performance.now() });
    },
    onExecute: ({ args }) => named(args),
    onSubscribe: ({ args }) => named(args),
    onResultProcess({ request, result }) {
      const entry = seen.get(request);
      if (!entry) return;
      const first = isAsyncIterable(result) ? undefined : Array.isArray(result) ? result[0] : result;
      entry.outcome = outcomeOf(first?.errors);
    },
    onResponse({ request, response }) {
      const entry = seen.get(request);
      if (!entry) return;
      const finish = (outcome: string) =>
        report(request, response, {
          operationName: entry.operationName,
          outcome,
          durationMs: performance.now() - entry.startedAt,
        });
      if (entry.outcome) return finish(entry.outcome);
      if (!response.headers.get('content-type')?.includes('json')) return;
      return response
        .clone()
        .json()
        .then(
          (body: { errors?: { extensions?: Record<string, unknown> }[] }) => finish(outcomeOf(body.errors)),
          () => finish(response.ok ? OK_OUTCOME : 'BAD_REQUEST'),
        );
    },
  };
}
