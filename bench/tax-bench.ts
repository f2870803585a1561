/**
 * Speed of a plan under the tax tables against the same plan with flat rates, on the example
 * household (examples/household) and on generated M households.
 *
 *   node --import tsx bench/tax-bench.ts [--runs N] [--example-only] [--median]
 *
 * Each household is planned `runs` times per variant (flat rates; Filing Status Married Filing
 * Jointly at two incomes; with Harvest Gains) after warm-up plans, and the fastest run (the one
 * least disturbed by other work; `--median` for the median) in milliseconds per plan is reported
 * with its ratio to flat. The LAST line of stdout is one JSON summary.
 * Not a test: timings depend on the machine. Profile with
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/tax-bench.ts --example-only
 */
import { performance } from 'node:perf_hooks';
import { planRebalance } from '../src/engine/planner';
import type { Household } from '../src/engine/types';
import { dec } from '../src/engine/money';
import { readHousehold } from '../src/workbook/index';
import { loadWorkbook } from '../src/workbook/node/index';
import { generateHousehold } from '../src/generate/generate-household';

const argv = process.argv.slice(2);
const runsAt = argv.indexOf('--runs');
const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 30;
const stat: 'min' | 'median' = argv.includes('--median') ? 'median' : 'min';

interface Variant {
  name: string;
  settings: Partial<Household['settings']>;
}

/** Flat rates, then the tables at two incomes (in and above the 0% band), then with Harvest Gains. */
const VARIANTS: Variant[] = [
  { name: 'flat', settings: { filingStatus: null } },
  { name: 'tables $150k', settings: { filingStatus: 'Married Filing Jointly', income: dec(150_000), deductions: null } },
  { name: 'tables $60k', settings: { filingStatus: 'Married Filing Jointly', income: dec(60_000), deductions: null } },
  { name: 'tables $60k + Harvest Gains', settings: { filingStatus: 'Married Filing Jointly', income: dec(60_000), deductions: null, harvestGains: true } },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Median ms per plan of each variant. The variants are interleaved run by run (so warm-up and
 * machine load fall on all alike), and each plan gets a fresh household object, so no cache
 * keyed by the household carries over from one plan to the next.
 */
function time(h: Household): Record<string, number> {
  const fresh = (v: Variant): Household => ({ ...h, settings: { ...h.settings, ...v.settings } });
  for (let i = 0; i < 3; i++) for (const v of VARIANTS) planRebalance(fresh(v));
  const ms: Record<string, number[]> = Object.fromEntries(VARIANTS.map((v) => [v.name, []]));
  for (let i = 0; i < runs; i++) {
    for (const v of VARIANTS) {
      const copy = fresh(v);
      const t0 = performance.now();
      planRebalance(copy);
      ms[v.name].push(performance.now() - t0);
    }
  }
  // The minimum is the least disturbed by other work on the machine; the median is printed too.
  return Object.fromEntries(VARIANTS.map((v) => [v.name, Number((stat === 'min' ? Math.min(...ms[v.name]) : median(ms[v.name])).toFixed(2))]));
}

async function main() {
  const read = readHousehold(await loadWorkbook('examples/household'));
  if (!read.ok) throw new Error('examples/household does not read');
  const cases: { name: string; household: Household }[] = [{ name: 'example', household: read.household }];
  if (!argv.includes('--example-only')) for (const seed of [201, 202]) cases.push({ name: `M seed ${seed}`, household: generateHousehold(seed, 'M') });
  const rows = cases.map((c) => {
    const t = time(c.household);
    const flat = t.flat;
    const ratios = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Number((v / flat).toFixed(2))]));
    console.log(`${c.name}: ${Object.entries(t).map(([k, v]) => `${k} ${v} ms (${ratios[k]}x)`).join('; ')}`);
    return { case: c.name, ms: t, ratioToFlat: ratios };
  });
  console.log(JSON.stringify({ bench: 'tax', runs, stat, rows }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
