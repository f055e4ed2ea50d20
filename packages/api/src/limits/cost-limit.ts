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
import { createComplexityRule } from '@pothos/plugin-complexity';
import { type ExecutionArgs, type ExecutionResult, GraphQLError, validate } from 'graphql';
import { isAsyncIterable, mapAsyncIterator, type Plugin } from 'graphql-yoga';

/**
 * The most an operation may cost. The heaviest SDK operation asked for 100 items a page costs
 * less than half of it (a test keeps it so); docs/limits.md shows what fits.
 */
export const MAX_QUERY_COST = 50_000;

const costs = new WeakMap<Request, number>();

/** The cost of the operation `request` carried, once it was priced. */
export const costOf = (request: Request): number | undefined => costs.get(request);

/** The price of an operation with its variables, or the errors that kept it from being priced (bad variables). */
export function priceOperation(args: ExecutionArgs): { cost: number } | { errors: readonly GraphQLError[] } {
  let cost = 0;
  const errors = validate(args.schema, args.document, [
    createComplexityRule({
      context: args.contextValue as object,
      variableValues: (args.variableValues ?? {}) as Record<string, unknown>,
      operationName: args.operationName,
      onResult: (result) => {
        cost = result.complexity;
      },
    }),
  ]);
  return errors.length > 0 ? { errors } : { cost };
}

export const tooCostly = (cost: number) =>
  new GraphQLError(
    `This operation costs ${cost} points; the limit is ${MAX_QUERY_COST}. Each list multiplies what is selected under it by its page size (\`first\`/\`last\`, 20 when absent): ask for smaller pages, select fewer nested lists, or split it into several requests. docs/limits.md explains the prices.`,
    { extensions: { code: 'QUERY_TOO_COSTLY', cost, limit: MAX_QUERY_COST } },
  );

const withCost = (result: ExecutionResult, cost: number): ExecutionResult => ({
  ...result,
  extensions: { ...result.extensions, cost },
});

function priceOrRefuse(args: ExecutionArgs, refuse: (result: ExecutionResult) => void) {
  const request = (args.contextValue as { request?: Request }).request;
  const priced = priceOperation(args);
  // Variables that do not fit their types: execution reports them with BAD_USER_INPUT.
  if ('errors' in priced) return;
  if (request) costs.set(request, priced.cost);
  if (priced.cost > MAX_QUERY_COST) refuse({ errors: [tooCostly(priced.cost)] });
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
