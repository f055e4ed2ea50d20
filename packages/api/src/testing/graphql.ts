import type { BilateralYoga } from '../yoga.ts';

export interface GraphQLResponse<Data = any> {
  data?: Data;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions?: { code?: string; argument?: string } & Record<string, unknown>;
  }[];
  extensions?: { cost?: number } & Record<string, unknown>;
}

/** Runs one operation through the Yoga handler in-process, as an HTTP client would send it. */
export async function execute<Data = any>(
  yoga: BilateralYoga,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<Data>> {
  const response = await yoga.fetch('http://bilateral.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<Data>;
}
