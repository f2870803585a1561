import fc from 'fast-check';
import { inject } from 'vitest';

/**
 * Property tests explore: each run draws a fresh seed (chosen once per run by
 * fast-check-global.ts and printed; `FC_SEED=<seed>` replays it) on top of a fixed set of
 * regression seeds that run every time, so what once failed stays covered.
 *
 * `assertProperty` runs a property under every regression seed and then under the fresh one.
 * A plain `fc.assert` runs under the fresh seed only (it is the global default).
 * When a fresh seed finds a bug: pin the counterexample as a worked test, and add the seed here
 * (or, for a bug of one property, pass it as that property's `seeds`, the third argument: every
 * seed here runs every property of the suite).
 */
export const REGRESSION_SEEDS: readonly number[] = [
  20261125, // the suite's only seed until issue 13
];

/** This run's fresh seed (FC_SEED when given). */
export function freshSeed(): number {
  const provided = inject('fcSeed');
  if (typeof provided === 'number') return provided;
  const env = Number(process.env.FC_SEED);
  return Number.isSafeInteger(env) ? env : REGRESSION_SEEDS[0];
}

fc.configureGlobal({ seed: freshSeed() });

export function assertProperty<Ts>(property: fc.IProperty<Ts>, params: fc.Parameters<Ts> = {}, seeds: readonly number[] = []): void {
  for (const seed of [...REGRESSION_SEEDS, ...seeds, freshSeed()]) {
    try {
      fc.assert(property, { ...params, seed });
    } catch (error) {
      const kind = REGRESSION_SEEDS.includes(seed) || seeds.includes(seed) ? 'regression seed' : 'fresh seed';
      (error as Error).message = `[${kind} ${seed}; replay with FC_SEED=${seed}] ${(error as Error).message}`;
      throw error;
    }
  }
}

/** assertProperty for an `fc.asyncProperty`: every regression seed, then the fresh one. */
export async function assertAsyncProperty<Ts>(property: fc.IAsyncProperty<Ts>, params: fc.Parameters<Ts> = {}): Promise<void> {
  for (const seed of [...REGRESSION_SEEDS, freshSeed()]) {
    try {
      await fc.assert(property, { ...params, seed });
    } catch (error) {
      const kind = REGRESSION_SEEDS.includes(seed) ? 'regression seed' : 'fresh seed';
      (error as Error).message = `[${kind} ${seed}; replay with FC_SEED=${seed}] ${(error as Error).message}`;
      throw error;
    }
  }
}
