/**
 * A seeded pseudo-random source. Hand-written (mulberry32, a few lines) rather than a library so
 * that the same seed gives the same database on every machine and every version of every
 * dependency: a cached benchmark database and a test fixture must never change under us.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /**
   * An index in [0, size) where index k is drawn with probability about 1/(k+1): a Zipf-like long
   * tail, so the first few indexes are common and most are rare.
   */
  longTail(size: number): number;
  /** An index into `weights`, drawn in proportion to the weights. */
  weighted(weights: readonly number[]): number;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    // Log-uniform over [1, size + 1) has density 1/x: the inverse-CDF draw of a Zipf law with exponent 1.
    longTail: (size) => Math.min(size - 1, Math.floor(Math.exp(next() * Math.log(size + 1))) - 1),
    weighted: (weights) => {
      let total = 0;
      for (const weight of weights) total += weight;
      let draw = next() * total;
      for (let index = 0; index < weights.length; index++) {
        draw -= weights[index]!;
        if (draw < 0) return index;
      }
      return weights.length - 1;
    },
  };
}
