import { expect } from 'vitest';
import type { BilateralYoga } from '../yoga.ts';

/** Generous, so a loaded machine never makes it flake; the figures that matter come from `bench:hostile`. */
export const ANSWER_BOUND_MS = 2_000;

export interface HostileRequest {
  /** Sent as the JSON body of a POST unless `method` is GET. */
  body?: unknown;
  method?: 'GET' | 'POST';
  /** Query-string parameters of a GET. */
  params?: Record<string, string>;
  headers?: Record<string, string>;
}

export interface HostileAnswer {
  status: number;
  headers: Headers;
  text: string;
  body: { errors?: { message: string; extensions?: Record<string, unknown> }[]; extensions?: Record<string, unknown> };
  ms: number;
}

export async function send(yoga: BilateralYoga, request: HostileRequest): Promise<HostileAnswer> {
  const started = performance.now();
  const url = new URL('http://bilateral.test/graphql');
  for (const [name, value] of Object.entries(request.params ?? {})) url.searchParams.set(name, value);
  const response = await yoga.fetch(url, {
    method: request.method ?? 'POST',
    headers: {
      // The legacy media type, so GraphQL errors come back as 200 and the status reflects only the transport.
      accept: 'application/json',
      ...(request.method === 'GET' ? {} : { 'content-type': 'application/json' }),
      ...request.headers,
    },
    body: request.method === 'GET' ? undefined : JSON.stringify(request.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: JSON.parse(text),
    ms: performance.now() - started,
  };
}

const PLAIN = '{ events(first: 2) { totalCount edges { node { slug } } } }';

/** The server still answers an ordinary query, with its data. */
export async function expectStillServing(yoga: BilateralYoga, headers: Record<string, string> = {}) {
  const answer = await send(yoga, { body: { query: PLAIN }, headers });
  expect(answer.status).toBe(200);
  expect(answer.body.errors).toBeUndefined();
  expect((answer.body as { data: { events: { totalCount: number } } }).data.events.totalCount).toBeGreaterThan(0);
}

/**
 * Refused with `code`, quickly, without a stack trace, and the server answers a plain query
 * afterwards (sent with `plainHeaders`: rate-limit tests send it as another client).
 */
export async function expectRefused(
  yoga: BilateralYoga,
  request: HostileRequest,
  code: string,
  status = 200,
  plainHeaders: Record<string, string> = {},
) {
  const answer = await send(yoga, request);
  expect(answer.body.errors?.map((error) => error.extensions?.code)).toContain(code);
  expect(answer.status).toBe(status);
  expect(answer.text).not.toMatch(/\bat \S+ \(|\.ts:\d+|\.js:\d+|"stack"/);
  expect(answer.ms).toBeLessThan(ANSWER_BOUND_MS);
  await expectStillServing(yoga, plainHeaders);
  return answer;
}
