import type { BilateralStore } from '@bilateral/store';
import { createChangeBus } from '../live/changes.ts';

/**
 * A change bus that counts its `eventChanged` subscribers, so that a test can wait until a
 * subscription is live before it writes, instead of sleeping for a guessed time. (A subscription
 * registers once its stream is read, not when the response starts.)
 */
export function countedChangeBus(store: BilateralStore, options: Parameters<typeof createChangeBus>[2] = {}) {
  let subscribers = 0;
  const waiting = new Set<{ count: number; resolve: () => void }>();
  const settle = () => {
    for (const waiter of waiting)
      if (waiter.count === subscribers) {
        waiting.delete(waiter);
        waiter.resolve();
      }
  };
  class CountingTarget extends EventTarget {
    override addEventListener(...args: Parameters<EventTarget['addEventListener']>) {
      super.addEventListener(...args);
      subscribers++;
      settle();
    }
    override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>) {
      super.removeEventListener(...args);
      subscribers--;
      settle();
    }
  }
  return {
    changes: createChangeBus(store, new CountingTarget(), options),
    subscribers: () => subscribers,
    /** Resolves once exactly `count` subscribers are registered; the test's timeout bounds the wait. */
    subscribed: (count: number) =>
      new Promise<void>((resolve) => {
        waiting.add({ count, resolve });
        settle();
      }),
  };
}
