import { describe, expect, it } from 'vitest';
import { createOperationTurns } from './operation-turns.ts';

/** Counts turns of the event loop: the count goes up once in each check phase. */
function turnCounter() {
  let turn = 0;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    turn++;
    setImmediate(tick);
  };
  setImmediate(tick);
  return {
    now: () => turn,
    stop: () => {
      stopped = true;
    },
  };
}

describe('operation turns', () => {
  it('starts an operation at once when none started in this turn', async () => {
    const turns = createOperationTurns();
    expect(turns.take()).toBeUndefined();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(turns.take()).toBeUndefined();
  });

  it('starts a burst of operations one per turn, in arrival order', async () => {
    const turns = createOperationTurns();
    const counter = turnCounter();
    const started: { name: string; turn: number }[] = [];
    expect(turns.take()).toBeUndefined();
    const waits = ['b', 'c', 'd', 'e'].map((name) =>
      turns.take()!.then(() => started.push({ name, turn: counter.now() })),
    );
    expect(turns.waitingCount).toBe(4);
    await Promise.all(waits);
    counter.stop();
    expect(started.map(({ name }) => name)).toEqual(['b', 'c', 'd', 'e']);
    for (let index = 1; index < started.length; index++)
      expect(started[index]!.turn).toBe(started[index - 1]!.turn + 1);
    expect(turns.waitingCount).toBe(0);
  });

  it('lets the event loop run between two operations of a burst', async () => {
    const turns = createOperationTurns();
    const order: string[] = [];
    const work = (name: string) => {
      order.push(name);
      // Each operation takes 2 ms, so the timer below is due once the first has run.
      const until = performance.now() + 2;
      while (performance.now() < until);
    };
    turns.take();
    const waits = ['b', 'c', 'd'].map((name) => turns.take()!.then(() => work(name)));
    setTimeout(() => order.push('timer'), 1);
    await Promise.all(waits);
    expect(order).toEqual(['b', 'timer', 'c', 'd']);
  });
});
