/**
 * The pieces of the planner benchmark (`npm run bench`), kept apart from its command line so a
 * test can run them on a seed or two and the bench cannot rot: time a size, compare a set of
 * generated households with the exact MIP optimum, and summarize ratios.
 */
import { planRebalance } from '../src/engine/planner';
import type { Plan, PlanOptions } from '../src/engine/plan-types';
import type { Household } from '../src/engine/types';
import { generateHousehold } from '../src/generate/generate-household';
import { solveOptimalPlan } from './optimal-plan';
import { comparePlanToOptimum, rangesFromPlan, type PlanComparison } from './compare-plan';

export type Size = 'S' | 'M' | 'L';
/** Households compared with the optimum: the usual S and M, and the taxable-heavy TA and TB. */
export type BenchSet = 'S' | 'M' | 'TA' | 'TB';
export type Hold = 'equal-or-better' | 'same';

/**
 * Both the planner and the MIP plan with the household's own settings: harvesting on (the
 * product's default), Harvest Min Loss $500, threshold mode.
 */
export const BENCH_OPTIONS: PlanOptions = {};

export interface SpeedRow {
  seeds: number;
  lots: number;
  medianMs: number | null;
  maxMs: number | null;
  /** medianMs per 1,000 lots: flat across sizes means time grows linearly with lots. */
  msPer1000Lots: number | null;
  /**
   * The process's CPU time (user + system) over the same plans, median: on a machine shared
   * with other jobs, wall time grows with their load and CPU time much less.
   */
  medianCpuMs: number | null;
}

/** Ratios of plan tax over the optimum's, one per household compared. */
export interface Distribution {
  count: number;
  mean: number;
  median: number;
  p90: number;
  worst: number;
  /** Households more than 2% over the optimum. */
  over1_02: number;
  /** Households more than 10% over the optimum. */
  over1_10: number;
}

export interface SetRow {
  seeds: number;
  /** MIP solves that reached 'Optimal' (banded, without the planner). */
  solved: number;
  /** Plans compared with an optimum held to the plan's drift. */
  compared: number;
  meanSolveMs: number | null;
  maxSolveMs: number | null;
  meanPlanMs: number | null;
  /** Mean linear tax of the banded optimum, in dollars. */
  meanOptimumTax: number | null;
  ratio: Distribution | null;
}

export interface HouseholdResult extends PlanComparison {
  set: BenchSet;
  seed: number;
  /** 1 + excessTax / max(|optimumTax|, $100): plan tax over the optimum's, 1 meaning optimal. */
  ratio: number;
}

export interface SetResult {
  row: SetRow;
  households: HouseholdResult[];
  notComparable: { set: BenchSet; seed: number; status: string }[];
  mipFailures: number;
  plannerError: string | null;
}

export function timedPlan(household: Household, options: PlanOptions): { plan: Plan; ms: number; cpuMs: number } | { error: string } {
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    const plan = planRebalance(household, options);
    const used = process.cpuUsage(cpu);
    return { plan, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Planner time on generated households of one size (the first call of a process also warms up). */
export function speedOf(size: Size, seeds: readonly number[], log: (line: string) => void = () => {}): SpeedRow & { error: string | null } {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const lots: number[] = [];
  let error: string | null = null;
  for (const seed of seeds) {
    const household = generateHousehold(seed, size);
    lots.push(household.lots.length);
    const run = timedPlan(household, BENCH_OPTIONS);
    if ('error' in run) error ??= run.error;
    else {
      times.push(run.ms);
      cpuTimes.push(run.cpuMs);
    }
  }
  const medianMs = times.length ? median(times) : null;
  const medianLots = median(lots);
  const row = {
    seeds: seeds.length,
    lots: medianLots,
    medianMs: round(medianMs),
    maxMs: round(times.length ? Math.max(...times) : null),
    msPer1000Lots: round(medianMs === null ? null : (medianMs / medianLots) * 1000),
    medianCpuMs: round(cpuTimes.length ? median(cpuTimes) : null),
    error,
  };
  log(`speed ${size}: ${row.seeds} households, ~${row.lots} lots, ` +
    (row.medianMs === null ? `planner unavailable (${error})` : `median ${row.medianMs} ms, max ${row.maxMs} ms, ${row.msPer1000Lots} ms per 1,000 lots (CPU median ${row.medianCpuMs} ms)`));
  return row;
}

/**
 * How time grows with lots between two sizes: the exponent k in time ~ lots^k (1 is linear,
 * 2 quadratic), from the two medians.
 */
export function growthExponent(small: SpeedRow, large: SpeedRow): number | null {
  if (small.medianMs === null || large.medianMs === null || small.medianMs <= 0 || large.lots === small.lots) return null;
  return round(Math.log(large.medianMs / small.medianMs) / Math.log(large.lots / small.lots), 2);
}

/**
 * Plans each household of a set and compares the plan's tax with the optimum held to the
 * plan's drift (equal or better, class by class; `same`: the plan's own class values).
 */
export async function compareSet(set: BenchSet, seeds: readonly number[], hold: Hold, log: (line: string) => void = () => {}): Promise<SetResult> {
  const households: HouseholdResult[] = [];
  const notComparable: SetResult['notComparable'] = [];
  const solveMs: number[] = [];
  const planMs: number[] = [];
  const optimumTax: number[] = [];
  let mipFailures = 0;
  let plannerError: string | null = null;
  for (const seed of seeds) {
    const household = generateHousehold(seed, set);
    const banded = await solveOptimalPlan(household, BENCH_OPTIONS);
    solveMs.push(banded.solveMs);
    if (banded.status !== 'Optimal') {
      mipFailures++;
      log(`optimality ${set} seed ${seed}: MIP status ${banded.status}`);
      continue;
    }
    optimumTax.push(Number(banded.tax));
    let line = `optimality ${set} seed ${seed}: ${household.lots.length} lots, optimum tax ${dollars(banded.tax)}, ${banded.sales.length} lot sales, ` +
      `residual drift ${percent(Number(banded.residualDrift))}, MIP ${Math.round(banded.solveMs)} ms`;
    const run = timedPlan(household, BENCH_OPTIONS);
    if ('error' in run) {
      plannerError ??= run.error;
      log(`${line}; planner: ${run.error}`);
      continue;
    }
    planMs.push(run.ms);
    const held = await solveOptimalPlan(household, { ...BENCH_OPTIONS, holdTo: rangesFromPlan(run.plan, banded, hold) });
    if (held.status !== 'Optimal') {
      notComparable.push({ set, seed, status: held.status });
      log(`${line}; held to the plan's drift: ${held.status}`);
      continue;
    }
    const comparison = comparePlanToOptimum(run.plan, held);
    const ratio = 1 + comparison.relativeGap;
    households.push({ set, seed, ...comparison, ratio });
    line += `; planner ${dollars(comparison.plannerTax)} vs optimum ${dollars(comparison.optimumTax)} at its drift: ${ratio.toFixed(3)}x`;
    log(line);
  }
  const row: SetRow = {
    seeds: seeds.length,
    solved: seeds.length - mipFailures,
    compared: households.length,
    meanSolveMs: round(solveMs.length ? mean(solveMs) : null),
    maxSolveMs: round(solveMs.length ? Math.max(...solveMs) : null),
    meanPlanMs: round(planMs.length ? mean(planMs) : null),
    meanOptimumTax: round(optimumTax.length ? mean(optimumTax) : null),
    ratio: distribution(households.map((h) => h.ratio)),
  };
  return { row, households, notComparable, mipFailures, plannerError };
}

/** Mean, median, 90th percentile (nearest rank), worst, and the counts over 1.02 and 1.10, to 4 places. */
export function distribution(ratios: readonly number[]): Distribution | null {
  if (ratios.length === 0) return null;
  const sorted = [...ratios].sort((a, b) => a - b);
  const p90 = sorted[Math.min(sorted.length - 1, Math.ceil(0.9 * sorted.length) - 1)];
  return {
    count: sorted.length,
    mean: round(mean(sorted), 4)!,
    median: round(median(sorted), 4)!,
    p90: round(p90, 4)!,
    worst: round(sorted[sorted.length - 1], 4)!,
    over1_02: sorted.filter((r) => r > 1.02).length,
    over1_10: sorted.filter((r) => r > 1.1).length,
  };
}

export function describeDistribution(d: Distribution | null): string {
  if (d === null) return 'nothing compared';
  return `${d.count} households: mean ${d.mean.toFixed(3)}x, median ${d.median.toFixed(3)}x, p90 ${d.p90.toFixed(3)}x, worst ${d.worst.toFixed(3)}x, ${d.over1_02} over 1.02x, ${d.over1_10} over 1.10x`;
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
function mean(values: readonly number[]): number {
  return values.reduce((a, v) => a + v, 0) / values.length;
}
export function round(value: number | null, places = 1): number | null {
  return value === null || !Number.isFinite(value) ? null : Number(value.toFixed(places));
}
export function dollars(text: string): string {
  const n = Number(text);
  return `${n < 0 ? '-' : ''}$${Math.abs(n).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
export function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(2)}%`;
}
