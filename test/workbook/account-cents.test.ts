import { describe, expect, it } from 'vitest';
import { planOutcome } from '../../src/engine/planner';
import { gridSource, readHousehold } from '../../src/workbook/index';
import { exampleGrid } from '../support/example-grids';

/** The example workbook with one Accounts cell replaced (row: the account's name; column: the header). */
function withAccountCell(account: string, header: string, value: number) {
  const tabs = Object.fromEntries(['Accounts', 'Targets', 'Securities', 'Lots', 'Sales', 'Settings'].map((t) => [t, exampleGrid(t)]));
  const accounts: unknown[][] = tabs.Accounts!.map((row) => [...row]);
  const column = accounts[0]!.indexOf(header);
  const row = accounts.findIndex((r) => r[0] === account);
  accounts[row]![column] = value;
  const read = readHousehold(gridSource({ ...tabs, Accounts: accounts }), {});
  if (!read.ok) throw new Error('the example household does not read');
  return read.household;
}

describe("an account's dollars are read as whole cents", () => {
  it('a Withdraw of 5e-324 (found by the fuzzer, seed 2082130218) is no withdrawal, and the plan comes back', () => {
    const h = withAccountCell('Acme 401(k)', 'Withdraw', 5e-324);
    expect(h.accounts.find((a) => a.name === 'Acme 401(k)')!.withdraw.toFixed()).toBe('0');
    const outcome = planOutcome(h);
    expect(outcome.ok ? 'planned' : outcome.errors.join(' ')).toBe('planned');
  });

  it('cash, reserve and withdraw round half up to the cent', () => {
    const h = withAccountCell('Taxable Brokerage', 'Cash', 4850.005);
    expect(h.accounts.find((a) => a.name === 'Taxable Brokerage')!.cash.toFixed()).toBe('4850.01');
  });
});
