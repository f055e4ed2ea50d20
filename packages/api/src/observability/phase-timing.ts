/**
 * Histograms of the time each GraphQL phase takes (parse, validate, execute, subscribe), by
 * operation. Timed with `performance.now()`, to the microsecond: a parse or validation Yoga
 * answers from its caches takes a few microseconds, which GraphQL Yoga's Prometheus plugin
 * (`Date.now()`, whole milliseconds) recorded as 0. Hand-written rather than that plugin, too,
 * because it is one observation per phase and nothing else: the plugin built label parameters
 * and looked up the operation for every phase of every request, several times what the
 * observations cost.
 */
import { performance } from 'node:perf_hooks';
import { type DocumentNode, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Registry } from 'prom-client';
import { RequestHistogram } from './request-metrics.ts';

export type Phase = 'parse' | 'validate' | 'execute' | 'subscribe';

export interface PhaseTimingOptions {
  registry: Registry;
  /** The bounded label an operation name is counted under (operation-names.ts). */
  label: (name: string | null | undefined) => string;
  /** Bucket bounds in seconds. */
  buckets: number[];
}

const HELP: Record<Phase, string> = {
  parse: 'Time to parse a document (a few microseconds when Yoga has parsed the same text before).',
  validate: 'Time to validate a document (a few microseconds when Yoga has validated the same text before).',
  execute: 'Time to execute an operation.',
  subscribe: 'Time to start a subscription.',
};

/** The name a request sent with its document, from the parameters Yoga (or the WebSocket server) put in the context. */
const sentName = (context: unknown) =>
  (context as { params?: { operationName?: string | null } } | undefined)?.params?.operationName;

/** The name of the operation that runs: the one asked for, or the document's only one. */
const operationName = (document: DocumentNode | undefined, asked: string | null | undefined) =>
  document ? (getOperationAST(document, asked)?.name?.value ?? asked) : asked;

const seconds = (startedAt: number) => (performance.now() - startedAt) / 1000;

export function usePhaseTiming({ registry, label, buckets }: PhaseTimingOptions): Plugin {
  const histogram = (phase: Phase) =>
    new RequestHistogram({
      name: `graphql_envelop_phase_${phase}`,
      help: HELP[phase],
      labelNames: ['operation'],
      buckets,
      registers: [registry],
    });
  const parse = histogram('parse');
  const validate = histogram('validate');
  const execute = histogram('execute');
  const subscribe = histogram('subscribe');
  return {
    onParse({ context }) {
      const startedAt = performance.now();
      return ({ result }) => {
        const document = result && !(result instanceof Error) ? result : undefined;
        parse.observe({ operation: label(operationName(document, sentName(context))) }, seconds(startedAt));
      };
    },
    onValidate({ context, params }) {
      const startedAt = performance.now();
      return () =>
        validate.observe(
          { operation: label(operationName(params.documentAST, sentName(context))) },
          seconds(startedAt),
        );
    },
    onExecute({ args }) {
      const startedAt = performance.now();
      return {
        onExecuteDone: () =>
          execute.observe({ operation: label(operationName(args.document, args.operationName)) }, seconds(startedAt)),
      };
    },
    onSubscribe({ args }) {
      const startedAt = performance.now();
      return {
        onSubscribeResult: () =>
          subscribe.observe({ operation: label(operationName(args.document, args.operationName)) }, seconds(startedAt)),
      };
    },
  };
}
