/**
 * Costly requests are admitted a few at a time, so they cannot starve cheap ones. SQLite runs on the
 * request thread, so every whole-dataset request that runs holds the thread for its whole scan;
 * ten of them at once at a million events kept another client's page of 20 waiting seconds. A query
 * priced at `COSTLY_PRICE` or more (every whole-dataset scan: statistics, the cooperation index,
 * search, the network, TimelineJS) takes a slot before it executes: `running` run at once, up to
 * `waiting` more wait for a slot without holding the thread, and the rest are answered at once with
 * `BUSY` (HTTP 503, `retryable`, `Retry-After`). A slot is handed to the next waiter only after a turn
 * of the event loop, so the cheap requests that arrived during a scan are served between two scans.
 * Mutations and subscriptions are never held. Hand-written: the concurrency limiters on npm
 * (p-limit and the like) queue without bound and cannot refuse.
 */
import { GraphQLError, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ErrorCode } from '../errors.ts';
import { costOf } from './cost-limit.ts';
import { SCAN_FIELD_COST } from './pricing.ts';

/** A query priced at least this much reads the whole (filtered) dataset, or as much as one that does. */
export const COSTLY_PRICE = SCAN_FIELD_COST;

export interface AdmissionOptions {
  /** Costly queries that run at once, per serving process. */
  running: number;
  /** Costly queries that may wait for a slot, per serving process; more are refused with BUSY. */
  waiting: number;
}

export const DEFAULT_ADMISSION: AdmissionOptions = { running: 1, waiting: 4 };

/** How long a scan took recently, for `Retry-After`: a moving average, starting from a guess. */
const INITIAL_SCAN_MS = 500;
const AVERAGE_WEIGHT = 0.2;

export interface AdmissionGate {
  readonly limits: AdmissionOptions;
  /** A release function once a slot is free, or undefined when the queue is full (answer BUSY). */
  enter(): Promise<() => void> | undefined;
  /** Seconds after which a refused client may find a slot: the queue ahead of it at the recent pace. */
  retryAfterSeconds(): number;
  readonly runningCount: number;
  readonly waitingCount: number;
}

export function createAdmissionGate(
  limits: AdmissionOptions = DEFAULT_ADMISSION,
  now = () => performance.now(),
): AdmissionGate {
  const { running, waiting } = limits;
  let active = 0;
  const queue: (() => void)[] = [];
  let averageMs = INITIAL_SCAN_MS;
  const admit = (): (() => void) => {
    active++;
    const started = now();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      averageMs += (now() - started - averageMs) * AVERAGE_WEIGHT;
      // After a turn of the event loop: I/O that arrived during the scan (cheap requests) goes first.
      setImmediate(() => {
        active--;
        queue.shift()?.();
      });
    };
  };
  return {
    limits,
    enter() {
      if (active < running && queue.length === 0) return Promise.resolve(admit());
      if (queue.length >= waiting) return undefined;
      return new Promise((resolve) => queue.push(() => resolve(admit())));
    },
    retryAfterSeconds: () => Math.max(1, Math.ceil(((active + queue.length) * averageMs) / running / 1000)),
    get runningCount() {
      return active;
    },
    get waitingCount() {
      return queue.length;
    },
  };
}

export const serverBusy = (gate: AdmissionGate) => {
  const { running, waiting } = gate.limits;
  const retryAfter = gate.retryAfterSeconds();
  return new GraphQLError(
    `The server is already running ${running} costly request${running === 1 ? '' : 's'} (priced at ${COSTLY_PRICE.toLocaleString('en')} points or more: statistics, the cooperation index, search, the network, TimelineJS) with ${waiting} waiting, the most it takes at once. Retry in ${retryAfter} s; cheaper requests are answered meanwhile.`,
    {
      extensions: {
        code: 'BUSY' satisfies ErrorCode,
        retryable: true,
        retryAfter,
        http: { status: 503, headers: { 'Retry-After': String(retryAfter) } },
      },
    },
  );
};

/**
 * Reads `COSTLY_REQUESTS_AT_ONCE` and `COSTLY_REQUESTS_WAITING`; absent or malformed settings keep
 * the defaults.
 */
export function admissionFromEnv(env: NodeJS.ProcessEnv = process.env): AdmissionOptions {
  const count = (value: string | undefined, fallback: number, least: number) => {
    const parsed = Number(value);
    return value?.trim() && Number.isInteger(parsed) && parsed >= least ? parsed : fallback;
  };
  return {
    running: count(env.COSTLY_REQUESTS_AT_ONCE, DEFAULT_ADMISSION.running, 1),
    waiting: count(env.COSTLY_REQUESTS_WAITING, DEFAULT_ADMISSION.waiting, 0),
  };
}

/**
 * Holds each costly query until the gate admits it, or answers BUSY. Register it after the plugins
 * that price the operation (`useCostLimit`) and replace the executor (`useCompiledExecution`): it
 * wraps the executor it finds, so the slot is released however execution ends.
 */
export function useCostlyAdmission(gate: AdmissionGate): Plugin {
  return {
    // Synchronous for a cheap query (nearly every request): only a costly one waits for the gate.
    onExecute({ args, executeFn, setExecuteFn, setResultAndStopExecution }) {
      const request = (args.contextValue as { request?: Request }).request;
      const cost = request ? costOf(request) : undefined;
      if (cost === undefined || cost < COSTLY_PRICE) return;
      if (getOperationAST(args.document, args.operationName)?.operation === 'mutation') return;
      const entered = gate.enter();
      if (!entered) {
        setResultAndStopExecution({ errors: [serverBusy(gate)] });
        return;
      }
      return entered.then((release) => {
        setExecuteFn(async (executionArgs) => {
          try {
            return await executeFn(executionArgs);
          } finally {
            release();
          }
        });
      });
    },
  };
}
