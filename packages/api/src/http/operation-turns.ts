/**
 * At most one GraphQL operation starts per turn of the event loop; the others wait, in arrival order,
 * for the turns that follow. Without this a turn runs every request that arrived on every socket, and
 * libuv (1.45 and later, in Node 20) accepts only one new connection per turn: under 100 connections
 * opened at once, a turn lasted about 100 pages, and the last connections waited seconds in the
 * kernel's accept queue before their first request was read (a page's p99 45× its p50; the floor
 * baseline, plain node:http, did the same). With one operation a turn, connections are accepted at
 * the pace operations are answered, and no socket is read long before another. An operation that
 * arrives while no other started in this turn runs at once, so an idle server adds no wait.
 * Hand-written: the queues on npm (p-queue and the like) bound concurrency, not work per turn.
 */
import type { Plugin } from 'graphql-yoga';

export interface OperationTurns {
  /** Undefined when the operation may start now, else a promise settled on its turn. */
  take(): Promise<void> | undefined;
  readonly waitingCount: number;
}

export function createOperationTurns(): OperationTurns {
  const waiting: (() => void)[] = [];
  let startedThisTurn = false;
  // Runs in the check phase, after the turn's I/O: hands the next turn to the first waiter.
  const endTurn = () => {
    const next = waiting.shift();
    if (!next) {
      startedThisTurn = false;
      return;
    }
    setImmediate(endTurn);
    next();
  };
  return {
    take() {
      if (!startedThisTurn) {
        startedThisTurn = true;
        setImmediate(endTurn);
        return undefined;
      }
      return new Promise((resolve) => waiting.push(resolve));
    },
    get waitingCount() {
      return waiting.length;
    },
  };
}

/** Holds each GraphQL operation, once its parameters are read, until its turn (parsing, validation and execution follow). */
export function useOperationTurns(turns: OperationTurns = createOperationTurns()): Plugin {
  return {
    onParams() {
      return turns.take();
    },
  };
}
