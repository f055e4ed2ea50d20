/**
 * Baseline "cached": the naive baseline's schema and resolvers (one statement per parent row), but
 * each document is parsed and validated once per text and the parsed document reused, as Yoga's own
 * parser and validation caches do. What is left per request is graphql-js's execution and the
 * JSON: the cost a GraphQL server cannot avoid without compiling its queries.
 */
import { type DocumentNode, execute, GraphQLError, parse, validate } from 'graphql';
import { naiveRoot, naiveSchema } from './naive.ts';
import type { Database, GraphQLHandler } from './wire.ts';

/** A real server bounds this cache; the benchmark sends a handful of documents. */
type Parsed = { document: DocumentNode } | { errors: readonly GraphQLError[] };

function parseAndValidate(text: string): Parsed {
  try {
    const document = parse(text);
    const errors = validate(naiveSchema, document);
    return errors.length ? { errors } : { document };
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [error] };
    throw error;
  }
}

export function createCachedHandler(db: Database): GraphQLHandler {
  const rootValue = naiveRoot(db);
  const documents = new Map<string, Parsed>();
  return async ({ query, variables, operationName }) => {
    let parsed = documents.get(query);
    if (!parsed) {
      parsed = parseAndValidate(query);
      documents.set(query, parsed);
    }
    if ('errors' in parsed) return JSON.stringify({ errors: parsed.errors });
    return JSON.stringify(
      await execute({
        schema: naiveSchema,
        document: parsed.document,
        rootValue,
        variableValues: variables,
        operationName,
      }),
    );
  };
}
