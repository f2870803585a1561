import { afterEach, describe, expect, it } from 'vitest';
import { dec, formatDollars, formatPercent } from '../../src/engine/money';
import { planRebalance } from '../../src/engine/planner';
import { lotsTurningLongTerm } from '../../src/engine/schedule/long-term-soon';
import { createFakeGoogle, type FakeGoogle } from '../../src/local-google/fake-google';
import { runCheckAt } from '../../src/gas/schedule/run-check';
import { getPlannerState, makePlan } from '../../src/gas/sidebar-api';
import { acct, household, lot, sec, target, AS_OF } from '../planner/builders';
import { exampleTabs } from './example-household';

const installed: string[] = [];
afterEach(() => {
  for (const name of installed.splice(0)) delete (globalThis as Record<string, unknown>)[name];
});

function world(settings: Record<string, string>): FakeGoogle {
  const google = createFakeGoogle({ spreadsheet: { sheets: exampleTabs(settings) } });
  const { console: _console, ...services } = google.globals;
  void _console;
  Object.assign(globalThis, services);
  installed.push(...Object.keys(services));
  return google;
}

describe('one computation per figure: the email and the sidebar say the same numbers', () => {
  it('tax saved by waiting for the long-term rate: the plan\'s deferred sale and the email\'s "lots turning long-term" agree (tables)', () => {
    // A single filer, $64,000 of income, the 2026 standard deduction $16,100: $47,900 of
    // ordinary taxable income. Lot S (bought 2025-12-01) turns long-term on 2026-12-02 with a
    // $3,500 gain, which crosses a bracket either way. Sold now it is ordinary income: $2,500
    // at 12% up to the bracket's $50,400 top and $1,000 at 22%, $520. Sold after 2026-12-02 it
    // is long-term: $1,550 at 0% up to the $49,450 threshold and $1,950 at 15%, $292.50.
    // Waiting saves $227.50 (not the marginal-rate guess 3,500 x (12% - 0%) = $420).
    const base = household({
      accounts: [acct('Brokerage', 'Taxable')],
      targets: [target('Stocks', '0.5'), target('Bonds', '0.5')],
      securities: [sec('VTI', 'Stocks', 100), sec('BND', 'Bonds', 100)],
      lots: [lot('S', 'Brokerage', 'VTI', 70, 3500, '2025-12-01'), lot('B', 'Brokerage', 'BND', 30, 3000, '2019-01-02')],
    });
    const h = { ...base, settings: { ...base.settings, filingStatus: 'Single' as const, income: dec(64_000) } };
    const plan = planRebalance(h);
    expect(plan.deferred.map((d) => [d.lot, d.taxSaved.toFixed()])).toEqual([['S', '227.5']]);
    expect(plan.deferred[0].reason).toContain('saves about $228');
    expect(lotsTurningLongTerm(h, AS_OF).map((l) => [l.lot, l.taxSavedByWaiting.toFixed()])).toEqual([['S', '227.5']]);
  });

  it('the example workbook: drift, plan, tax and the 0% room in the sidebar are the figures the scheduled email shows', () => {
    const google = world({ 'Filing Status': 'Married Filing Jointly', Income: '150000' });
    const state = getPlannerState();
    if (!state.ok) throw new Error(JSON.stringify(state.errors));
    const d = state.defaults;
    const result = makePlan({ mode: d.mode, lotMethod: d.lotMethod, gainBudget: d.gainBudget || 'none', harvest: d.harvest ? 'yes' : 'no', cash: {} });
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const plan = result.plan;

    runCheckAt(google.globals.SpreadsheetApp.getActive() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, new Date(`${state.asOf}T12:00:00Z`));
    expect(google.mail.sent).toHaveLength(1);
    const text = google.mail.sent[0].body;
    const html = google.mail.sent[0].htmlBody ?? '';
    const pct = (s: string) => formatPercent(dec(s));
    const usd = (s: string | number, places = 2) => formatDollars(dec(s), places);

    expect(text).toContain(`Household drift ${pct(state.householdDrift)} on ${usd(state.total)}.`);
    for (const c of state.classes) expect(text).toMatch(new RegExp(`^${c.assetClass.replace(/[()]/g, '\\$&')} +${pct(c.weight).replace('.', '\\.')} `, 'm'));
    for (const t of plan.trades) expect(text).toContain(`* ${t.account}: ${t.action} ${t.shares} ${t.ticker} = ${usd(t.amount)}`);
    const s = plan.summary;
    expect(text).toContain(`${s.trades} trades: sell ${usd(s.sold)}, buy ${usd(s.bought)}; ${dec(s.estimatedTax).lessThan(0) ? `estimated tax saved ${usd(dec(s.estimatedTax).negated().toFixed())}` : `estimated tax ${usd(s.estimatedTax)}`}; losses harvested ${usd(s.lossesHarvested)}; household drift ${pct(String(s.driftBefore))} -> ${pct(String(s.driftAfter))}.`);
    expect(text).toContain(`${usd(s.zeroRateRoom, 0)} of long-term gain can still be realized at 0% this year`);
    expect(html).toContain(`federal ${usd(s.federalTax)}, NIIT ${usd(s.niit)}, state ${usd(s.stateTax)}`);
  });
});
