import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertProperty } from '../support/fast-check-seed';
import { planRebalance, planStepByStep } from '../../src/engine/planner';
import { explainTrade, REASON_MAX } from '../../src/engine/planner/reasons';
import type { RebalanceMode } from '../../src/engine/plan-types';
import { generateCashFlows, generateHousehold } from '../../src/generate/generate-household';
import { gridSource, readHousehold } from '../../src/workbook/index';
import { exampleGrid } from '../support/example-grids';

async function loadExampleHousehold() {
  const tabs = Object.fromEntries(['Accounts', 'Targets', 'Securities', 'Lots', 'Sales', 'Settings'].map((t) => [t, exampleGrid(t)]));
  const read = readHousehold(gridSource(tabs), {});
  if (!read.ok) throw new Error('the example household does not read');
  return read.household;
}

const seeds = fc.integer({ min: 1, max: 1_000_000 });
const modes = fc.constantFrom<RebalanceMode>('threshold', 'full', 'cash-only');

describe('trade reasons: one short sentence, the rest in details (reason contract)', () => {
  it('every trade of a random plan has a reason of at most 140 characters with at most one semicolon, and details as sentences', () => {
    assertProperty(
      fc.property(seeds, modes, fc.boolean(), (seed, mode, withFlows) => {
        const base = generateHousehold(seed, 'S');
        const { household, cashFlows } = withFlows ? generateCashFlows(seed, base) : { household: base, cashFlows: undefined };
        let plan;
        try {
          plan = planRebalance(household, { mode, cashFlows });
        } catch {
          return; // a refused request has no trades to explain
        }
        for (const t of plan.trades) {
          expect(t.reason.length, t.reason).toBeLessThanOrEqual(REASON_MAX);
          expect(t.reason.length).toBeGreaterThan(10);
          expect((t.reason.match(/;/g) ?? []).length, t.reason).toBeLessThanOrEqual(1);
          expect(t.reason).toMatch(/^[A-Z].*[.…]$/);
          expect(Array.isArray(t.details)).toBe(true);
          for (const d of t.details) expect(d, d).toMatch(/^[A-Z0-9].*[.!?]$/);
          expect(new Set(t.details).size).toBe(t.details.length);
        }
        // The buying-low note is said once per class, not on every buy of it.
        const lows = plan.trades.flatMap((t) => t.details.filter((d) => d.includes('buying low')));
        expect(new Set(lows).size).toBe(lows.length);
      }),
    );
  });

  it('on the example household (the optimizer): one sentence each, wash-sale guidance in the details, buying low said once per class', async () => {
    const plan = planRebalance(await loadExampleHousehold());
    const harvest = plan.trades.find((t) => t.purpose === 'harvest')!;
    expect(harvest.reason).toBe('Harvests a $3,275 loss on BND, saving about $91 tax.');
    expect(harvest.details).toContain('Lot TX-BND-2021 (acquired 2021-08-10): 250 shares, $3,275 long-term loss.');
    expect(harvest.details).toContain('Do not buy BND or a substantially identical fund in any account (IRAs included) for 31 days, or the loss is washed (IRC 1091).');
    const ira = plan.trades.find((t) => t.account === 'Traditional IRA' && t.action === 'SELL')!;
    expect(ira.reason).toBe('US Large Cap is 6.6 points over its 35% target; selling in Traditional IRA costs no tax.');
    const bondNotes = plan.trades.filter((t) => t.details.some((d) => d.startsWith('US Bonds holdings are 9.3% below what was paid')));
    expect(bondNotes.map((t) => `${t.account} ${t.ticker}`)).toEqual(['Acme 401(k) FXNAX']);
    for (const t of plan.trades) {
      expect(t.reason.length).toBeLessThanOrEqual(REASON_MAX);
      expect(t.reason.split(';').length).toBeLessThanOrEqual(2);
    }
  });

  it('on the example household (the step-by-step fallback): each reason is one sentence, the wash-sale guidance and the lots are in the details, buying low said once', async () => {
    const outcome = planStepByStep(await loadExampleHousehold());
    if (!outcome.ok) throw new Error(outcome.errors.join(' '));
    const { plan } = outcome;
    const harvest = plan.trades.find((t) => t.purpose === 'harvest')!;
    expect(harvest.reason).toBe("Harvests a $3,275 loss and buys AGG, a different fund in US Bonds, so the class's exposure stays.");
    expect(harvest.details).toEqual([
      'Do not buy BND or a substantially identical fund in any account for 31 days (IRAs included), or the loss is washed (IRC 1091).',
      'Selling lot TX-BND-2021 (2021-08-10) realizes a $3,275 long-term loss, saving about $91 of tax.',
    ]);
    const ira = plan.trades.find((t) => t.account === 'Traditional IRA' && t.action === 'SELL')!;
    expect(ira.reason).toBe('US Large Cap is 6.6 points over its 35% target; selling inside Traditional IRA costs no tax.');
    expect(ira.details).toEqual(['The proceeds buy TIPS, International Bonds and REITs.']);
    // US Bonds fell 9.3% below cost and is bought in four accounts: the note is on one buy, the largest.
    const bondNotes = plan.trades.filter((t) => t.details.some((d) => d.startsWith('US Bonds holdings are 9.3% below what was paid')));
    expect(bondNotes.map((t) => `${t.account} ${t.ticker}`)).toEqual(['Acme 401(k) FXNAX']);
    for (const t of plan.trades) expect(t.reason.length).toBeLessThanOrEqual(REASON_MAX);
  });

  it('a first clause too long for the reason is shortened at a word, and kept whole in the details', () => {
    const long = `Raises $10,000 for the withdrawal from ${'The Very Long Family Trust Account '.repeat(4).trim()}`;
    const out = explainTrade([long, 'US Bonds is 1.0 points over its 20% target'], ['A detail.']);
    expect(out.reason.length).toBeLessThanOrEqual(REASON_MAX);
    expect(out.reason.endsWith('…')).toBe(true);
    expect(out.details).toEqual([`${long}.`, 'US Bonds is 1.0 points over its 20% target.', 'A detail.']);
  });

  it('merged sales name every destination of the proceeds once, in the details', () => {
    const out = explainTrade(['X is 2.0 points over its 10% target', 'selling inside IRA costs no tax', 'the proceeds buy A', 'the proceeds buy B', 'the proceeds buy A'], []);
    expect(out).toEqual({ reason: 'X is 2.0 points over its 10% target; selling inside IRA costs no tax.', details: ['The proceeds buy A and B.'] });
  });
});
