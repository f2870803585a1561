import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { checkTransportable } from '../../src/local-google/script-run';
import type { MakePlanResult } from '../../src/gas/sidebar-api';
import { createFakeGoogle } from '../../src/local-google/fake-google';
import { loadBundle } from '../support/load-bundle';
import { EXAMPLE_XLSX, exampleGrid } from '../support/example-grids';
import { world } from '../sidebar/world';
import { isoDate } from '../../src/engine/dates';
import { decideCheck } from '../../src/engine/schedule/decide-check';
import { checkSubject } from '../../src/engine/notify/subject';
import { emptyScheduleState } from '../../src/engine/schedule/schedule-state';
import { exampleHousehold } from '../schedule/example-household';

const ROTH_REFUSAL = 'Roth IRA: cannot withdraw $500,000.00 ($500,000.00 asked for with this plan): the account holds $320.00 cash and $75,650.00 of holdings, so at most $75,970.00 can be raised.';

describe('an impossible withdrawal is refused on every surface', () => {
  beforeAll(() => {
  }, 120_000);

  it('CLI: exits non-zero, prints no plan, names the account and the amounts', async () => {
    const result = await runCli(['plan', EXAMPLE_XLSX, '--cash', 'Roth IRA=-500,000']);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`No plan:\n  - ${ROTH_REFUSAL}`);
    const json = await runCli(['plan', EXAMPLE_XLSX, '--json', '--cash', 'Roth IRA=-500000']);
    expect(json.exitCode).toBe(1);
    expect(json.stdout).toBe('');
  });

  it('CLI: the example withdrawal raises $7,150 in text and JSON', async () => {
    const result = await runCli(['plan', EXAMPLE_XLSX, '--cash', 'Taxable Brokerage=-10000']);
    expect(result.exitCode).toBe(0);
    // The optimizer raises it with the BND loss it harvests anyway (see cash-flows.test.ts).
    expect(result.stdout).toContain('for the $10,000 withdrawal from Taxable Brokerage');
    expect(result.stdout).toMatch(/SELL +250 +BND/);
    const json = JSON.parse((await runCli(['plan', EXAMPLE_XLSX, '--json', '--cash', 'Taxable Brokerage=-$10,000.00'])).stdout);
    expect(json.cashFlows).toEqual([{ account: 'Taxable Brokerage', amount: '-10000', kind: 'withdrawal' }]);
  });

  it('CLI: a malformed amount is an error, never 0 or a smaller amount', async () => {
    for (const amount of [',000', '1,00', '', '10.000.00', '$', '-']) {
      const result = await runCli(['plan', EXAMPLE_XLSX, '--cash', `Roth IRA=${amount}`]);
      expect(result.exitCode, amount).toBe(2);
      expect(result.stderr).toContain(`--cash: Roth IRA: expected an amount of dollars like 7000, 7,000.50 or $7,000 (negative to withdraw); found "${amount}"`);
    }
  });

  it('CLI: two amounts for one account is an error, not the last one silently', async () => {
    const result = await runCli(['plan', EXAMPLE_XLSX, '--cash', 'Roth IRA=-1000', '--cash', 'Roth IRA=500']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--cash: Roth IRA is given twice; give one amount per account');
  });

  it('sidebar: makePlan returns the refusal for the error box, not a plan with a warning', () => {
    const w = world();
    const refused = checkTransportable(w.ctx.makePlan({ cash: { 'Roth IRA': '-500000' } }), 'result') as MakePlanResult;
    expect(refused).toEqual({ ok: false, errors: [ROTH_REFUSAL], issues: [] });
    const bad = checkTransportable(w.ctx.makePlan({ cash: { 'Roth IRA': ',000' } }), 'result') as MakePlanResult;
    expect(bad).toEqual({ ok: false, errors: ['Cash for Roth IRA: expected dollars (negative to withdraw); found ",000".'], issues: [] });
    const made = checkTransportable(w.ctx.makePlan({ cash: { 'Taxable Brokerage': '-10,000' } }), 'result') as MakePlanResult;
    if (!made.ok) throw new Error(made.errors.join('; '));
    expect(made.plan.trades.find((t) => t.account === 'Taxable Brokerage' && t.action === 'SELL')?.reason).toMatch(/for the \$10,000 withdrawal from Taxable Brokerage/);
  });

  it('REBALANCE: a Withdraw larger than the account throws the message (#ERROR! with it on hover)', () => {
    const ctx = loadBundle(createFakeGoogle({ authMode: 'CUSTOM_FUNCTION' }).globals);
    const accounts = exampleGrid('Accounts').map((r) => [...r]);
    const col = accounts[0].indexOf('Withdraw');
    accounts.find((r) => r[0] === 'Roth IRA')![col] = '500000';
    let message = '';
    try {
      ctx.REBALANCE(exampleGrid('Targets'), exampleGrid('Securities'), exampleGrid('Lots'), accounts, exampleGrid('Settings'), exampleGrid('Sales'));
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe("REBALANCE: no plan. Roth IRA: cannot withdraw $500,000.00 ($500,000.00 in the Accounts tab's Withdraw column): the account holds $320.00 cash and $75,650.00 of holdings, so at most $75,970.00 can be raised.");
  });

  it('scheduled check: a Withdraw larger than the account gives a review with the reasons and no plan, not a crash', () => {
    const household = exampleHousehold({}, (tabs) => {
      const col = tabs.Accounts[0].indexOf('Withdraw');
      tabs.Accounts.find((r) => r[0] === 'Roth IRA')![col] = '500000';
    });
    const decision = decideCheck({ household, asOf: isoDate('2026-11-20'), state: emptyScheduleState() });
    expect(decision.content.plan).toBeNull();
    expect(decision.send).toBe(true);
    expect(checkSubject(decision)).toBe('Action needed: no plan can be made, see why below');
    expect(decision.reasons).toContain("No plan: Roth IRA: cannot withdraw $500,000.00 ($500,000.00 in the Accounts tab's Withdraw column): the account holds $320.00 cash and $75,650.00 of holdings, so at most $75,970.00 can be raised.");
  });
});
