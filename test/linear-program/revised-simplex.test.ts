import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LinearProgramBuilder, solveLinearProgram, type LinearProgram } from '../../src/engine/linear-program';
import { solveWithHighs } from './highs-reference';
import { plannerShapedModel } from './planner-shaped-model';
import { assertAsyncProperty } from '../support/fast-check-seed';

describe('solveLinearProgram on LPs with known answers', () => {
  it('finds the textbook optimum with its shadow prices (max 3x + 5y: 36 at x = 2, y = 6)', () => {
    const lp = new LinearProgramBuilder();
    const x = lp.column('x', { cost: -3 });
    const y = lp.column('y', { cost: -5 });
    lp.row('plant 1', [[x, 1]], { upper: 4 });
    lp.row('plant 2', [[y, 2]], { upper: 12 });
    lp.row('plant 3', [[x, 3], [y, 2]], { upper: 18 });
    const solution = solveLinearProgram(lp.build());
    expect(solution.status).toBe('optimal');
    expect(solution.objective).toBeCloseTo(-36, 9);
    expect([...solution.x]).toEqual([expect.closeTo(2, 9), expect.closeTo(6, 9)]);
    // One more hour in plant 2 is worth 1.5, in plant 3 worth 1; plant 1 has slack.
    expect([...solution.duals]).toEqual([expect.closeTo(0, 9), expect.closeTo(-1.5, 9), expect.closeTo(-1, 9)]);
    expect([...solution.rowActivity]).toEqual([expect.closeTo(2, 9), expect.closeTo(12, 9), expect.closeTo(18, 9)]);
  });

  it('keeps bounds as bounds: a bound flip with no pivot, an upper-bounded column at its top', () => {
    const lp = new LinearProgramBuilder();
    const a = lp.column('a', { cost: -1, upper: 3 });
    const b = lp.column('b', { cost: -2, upper: 5 });
    lp.row('budget', [[a, 1], [b, 1]], { upper: 100 });
    const solution = solveLinearProgram(lp.build());
    expect(solution.status).toBe('optimal');
    expect([...solution.x]).toEqual([3, 5]);
    expect(solution.objective).toBe(-13);
  });

  it('solves equality rows, ranged rows, negative lower bounds and free columns', () => {
    const lp = new LinearProgramBuilder();
    const free = lp.column('free', { cost: 1, lower: -Infinity });
    const x = lp.column('x', { cost: 2, lower: -4, upper: 4 });
    const y = lp.column('y', { cost: -1, upper: 10 });
    lp.row('balance', [[free, 1], [x, 1], [y, -1]], { lower: 0, upper: 0 });
    lp.row('range', [[x, 1], [y, 1]], { lower: 2, upper: 6 });
    lp.row('floor', [[free, 1]], { lower: -3 });
    // free = y − x ≥ −3; cost = free + 2x − y = x. Least x with y − x ≥ −3, 2 ≤ x + y ≤ 6:
    // x = −4 needs y ≥ 6 from the range and y ≤ 10; cost −4.
    const solution = solveLinearProgram(lp.build());
    expect(solution.status).toBe('optimal');
    expect(solution.objective).toBeCloseTo(-4, 9);
    expect(solution.x[1]).toBeCloseTo(-4, 9);
  });

  it('terminates on Beale\'s example, which cycles under the textbook rule', () => {
    const lp = new LinearProgramBuilder();
    const x4 = lp.column('x4', { cost: -0.75 });
    const x5 = lp.column('x5', { cost: 20 });
    const x6 = lp.column('x6', { cost: -0.5 });
    const x7 = lp.column('x7', { cost: 6 });
    lp.row('r1', [[x4, 0.25], [x5, -8], [x6, -1], [x7, 9]], { upper: 0 });
    lp.row('r2', [[x4, 0.5], [x5, -12], [x6, -0.5], [x7, 3]], { upper: 0 });
    lp.row('r3', [[x6, 1]], { upper: 1 });
    const solution = solveLinearProgram(lp.build());
    expect(solution.status).toBe('optimal');
    expect(solution.objective).toBeCloseTo(-1.25, 9);
  });

  it('says infeasible and unbounded plainly', () => {
    const infeasible = new LinearProgramBuilder();
    const p = infeasible.column('p', { upper: 1 });
    const q = infeasible.column('q', { upper: 1 });
    infeasible.row('need five', [[p, 1], [q, 1]], { lower: 5 });
    expect(solveLinearProgram(infeasible.build()).status).toBe('infeasible');

    const unbounded = new LinearProgramBuilder();
    const u = unbounded.column('u', { cost: -1 });
    const v = unbounded.column('v');
    unbounded.row('gap', [[u, 1], [v, -1]], { upper: 1 });
    expect(solveLinearProgram(unbounded.build()).status).toBe('unbounded');
  });

  it('handles a model with no rows (each column at its cheaper bound)', () => {
    const lp = new LinearProgramBuilder();
    lp.column('cheap', { cost: -2, lower: 1, upper: 7 });
    lp.column('dear', { cost: 3, lower: -1, upper: 7 });
    const solution = solveLinearProgram(lp.build());
    expect(solution.status).toBe('optimal');
    expect([...solution.x]).toEqual([7, -1]);
  });

  it('refuses a builder input that is not a number', () => {
    const lp = new LinearProgramBuilder();
    expect(() => lp.column('bad', { cost: Number.NaN })).toThrow('bad: coefficient NaN is not a finite number');
    expect(() => lp.column('upside down', { lower: 2, upper: 1 })).toThrow('Column upside down: lower bound 2 is above upper bound 1');
  });
});

/**
 * Random LPs built around a known feasible point, so most are feasible; integer coefficients and
 * rows tight at that point make them degenerate, the case that breaks careless simplex codes.
 */
const randomLp = fc
  .record({
    columns: fc.integer({ min: 1, max: 40 }),
    rows: fc.integer({ min: 1, max: 25 }),
    seed: fc.array(fc.integer({ min: -6, max: 6 }), { minLength: 401, maxLength: 401 }),
  })
  .map(({ columns, rows, seed }): LinearProgram => {
    let cursor = 0;
    const next = () => seed[cursor++ % seed.length]!;
    const lp = new LinearProgramBuilder();
    const point: number[] = [];
    for (let j = 0; j < columns; j++) {
      const kind = ((next() % 4) + 4) % 4;
      const anchor = next();
      const lower = kind === 3 ? -Infinity : anchor - Math.abs(next());
      const upper = kind >= 2 ? Infinity : anchor + Math.abs(next());
      point.push(anchor);
      lp.column(`x${j}`, { cost: next(), lower, upper });
    }
    for (let i = 0; i < rows; i++) {
      const terms: [number, number][] = [];
      for (let j = 0; j < columns; j++) {
        const coefficient = next();
        if (coefficient !== 0 && Math.abs(coefficient) < 4) terms.push([j, coefficient]);
      }
      const activity = terms.reduce((sum, [j, c]) => sum + c * point[j]!, 0);
      const shape = ((next() % 4) + 4) % 4;
      const slack = Math.abs(next());
      if (shape === 0) lp.row(`r${i}`, terms, { lower: activity, upper: activity });
      else if (shape === 1) lp.row(`r${i}`, terms, { upper: activity + slack });
      else if (shape === 2) lp.row(`r${i}`, terms, { lower: activity - slack });
      else lp.row(`r${i}`, terms, { lower: activity - slack, upper: activity + Math.abs(next()) });
    }
    return lp.build();
  });

describe('solveLinearProgram against HiGHS', () => {
  it('reaches the same optimum (or the same verdict) on random degenerate LPs', async () => {
    let optimal = 0;
    await assertAsyncProperty(
      fc.asyncProperty(randomLp, async (lp) => {
        const ours = solveLinearProgram(lp);
        const theirs = await solveWithHighs(lp);
        if (theirs.status === 'optimal') {
          optimal++;
          expect(ours.status).toBe('optimal');
          expect(Math.abs(ours.objective - theirs.objective)).toBeLessThanOrEqual(1e-8 * (1 + Math.abs(theirs.objective)));
          assertFeasible(lp, ours.x);
        } else if (theirs.status === 'unbounded' || theirs.status === 'infeasible') {
          expect(ours.status).toBe(theirs.status);
        }
      }),
      { numRuns: 100 },
    );
    // The generator must produce real work, not only trivial or unbounded models.
    expect(optimal).toBeGreaterThan(100);
  });
});

describe('solveLinearProgram on planner-shaped models', () => {
  it('matches HiGHS on 400- and 2,000-lot households', async () => {
    for (const [lots, seed] of [[400, 3], [2_000, 11]] as const) {
      const lp = plannerShapedModel(lots, seed);
      const ours = solveLinearProgram(lp);
      const theirs = await solveWithHighs(lp);
      expect(theirs.status).toBe('optimal');
      expect(ours.status).toBe('optimal');
      expect(Math.abs(ours.objective - theirs.objective)).toBeLessThanOrEqual(1e-8 * (1 + Math.abs(theirs.objective)));
      assertFeasible(lp, ours.x);
    }
  });
});

function assertFeasible(lp: LinearProgram, x: Float64Array): void {
  const activity = lp.rows.map(() => 0);
  lp.columns.forEach((column, j) => {
    expect(x[j]!).toBeGreaterThanOrEqual(column.lower - 1e-7);
    expect(x[j]!).toBeLessThanOrEqual(column.upper + 1e-7);
    for (const [row, coefficient] of column.entries) activity[row]! += coefficient * x[j]!;
  });
  lp.rows.forEach((row, i) => {
    expect(activity[i]!).toBeGreaterThanOrEqual(row.lower - 1e-6);
    expect(activity[i]!).toBeLessThanOrEqual(row.upper + 1e-6);
  });
}
