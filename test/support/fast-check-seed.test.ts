import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { REGRESSION_SEEDS, assertProperty, freshSeed } from './fast-check-seed';

describe('fast-check seeds: fresh each run, on top of the regression seeds', () => {
  it('the fresh seed is the one FC_SEED names, or an integer drawn for this run', () => {
    const seed = freshSeed();
    expect(Number.isSafeInteger(seed)).toBe(true);
    if (process.env.FC_SEED) expect(seed).toBe(Number(process.env.FC_SEED));
    expect(fc.readConfigureGlobal().seed).toBe(seed);
  });

  it('assertProperty runs every regression seed and then the fresh one', () => {
    const firstValues: number[] = [];
    let runs = 0;
    assertProperty(
      fc.property(fc.integer(), (n) => {
        if (runs++ % 5 === 0) firstValues.push(n);
      }),
      { numRuns: 5 },
    );
    expect(runs).toBe(5 * (REGRESSION_SEEDS.length + 1));
    const expected = [...REGRESSION_SEEDS, freshSeed()].map((seed) => fc.sample(fc.integer(), { seed, numRuns: 1 })[0]);
    expect(firstValues).toEqual(expected);
  });

  it('a failure names the seed to replay it with', () => {
    expect(() => assertProperty(fc.property(fc.integer(), () => false), { numRuns: 1 })).toThrow(`[regression seed ${REGRESSION_SEEDS[0]}; replay with FC_SEED=${REGRESSION_SEEDS[0]}]`);
  });
});
