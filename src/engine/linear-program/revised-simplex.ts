import { BasisInverse } from './basis-inverse';
import type { LinearProgram } from './linear-program';

/**
 * A bounded-variable revised simplex method (Dantzig pricing, Harris ratio test, composite
 * phase 1), written for the planner's models and for Apps Script: plain TypeScript, no
 * WebAssembly, no dense tableau. Bounds stay bounds (a lot's shares are `0 ≤ x ≤ held`), never
 * rows, so the basis is only as large as the number of rows.
 *
 * Each row i gets a logical variable r_i with `A x − r = 0` and `rowLower ≤ r ≤ rowUpper`, so the
 * all-logical basis is a valid start; phase 1 minimizes the sum of bound violations of the basic
 * variables, then phase 2 the real cost. Reference: Koberstein, "The dual simplex method,
 * techniques for a fast and stable implementation" (2005), ch. 3 for the bounded ratio test, and
 * Harris (1973) for the two-pass ratio test.
 */
export type SolveStatus = 'optimal' | 'infeasible' | 'unbounded' | 'iteration-limit' | 'numerical-trouble';

export interface Solution {
  readonly status: SolveStatus;
  /** Values of the columns, in column order (meaningful when status is optimal). */
  readonly x: Float64Array;
  readonly objective: number;
  /** A x, in row order. */
  readonly rowActivity: Float64Array;
  /** Shadow prices: the change in the optimum per unit of a row's active bound. */
  readonly duals: Float64Array;
  /** Reduced costs of the columns: what a unit more of each would cost at the optimum. */
  readonly reducedCosts: Float64Array;
  readonly iterations: number;
}

export interface SolveOptions {
  readonly maxIterations?: number;
}

const FEASIBILITY_TOLERANCE = 1e-9;
const OPTIMALITY_TOLERANCE = 1e-9;
const PIVOT_TOLERANCE = 1e-9;
const REFACTOR_EVERY = 64;
const PRICING_BLOCK = 1000;
/** After this many steps that make no progress, entering and leaving follow Bland's rule. */
const DEGENERATE_STEPS_BEFORE_BLAND = 40;

const AT_LOWER = 0;
const AT_UPPER = 1;
const FREE_AT_ZERO = 2;
const BASIC = 3;

type Entries = readonly (readonly [number, number])[];

export function solveLinearProgram(lp: LinearProgram, options: SolveOptions = {}): Solution {
  const n = lp.columns.length;
  const m = lp.rows.length;
  const total = n + m;
  const lower = new Float64Array(total);
  const upper = new Float64Array(total);
  const cost = new Float64Array(total);
  const columns: Entries[] = new Array<Entries>(total);
  lp.columns.forEach((column, j) => {
    lower[j] = column.lower;
    upper[j] = column.upper;
    cost[j] = column.cost;
    columns[j] = column.entries;
  });
  lp.rows.forEach((row, i) => {
    lower[n + i] = row.lower;
    upper[n + i] = row.upper;
    columns[n + i] = [[i, -1]];
  });
  // Pricing compares reduced costs per unit of column length, so a lot priced at $400 a share
  // does not win over one at $20 only by its price (a cheap stand-in for steepest edge).
  const inverseNorm = new Float64Array(total);
  for (let k = 0; k < total; k++) {
    let squares = 0;
    for (const [, coefficient] of columns[k]!) squares += coefficient * coefficient;
    inverseNorm[k] = squares > 0 ? 1 / Math.sqrt(squares) : 1;
  }
  const costScale = Math.max(1, ...lp.columns.map((c) => Math.abs(c.cost)));
  const optimalityTolerance = OPTIMALITY_TOLERANCE * costScale;

  // Start: each structural at the finite bound its own cost prefers (a lot whose sale saves tax
  // starts sold), 0 when free; logicals basic. On planner models this start is most of the way
  // to the optimum, where starting every column at 0 costs one iteration per loss lot.
  const x = new Float64Array(total);
  const state = new Uint8Array(total);
  for (let j = 0; j < n; j++) {
    const lo = lower[j]!;
    const hi = upper[j]!;
    if (Number.isFinite(hi) && (!Number.isFinite(lo) || cost[j]! < 0)) {
      x[j] = hi;
      state[j] = AT_UPPER;
    } else if (Number.isFinite(lo)) {
      x[j] = lo;
      state[j] = AT_LOWER;
    } else {
      x[j] = 0;
      state[j] = FREE_AT_ZERO;
    }
  }
  const head = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    head[i] = n + i;
    state[n + i] = BASIC;
  }

  const inverse = new BasisInverse(m);
  const alpha = new Float64Array(m);
  const basicCost = new Float64Array(m);
  const multipliers = new Float64Array(m);
  const work = new Float64Array(m);

  const tolerance = (bound: number) => FEASIBILITY_TOLERANCE * (1 + Math.abs(bound));

  /** Rebuilds B⁻¹ and the basic values from the nonbasic ones: x_B = −B⁻¹ N x_N. */
  const refactor = (): boolean => {
    if (!inverse.refactor((position) => columns[head[position]!]!)) return false;
    work.fill(0);
    for (let k = 0; k < total; k++) {
      if (state[k] === BASIC || x[k] === 0) continue;
      for (const [row, coefficient] of columns[k]!) work[row] -= coefficient * x[k]!;
    }
    inverse.timesDense(work, alpha);
    for (let i = 0; i < m; i++) x[head[i]!] = alpha[i]!;
    return true;
  };

  const finish = (status: SolveStatus, iterations: number): Solution => {
    const rowActivity = new Float64Array(m);
    for (let j = 0; j < n; j++) {
      if (x[j] === 0) continue;
      for (const [row, coefficient] of columns[j]!) rowActivity[row] += coefficient * x[j]!;
    }
    for (let i = 0; i < m; i++) basicCost[i] = cost[head[i]!]!;
    inverse.leftTimes(basicCost, multipliers);
    const reducedCosts = new Float64Array(n);
    for (let j = 0; j < n; j++) reducedCosts[j] = cost[j]! - dot(multipliers, columns[j]!);
    // The logical of row i has column −e_i, so its reduced cost, the objective's change per unit
    // its active bound moves, is the multiplier itself.
    const duals = multipliers.slice();
    let objective = 0;
    for (let j = 0; j < n; j++) objective += cost[j]! * x[j]!;
    return { status, x: x.slice(0, n), objective, rowActivity, duals, reducedCosts, iterations };
  };

  if (!refactor()) return finish('numerical-trouble', 0);
  const maxIterations = options.maxIterations ?? 50 * (total + 10);
  let degenerateSteps = 0;
  let pricingCursor = 0;

  const rate = (i: number, direction: number) => -direction * alpha[i]!;
  /** How far the basic variable at position i lets the entering one move (alpha is set). */
  const limitOf = (i: number, direction: number, relaxed: boolean): number => {
    const r = rate(i, direction);
    if (Math.abs(r) <= PIVOT_TOLERANCE) return Infinity;
    const k = head[i]!;
    const value = x[k]!;
    const lo = lower[k]!;
    const hi = upper[k]!;
    let bound: number;
    if (r < 0) {
      if (value > hi + tolerance(hi)) bound = hi; // infeasible above: stops where it turns feasible
      else if (value < lo - tolerance(lo)) return Infinity;
      else bound = lo;
    } else {
      if (value < lo - tolerance(lo)) bound = lo;
      else if (value > hi + tolerance(hi)) return Infinity;
      else bound = hi;
    }
    if (!Number.isFinite(bound)) return Infinity;
    const distance = Math.max(0, r < 0 ? value - bound : bound - value) + (relaxed ? tolerance(bound) : 0);
    return distance / Math.abs(r);
  };

  /**
   * The ratio test for column `entering` moving in `direction`: the step, and the basic position
   * that leaves (-1 when the entering column reaches its other bound first: a bound flip).
   */
  const ratioTest = (entering: number, direction: number, bland: boolean): { step: number; leaving: number } => {
    inverse.times(columns[entering]!, alpha);
    let leaving = -1;
    if (bland) {
      let smallest = Infinity;
      for (let i = 0; i < m; i++) {
        const limit = limitOf(i, direction, false);
        if (limit < smallest || (limit === smallest && leaving >= 0 && head[i]! < head[leaving]!)) {
          smallest = limit;
          leaving = i;
        }
      }
    } else {
      // Harris: among the rows that block within the tolerance, pivot on the largest entry.
      let relaxedStep = Infinity;
      for (let i = 0; i < m; i++) relaxedStep = Math.min(relaxedStep, limitOf(i, direction, true));
      let largestPivot = 0;
      for (let i = 0; i < m; i++) {
        if (limitOf(i, direction, false) <= relaxedStep && Math.abs(alpha[i]!) > largestPivot) {
          largestPivot = Math.abs(alpha[i]!);
          leaving = i;
        }
      }
    }
    const step = leaving >= 0 ? limitOf(leaving, direction, false) : Infinity;
    const flipRange = upper[entering]! - lower[entering]!;
    return flipRange <= step ? { step: flipRange, leaving: -1 } : { step, leaving };
  };

  /**
   * Whether some basic variable stops column `entering` before it crosses its whole range, even
   * with Harris's relaxed limits: then `ratioTest` would not flip it either, and pricing, which
   * tries a flip for every attractive column, skips the full test (most of them are blocked).
   */
  const blockedBefore = (entering: number, direction: number, range: number): boolean => {
    inverse.times(columns[entering]!, alpha);
    for (let i = 0; i < m; i++) if (limitOf(i, direction, true) < range) return true;
    return false;
  };

  /** Moves the entering column by `step` (alpha is set), then pivots or flips its bound. */
  const move = (entering: number, direction: number, step: number, leaving: number): void => {
    // Which bound the leaving variable reaches, judged before it moves.
    let leavesAtUpper = false;
    if (leaving >= 0) {
      const k = head[leaving]!;
      const value = x[k]!;
      leavesAtUpper = rate(leaving, direction) < 0 ? value > upper[k]! + tolerance(upper[k]!) : !(value < lower[k]! - tolerance(lower[k]!));
    }
    x[entering] += direction * step;
    for (let i = 0; i < m; i++) {
      const r = rate(i, direction);
      if (r !== 0) x[head[i]!] += r * step;
    }
    if (leaving < 0) {
      state[entering] = direction > 0 ? AT_UPPER : AT_LOWER;
      x[entering] = direction > 0 ? upper[entering]! : lower[entering]!;
      return;
    }
    const out = head[leaving]!;
    state[out] = leavesAtUpper ? AT_UPPER : AT_LOWER;
    x[out] = leavesAtUpper ? upper[out]! : lower[out]!;
    inverse.pivot(leaving, alpha);
    head[leaving] = entering;
    state[entering] = BASIC;
  };

  let iteration = 0;
  let sinceRefactor = 0;
  while (iteration < maxIterations) {
    if (sinceRefactor >= REFACTOR_EVERY) {
      if (!refactor()) return finish('numerical-trouble', iteration);
      sinceRefactor = 0;
    }

    // Phase: minimize the bound violations of the basics while there are any.
    let infeasible = false;
    for (let i = 0; i < m; i++) {
      const k = head[i]!;
      const value = x[k]!;
      if (value < lower[k]! - tolerance(lower[k]!)) {
        basicCost[i] = -1;
        infeasible = true;
      } else if (value > upper[k]! + tolerance(upper[k]!)) {
        basicCost[i] = 1;
        infeasible = true;
      } else {
        basicCost[i] = 0;
      }
    }
    if (!infeasible) for (let i = 0; i < m; i++) basicCost[i] = cost[head[i]!]!;
    inverse.leftTimes(basicCost, multipliers);
    const pricingTolerance = infeasible ? OPTIMALITY_TOLERANCE : optimalityTolerance;

    // Pricing: partial (Dantzig's rule within one block of columns at a time, resuming where
    // the last block ended), so an iteration on 20,000 lot columns prices a few thousand. In
    // phase 2 a column whose move is a bound flip is flipped on the spot: a flip leaves the basis,
    // hence the multipliers, as they were, so the scan goes on with prices still exact.
    const bland = degenerateSteps > DEGENERATE_STEPS_BEFORE_BLAND;
    let entering = -1;
    let direction = 0;
    let best = 0;
    const block = bland ? total : Math.max(PRICING_BLOCK, Math.ceil(total / 8));
    let scanned = 0;
    let flipped = false;
    let k = bland ? 0 : pricingCursor;
    while (scanned < total) {
      const status = state[k]!;
      if (status !== BASIC && lower[k] !== upper[k]) {
        const reduced = (infeasible ? 0 : cost[k]!) - dot(multipliers, columns[k]!);
        let sign = 0;
        if (status === AT_LOWER && reduced < -pricingTolerance) sign = 1;
        else if (status === AT_UPPER && reduced > pricingTolerance) sign = -1;
        else if (status === FREE_AT_ZERO && Math.abs(reduced) > pricingTolerance) sign = reduced < 0 ? 1 : -1;
        if (sign !== 0 && !infeasible && !bland && Number.isFinite(upper[k]! - lower[k]!) && !blockedBefore(k, sign, upper[k]! - lower[k]!)) {
          const trial = ratioTest(k, sign, false);
          if (trial.leaving < 0) {
            move(k, sign, trial.step, -1);
            iteration++;
            flipped = true;
            sign = 0;
          }
        }
        const score = Math.abs(reduced) * inverseNorm[k]!;
        if (sign !== 0 && (bland ? entering < 0 : score > best)) {
          best = score;
          entering = k;
          direction = sign;
        }
      }
      scanned++;
      k = k + 1 === total ? 0 : k + 1;
      if (entering >= 0 && (bland || scanned % block === 0)) break;
    }
    pricingCursor = k;
    if (entering < 0) {
      if (flipped) continue; // prices are unchanged; a last scan confirms nothing is left
      return finish(infeasible ? 'infeasible' : 'optimal', iteration);
    }

    const { step, leaving } = ratioTest(entering, direction, bland);
    if (!Number.isFinite(step)) return finish(infeasible ? 'numerical-trouble' : 'unbounded', iteration);
    degenerateSteps = step <= 1e-12 ? degenerateSteps + 1 : 0;
    move(entering, direction, step, leaving);
    iteration++;
    if (leaving >= 0) sinceRefactor++;
  }
  return finish('iteration-limit', maxIterations);
}

function dot(vector: Float64Array, column: Entries): number {
  let sum = 0;
  for (const [row, coefficient] of column) sum += vector[row]! * coefficient;
  return sum;
}
