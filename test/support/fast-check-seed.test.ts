import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REGRESSION_SEEDS, assertAsyncProperty, assertProperty, freshSeed } from './fast-check-seed';

const TEST = fileURLToPath(new URL('../', import.meta.url));
const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

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

  it("a property's own regression seeds run after the suite's, before the fresh one, and a failure names them", () => {
    const firstValues: number[] = [];
    let runs = 0;
    assertProperty(fc.property(fc.integer(), (n) => { if (runs++ % 2 === 0) firstValues.push(n); }), { numRuns: 2 }, [322085687]);
    const expected = [...REGRESSION_SEEDS, 322085687, freshSeed()].map((seed) => fc.sample(fc.integer(), { seed, numRuns: 1 })[0]);
    expect(firstValues).toEqual(expected);
    let calls = 0;
    // Passes under the suite's seeds, fails under the property's own.
    expect(() => assertProperty(fc.property(fc.integer(), () => calls++ < REGRESSION_SEEDS.length), { numRuns: 1 }, [5])).toThrow('[regression seed 5; replay with FC_SEED=5]');
  });

  it('a failure names the seed to replay it with', () => {
    expect(() => assertProperty(fc.property(fc.integer(), () => false), { numRuns: 1 })).toThrow(`[regression seed ${REGRESSION_SEEDS[0]}; replay with FC_SEED=${REGRESSION_SEEDS[0]}]`);
  });

  it('assertAsyncProperty does the same for an async property, and names the seed of a failure', async () => {
    let runs = 0;
    await assertAsyncProperty(fc.asyncProperty(fc.integer(), async () => void runs++), { numRuns: 3 });
    expect(runs).toBe(3 * (REGRESSION_SEEDS.length + 1));
    await expect(assertAsyncProperty(fc.asyncProperty(fc.integer(), async () => false), { numRuns: 1 })).rejects.toThrow(`[regression seed ${REGRESSION_SEEDS[0]};`);
  });

  it('no test calls fc.assert itself: every property goes through assertProperty, so its seed is printed and replayable', () => {
    const direct = files(TEST)
      .filter((f) => !f.endsWith(join('support', 'fast-check-seed.ts')))
      .filter((f) => /\bfc\.assert\(/.test(readFileSync(f, 'utf8')))
      .map((f) => f.slice(TEST.length));
    expect(direct).toEqual([]);
  });
});
