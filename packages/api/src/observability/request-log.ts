/**
 * `LOG_FORMAT=json`: one JSON line per GraphQL request, for log pipelines that parse lines:
 *
 *   {"time":"2026-12-07T18:00:00.000Z","level":"info","msg":"request","requestId":"…","traceId":"…",
 *    "operation":"Events","cost":1040,"durationMs":3.2,"status":200,"outcome":"OK","client":"key:4"}
 *
 * The request ID is the caller's `X-Request-Id` when it is a plain token, else a new UUID; it is sent
 * back in `X-Request-Id`. The trace ID is the request's trace (tracing.ts) or, with tracing off, the
 * one in its `traceparent`. The client is who the rate limit charges: `key:<id>` for a valid API key,
 * else `ip:<address>` (after `TRUST_PROXY`). Never logged: a key or any header's value, variables,
 * and the text of a document (the operation is its name, at most 100 characters).
 *
 * Written without a logging library: each line is one JSON.stringify and one write.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { BilateralStore } from '@bilateral/store';
import type { Plugin } from 'graphql-yoga';
import { costOf } from '../limits/cost-limit.ts';
import { clientOf, type NodeServerContext } from '../limits/rate-limit.ts';
import { oneLine } from '../logging.ts';
import { useRequestOutcomes } from './request-outcome.ts';

export type LogFormat = 'text' | 'json';

/** `LOG_FORMAT`: `text` (the default, human-readable lines) or `json`. */
export function logFormatFromEnv(value = process.env.LOG_FORMAT): LogFormat {
  const format = (value ?? '').trim().toLowerCase() || 'text';
  if (format === 'text' || format === 'json') return format;
  throw new Error(`LOG_FORMAT must be text or json; got "${value}".`);
}

export interface RequestLogLine {
  time: string;
  level: 'info';
  msg: 'request';
  requestId: string;
  traceId: string | null;
  operation: string | null;
  cost: number | null;
  durationMs: number;
  status: number;
  outcome: string;
  client: string;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;
const TRACEPARENT = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/;
const MAX_OPERATION_NAME = 100;

export interface RequestLogOptions {
  store: BilateralStore;
  trustedProxies: number;
  /** The request's trace ID when tracing is on. */
  traceIdOf?: (request: Request) => string | undefined;
  write?: (line: string) => void;
}

export function useRequestLog({
  store,
  trustedProxies,
  traceIdOf,
  write = (line) => process.stdout.write(`${line}\n`),
}: RequestLogOptions): Plugin {
  const started = new WeakMap<Request, { at: number; requestId: string; client: string }>();
  const outcomes = useRequestOutcomes((request, response, { operationName, outcome }) => {
    const start = started.get(request);
    if (!start) return;
    const traceparent = TRACEPARENT.exec(request.headers.get('traceparent') ?? '');
    const line: RequestLogLine = {
      time: new Date().toISOString(),
      level: 'info',
      msg: 'request',
      requestId: start.requestId,
      traceId: traceIdOf?.(request) ?? traceparent?.[1] ?? null,
      operation: operationName ? oneLine(operationName).slice(0, MAX_OPERATION_NAME) : null,
      cost: costOf(request) ?? null,
      durationMs: Math.round((performance.now() - start.at) * 100) / 100,
      status: response.status,
      outcome,
      client: start.client,
    };
    write(JSON.stringify(line));
  });
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(outcomes);
    },
    onRequest({ request, serverContext }) {
      const sent = request.headers.get('x-request-id');
      const start = {
        at: performance.now(),
        requestId: sent && REQUEST_ID.test(sent) ? sent : randomUUID(),
        client: '',
      };
      started.set(request, start);
      // Looked up on arrival, as the rate limit does, so the line is written as the response goes.
      const client = clientOf(store, request, serverContext as NodeServerContext, trustedProxies);
      if (!(client instanceof Promise)) start.client = client;
      else
        return client.then((found) => {
          start.client = found;
        });
    },
    onResponse({ request, response }) {
      const start = started.get(request);
      if (start) response.headers.set('x-request-id', start.requestId);
    },
  };
}
