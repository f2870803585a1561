/**
 * One household's plan beside the MIP optimum held to the plan's drift, lot by lot and class by
 * class, to find why the plan pays more tax (dev only):
 *
 *   node --import tsx bench/explain-gap.ts TA 1
 */
import { planRebalance } from '../src/engine/planner';
import { generateHousehold } from '../src/generate/generate-household';
import { solveOptimalPlan } from './optimal-plan';
import { comparePlanToOptimum, plannerClassValues, rangesFromPlan } from './compare-plan';
import { BENCH_OPTIONS, type BenchSet } from './plan-bench-runs';

const [set = 'TA', seedText = '1'] = process.argv.slice(2);
const household = generateHousehold(Number(seedText), set as BenchSet);
const banded = await solveOptimalPlan(household, BENCH_OPTIONS);
const plan = planRebalance(household, BENCH_OPTIONS);
const held = await solveOptimalPlan(household, { ...BENCH_OPTIONS, holdTo: rangesFromPlan(plan, banded) });
const comparison = comparePlanToOptimum(plan, held);
console.log(JSON.stringify(comparison));
console.log('warnings:', plan.warnings);
const sold = new Map<string, { plan: string; mip: string; gain: string; term: string; account: string; ticker: string }>();
for (const t of plan.trades) {
  if (t.action !== 'SELL') continue;
  for (const l of t.lots) sold.set(l.lot, { plan: l.shares.toString(), mip: '0', gain: l.gain.div(l.shares).toFixed(2), term: l.term, account: t.account, ticker: t.ticker });
}
for (const s of held.sales) {
  const row = sold.get(s.lot);
  if (row) row.mip = s.shares;
  else sold.set(s.lot, { plan: '0', mip: s.shares, gain: (Number(s.gain) / Number(s.shares)).toFixed(2), term: s.term, account: s.account, ticker: s.ticker });
}
console.log('lot sales (shares: plan / mip, gain per share):');
for (const [lot, r] of [...sold].sort()) if (r.plan !== r.mip) console.log(`  ${lot} ${r.account} ${r.ticker} ${r.term} gain/sh ${r.gain}: plan ${r.plan} mip ${r.mip}`);
console.log('trades (plan):');
for (const t of plan.trades) console.log(`  ${t.action} ${t.account} ${t.ticker} ${t.shares} $${t.amount.toFixed(0)} ${t.purpose}`);
console.log('flows (mip):');
for (const f of held.flows) if (Number(f.buy) > 0.5 || Number(f.sell) > 0.5) console.log(`  ${f.account} ${f.assetClass} buy ${Number(f.buy).toFixed(0)} sell ${Number(f.sell).toFixed(0)}`);
const values = plannerClassValues(plan, held);
console.log('classes (target lower upper | before plan mip):');
const total = Number(held.basis.totalAfter);
for (const c of held.classes) console.log(`  ${c.assetClass} ${(+c.target * 100).toFixed(1)}% [${(+c.lower * 100).toFixed(1)}, ${(+c.upper * 100).toFixed(1)}] | ${(+c.before / total * 100).toFixed(2)} ${(values.get(c.assetClass)!.toNumber() / total * 100).toFixed(2)} ${(+c.after / total * 100).toFixed(2)}`);
