/**
 * Runs operations through graphql-jit: each operation of a document is compiled once into a
 * JavaScript function that walks exactly its selection, and later requests with the same document
 * call that function. graphql-js's executor interprets the document anew on every request (field
 * lookups, argument coercion, completion by type for each of a page's ~1,500 values), which the
 * benchmark's profile showed as the largest share of a page request after SQL.
 *
 * A plugin of our own rather than `@envelop/graphql-jit`: that one caches compiled queries by
 * document alone, so a document holding several operations answers every `operationName` with
 * the operation compiled first. Here the cache is per document and operation name.
 *
 * Variables that do not fit their types are refused with graphql-js's messages: graphql-jit's own
 * drop graphql-js's explanation (which enum values exist, what was expected where), and callers rely
 * on it (`BAD_USER_INPUT`, errors.ts). graphql-js coerces them only once graphql-jit has refused them,
 * not on every request (its coercion was a few percent of a point lookup's CPU).
 */
import {
  type ExecutionArgs,
  type ExecutionResult,
  GraphQLError,
  getOperationAST,
  getVariableValues,
  type OperationDefinitionNode,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { isPromise, makeExecute, makeSubscribe, type Plugin } from 'graphql-yoga';
import { perOperation } from './per-operation-cache.ts';

interface Compiled {
  operation: OperationDefinitionNode;
  query: CompiledQuery;
}

/** What a document and operation name compile to: the query, or the errors graphql-js would answer. */
type Compilation = Compiled | ExecutionResult;

function compile(args: ExecutionArgs): Compilation {
  const operation = getOperationAST(args.document, args.operationName);
  if (!operation) {
    const message = args.operationName
      ? `Unknown operation named "${args.operationName}".`
      : 'Must provide operation name if query contains multiple operations.';
    return { errors: [new GraphQLError(message)] };
  }
  const query = compileQuery(args.schema, args.document, operation.name?.value);
  return isCompiledQuery(query) ? { operation, query } : query;
}

/** Compiled once per document (Yoga keeps one parsed document per text) and operation name. */
const compiled = perOperation(compile, (compilation) => 'query' in compilation);

function run(args: ExecutionArgs, mode: 'query' | 'subscribe') {
  const compilation = compiled(args);
  if (!('query' in compilation)) return compilation;
  const { operation, query } = compilation;
  const refusedVariables = () =>
    getVariableValues(args.schema, operation.variableDefinitions ?? [], args.variableValues ?? {}).errors;
  if (mode === 'subscribe') {
    const errors = refusedVariables();
    if (errors) return { errors };
    return (query.subscribe ?? query.query)(args.rootValue, args.contextValue, args.variableValues);
  }
  const result = query.query(args.rootValue, args.contextValue, args.variableValues);
  // graphql-jit answers errors without data only when it refused the variables.
  if (isPromise(result) || !result.errors || 'data' in result) return result;
  const errors = refusedVariables();
  return errors ? { errors } : result;
}

const executeCompiled = makeExecute((args) => run(args, 'query'));
const subscribeCompiled = makeSubscribe((args) => run(args, 'subscribe'));

/** Executes and subscribes with compiled operations; put it after the plugins that refuse operations. */
export const useCompiledExecution = (): Plugin => ({
  onExecute({ setExecuteFn }) {
    setExecuteFn(executeCompiled);
  },
  onSubscribe({ setSubscribeFn }) {
    setSubscribeFn(subscribeCompiled);
  },
});
