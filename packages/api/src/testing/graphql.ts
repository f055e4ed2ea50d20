import type { BilateralYoga } from '../yoga.ts';

/**
 * What a test reads from `data` unless it names a type: each test's query decides the shape and
 * the test reads it by path, as a client would; TypeScript has no type for that but `any`.
 */
// biome-ignore lint/suspicious/noExplicitAny: untyped test responses are read by path (see above).
type UntypedData = any;

export interface GraphQLResponse<Data = UntypedData> {
  data?: Data;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions?: { code?: string; argument?: string } & Record<string, unknown>;
  }[];
  extensions?: { cost?: number } & Record<string, unknown>;
}

/** Runs one operation through the Yoga handler in-process, as an HTTP client would send it. */
export async function execute<Data = UntypedData>(
  yoga: BilateralYoga,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<Data>> {
  return (await executeOverHttp<Data>(yoga, query, variables, headers)).body;
}

/** As `execute`, with the HTTP status and headers of the answer. */
export async function executeOverHttp<Data = UntypedData>(
  yoga: BilateralYoga,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: GraphQLResponse<Data> }> {
  const response = await yoga.fetch('http://bilateral.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse<Data> };
}
