/**
 * The cost limit: every operation is priced before it runs (`pricing.ts` says what each field
 * costs; Pothos' complexity plugin walks the document once, each fragment priced once, so pricing
 * is linear in the document). An operation over `MAX_QUERY_COST` is refused with
 * `QUERY_TOO_COSTLY` before any resolver runs; every response reports its cost in
 * `extensions.cost`, as GitHub's `rateLimit { cost }` does.
 *
 * Pricing runs when the operation is about to execute or subscribe, not as a validation rule,
 * because the price depends on the variables (`first: $first`) and Yoga caches validation per
 * document.
 */
import { complexityFromQuery } from '@pothos/plugin-complexity';
import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  GraphQLError,
  getOperationAST,
  Kind,
  type OperationDefinitionNode,
} from 'graphql';
import { isAsyncIterable, mapAsyncIterator, type Plugin } from 'graphql-yoga';
import { perOperation } from '../execution/per-operation-cache.ts';

/**
 * The most an operation may cost. The heaviest SDK operation asked for 100 items a page costs
 * less than half of it (a test keeps it so); docs/limits.md shows what fits.
 */
export const MAX_QUERY_COST = 50_000;

const costs = new WeakMap<Request, number>();

/** The cost of the operation `request` carried, once it was priced. */
export const costOf = (request: Request): number | undefined => costs.get(request);

/**
 * The operation `operationName` picks, with the document's fragments, as a document of its own: what
 * the complexity plugin prices. Null when the document holds no such operation.
 */
const operationDocument = perOperation(
  ({ document, operationName }): DocumentNode | null => {
    const operation = getOperationAST(document, operationName);
    return operation
      ? {
          kind: Kind.DOCUMENT,
          definitions: [
            operation,
            ...document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION),
          ],
        }
      : null;
  },
  (priced) => priced !== null,
);

/**
 * The variables a price can depend on, as a key: pricing.ts reads page sizes (`first`, `last`: Int)
 * and the length of ID lists (`nodes(ids:)`); Booleans are kept too, in case the complexity plugin
 * ever prices `@skip`/`@include` (4.2 does not). A variable of any other type (an ID, a search text, a filter object) cannot
 * reach a price, since validation binds a variable only where its type fits. Undefined when no
 * variable can matter, which is most lookups.
 */
export function priceKey(operation: OperationDefinitionNode, variables: Record<string, unknown>): string | undefined {
  let key: unknown[] | undefined;
  for (const definition of operation.variableDefinitions ?? []) {
    const type = definition.type.kind === Kind.NON_NULL_TYPE ? definition.type.type : definition.type;
    if (type.kind === Kind.NAMED_TYPE && type.name.value !== 'Int' && type.name.value !== 'Boolean') continue;
    key ??= [];
    key.push(variables[definition.variable.name.value] ?? null);
  }
  return key && JSON.stringify(key);
}

/** Prices kept per operation: the most variants of one operation's pricing variables remembered. */
const PRICES_PER_OPERATION = 256;

const pricesOf = perOperation(
  (): Map<string | undefined, number> => new Map(),
  () => true,
);

/**
 * The price of an operation with its variables; undefined when it cannot be priced (variables that
 * do not fit their types, no such operation), which execution then reports. The document was
 * validated already, so it is walked directly rather than through graphql's `validate`, which would
 * rebuild the type information of every node on each request. A price is kept per document,
 * operation and the variables it can depend on (`priceKey`), so a lookup sent again with another ID
 * is not walked again.
 */
export function priceOperation(args: ExecutionArgs): number | undefined {
  const document = operationDocument(args);
  if (!document) return undefined;
  const variables = args.variableValues ?? {};
  const prices = pricesOf(args);
  const key = priceKey(document.definitions[0] as OperationDefinitionNode, variables);
  const known = prices.get(key);
  if (known !== undefined) return known;
  try {
    const price = complexityFromQuery(document, {
      schema: args.schema,
      ctx: args.contextValue as object,
      variables,
    }).complexity;
    if (prices.size < PRICES_PER_OPERATION) prices.set(key, price);
    return price;
  } catch (error) {
    // Bad variables are GraphQLErrors, as are the complexity plugin's own refusals.
    if (error instanceof GraphQLError) return undefined;
    throw error;
  }
}

export const tooCostly = (cost: number) =>
  new GraphQLError(
    `This operation costs ${cost} points; the limit is ${MAX_QUERY_COST}. Each list multiplies what is selected under it by its page size (\`first\`/\`last\`, 20 when absent): ask for smaller pages, select fewer nested lists, or split it into several requests. docs/limits.md explains the prices.`,
    { extensions: { code: 'QUERY_TOO_COSTLY', cost, limit: MAX_QUERY_COST } },
  );

/** `result` with the operation's price in `extensions.cost`. */
export const withCost = (result: ExecutionResult, cost: number): ExecutionResult => ({
  ...result,
  extensions: { ...result.extensions, cost },
});

function priceOrRefuse(args: ExecutionArgs, refuse: (result: ExecutionResult) => void) {
  const request = (args.contextValue as { request?: Request }).request;
  const cost = priceOperation(args);
  if (cost === undefined) return;
  if (request) costs.set(request, cost);
  if (cost > MAX_QUERY_COST) refuse({ errors: [tooCostly(cost)] });
}

export const useCostLimit = (): Plugin => ({
  onExecute({ args, setResultAndStopExecution }) {
    priceOrRefuse(args, setResultAndStopExecution);
  },
  onSubscribe({ args, setResultAndStopExecution }) {
    priceOrRefuse(args, setResultAndStopExecution);
  },
  onExecutionResult({ request, result, setResult }) {
    const cost = costs.get(request) ?? 0;
    if (!result) return;
    if (isAsyncIterable(result)) {
      setResult(mapAsyncIterator(result, (item) => withCost(item, cost)));
    } else {
      setResult(withCost(result, cost));
    }
  },
});
