import { checkMutant } from './check-mutant';
import { mutantRng, mutateWorkbook, type BaseWorkbook } from './mutate-workbook';

export interface FuzzOptions {
  seed: number;
  mutants: number;
  /** Fraction of accepted mutants that also run the planner (drift runs on all), drawn from the seed. */
  planShare?: number;
  /** Stop collecting failure details after this many (the count goes on). */
  keepFailures?: number;
}

export interface FuzzFailure {
  index: number;
  base: string;
  mutations: string[];
  failures: string[];
}

export interface FuzzCounts {
  seed: number;
  mutants: number;
  errors: number;
  accepted: number;
  failures: number;
  planned: number;
  ms: number;
  details: FuzzFailure[];
}

/** Runs mutants 0..n-1 of a seed; mutant i is the same workbook whatever n is. */
export function runFuzz(bases: readonly BaseWorkbook[], options: FuzzOptions): FuzzCounts {
  const start = performance.now();
  const planShare = options.planShare ?? 1;
  const keep = options.keepFailures ?? 10;
  const counts: FuzzCounts = { seed: options.seed, mutants: 0, errors: 0, accepted: 0, failures: 0, planned: 0, ms: 0, details: [] };
  for (let i = 0; i < options.mutants; i++) {
    const rng = mutantRng(options.seed, i);
    const mutant = mutateWorkbook(bases, rng);
    const verdict = checkMutant(mutant, { plan: rng.next() < planShare });
    counts.mutants++;
    if (verdict.kind === 'errors') counts.errors++;
    else counts.accepted++;
    if (verdict.planned) counts.planned++;
    if (verdict.failures.length > 0) {
      counts.failures++;
      if (counts.details.length < keep) {
        counts.details.push({ index: i, base: mutant.base, mutations: mutant.mutations, failures: verdict.failures.slice(0, 5) });
      }
    }
  }
  counts.ms = Math.round(performance.now() - start);
  return counts;
}
