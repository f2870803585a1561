import { mulberry32 as engineRandom } from '../engine/backtest/prng';
/**
 * mulberry32: a tiny, fast 32-bit seeded generator (Tommy Ettinger's public-domain design).
 * Not cryptographic; enough to make test households that are the same on every machine for
 * the same seed. Math.random is never used by the generators, so a seed names a household.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Index drawn with probability proportional to weights[i] (all >= 0, sum > 0). */
  weighted(weights: readonly number[]): number;
  /** Standard normal (Box-Muller). */
  normal(): number;
  shuffle<T>(items: readonly T[]): T[];
}

export function mulberry32(seed: number): Rng {
  // The engine's generator (src/engine/backtest/prng.ts) gives the uniform draws; this adds the
  // helpers test households need.
  const next = engineRandom(seed).next;
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted: (weights) => {
      const total = weights.reduce((a, w) => a + w, 0);
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i];
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
    normal: () => {
      const u = Math.max(next(), 1e-12);
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
  };
  return rng;
}
