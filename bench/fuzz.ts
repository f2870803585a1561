/**
 * npm run fuzz [-- --seed N] [--mutants N] [--plan-share F]
 * Hostile workbooks from the example household through the reader, drift and planner. Prints
 * any failures (with the mutations that made them), then, as its last line, one JSON object:
 * {"seed": ..., "mutants": N, "errors": N, "accepted": N, "failures": N}. Exit code 1 on a failure.
 * The seed also comes from FUZZ_SEED; the default is fixed so two runs agree.
 */
import { loadFuzzBases } from '../test/fuzz/mutate-workbook';
import { runFuzz } from '../test/fuzz/run-fuzz';

export const DEFAULT_SEED = 20261120;

function flag(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function integer(text: string | undefined, fallback: number, what: string): number {
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0) {
    console.error(`${what}: expected a whole number, found "${text}"`);
    process.exit(2);
  }
  return n;
}

const seed = integer(flag('seed') ?? process.env.FUZZ_SEED, DEFAULT_SEED, '--seed');
const mutants = integer(flag('mutants') ?? process.env.FUZZ_MUTANTS, 50_000, '--mutants');
const planShare = Number(flag('plan-share') ?? '1');

const bases = await loadFuzzBases();
const counts = runFuzz(bases, { seed, mutants, planShare, keepFailures: 20 });
for (const d of counts.details) {
  console.log(`FAILURE mutant ${d.index} (${d.base}): ${d.mutations.join(' ; ')}`);
  for (const f of d.failures) console.log(`  ${f.split('\n').slice(0, 4).join('\n  ')}`);
}
console.log(
  `# ${counts.mutants} mutants in ${(counts.ms / 1000).toFixed(1)} s; planner ran on ${counts.planned} of ${counts.accepted} accepted`,
);
console.log(JSON.stringify({ seed, mutants: counts.mutants, errors: counts.errors, accepted: counts.accepted, failures: counts.failures }));
process.exitCode = counts.failures > 0 ? 1 : 0;
