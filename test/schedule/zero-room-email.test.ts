import { describe, expect, it } from 'vitest';
import { isoDate, toPlain } from '../../src/engine/index';
import { decideCheck } from '../../src/engine/schedule/decide-check';
import { emptyScheduleState } from '../../src/engine/schedule/schedule-state';
import { renderCheckEmail } from '../../src/engine/notify/check-email';
import { exampleHousehold } from './example-household';

const AS_OF = isoDate('2026-11-20');
const URL = 'https://docs.google.com/spreadsheets/d/x/edit';

/**
 * A married couple with $80,000 of income and the standard deduction ($32,200 for 2026, Rev.
 * Proc. 2025-32): ordinary taxable income $47,800. The 0% long-term rate runs to $98,900 of
 * taxable income, and this year's one sale (VNQ, +$505 long-term) used $505 of it:
 * 98,900 - 47,800 - 505 = $50,595 of long-term gain can still be realized at 0%.
 */
const couple = (extra: Record<string, string> = {}, edit?: (tabs: Record<string, string[][]>) => void) =>
  exampleHousehold({ 'Filing Status': 'Married Filing Jointly', Income: '80000', 'LT Loss Carryforward': '0', ...extra }, (tabs) => {
    tabs.Sales = tabs.Sales.filter((r, i) => i === 0 || r[2] === 'VNQ');
    edit?.(tabs);
  });

describe('the 0% long-term bracket room in the check email (issue 15)', () => {
  it('is shown when the check proposes no trade (a refused plan), in HTML and text', () => {
    const household = couple({}, (tabs) => {
      const hsa = tabs.Accounts.find((r) => r[0] === 'HSA')!;
      hsa[4] = '10000000'; // Withdraw far more than the account holds: no plan can be made
    });
    const decision = decideCheck({ household, asOf: AS_OF, state: emptyScheduleState() });
    expect(decision.content.plan).toBeNull();
    expect(toPlain(decision.content.zeroRateRoom!)).toBe('50595');
    const email = renderCheckEmail(decision, { spreadsheetUrl: URL });
    const sentence = 'You can still realize $50,595 of long-term gains at 0% federal tax this year.';
    expect(email.html).toContain(sentence);
    expect(email.text).toContain(sentence);
  });

  it('is shown under "No trade is proposed" (every class within a wide band, no cash to invest, harvesting off)', () => {
    const household = couple({ Notify: 'always', 'Harvest Losses': 'no' }, (tabs) => {
      for (const r of tabs.Targets.slice(1)) {
        r[2] = '90%';
        r[3] = '';
      }
      for (const r of tabs.Accounts.slice(1)) r[2] = r[3]; // no cash beyond the reserve to invest
    });
    const decision = decideCheck({ household, asOf: AS_OF, state: emptyScheduleState() });
    expect(decision.kind).toBe('review');
    expect(decision.send).toBe(true);
    expect(decision.content.plan!.trades).toEqual([]);
    const email = renderCheckEmail(decision, { spreadsheetUrl: URL });
    expect(email.text).toContain('No trade is proposed.\nYou can still realize $50,595 of long-term gains at 0% federal tax this year.');
    expect(email.html).toContain('You can still realize $50,595 of long-term gains at 0% federal tax this year.');
  });

  it('with a plan, the plan summary says it once, with the same figure the summary (and the sidebar) carries', () => {
    const decision = decideCheck({ household: couple(), asOf: AS_OF, state: emptyScheduleState() });
    const plan = decision.content.plan!;
    expect(plan.trades.length).toBeGreaterThan(0);
    expect(decision.content.zeroRateRoom!.equals(plan.summary.taxDetail!.zeroRateRoom)).toBe(true);
    const email = renderCheckEmail(decision, { spreadsheetUrl: URL });
    expect(email.text).toContain('of long-term gain can still be realized at 0% this year');
    expect(email.text).not.toContain('You can still realize');
  });

  it('is not shown without Filing Status (flat rates: no bracket)', () => {
    const household = exampleHousehold({}, (tabs) => {
      tabs.Accounts.find((r) => r[0] === 'HSA')![4] = '10000000';
    });
    const decision = decideCheck({ household, asOf: AS_OF, state: emptyScheduleState() });
    expect(decision.content.zeroRateRoom).toBeNull();
    expect(renderCheckEmail(decision, { spreadsheetUrl: URL }).text).not.toMatch(/at 0%/);
  });
});
