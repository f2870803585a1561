import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { EXAMPLE_DIR } from '../support/example-grids';

describe('plan --cash names an account as the tabs do', () => {
  it('"roth ira" is Roth IRA (case and spaces do not matter, as on Lots and in import --account)', async () => {
    const typed = await runCli(['plan', EXAMPLE_DIR, '--json', '--cash', 'roth  ira=7000']);
    expect(typed.exitCode).toBe(0);
    const exact = await runCli(['plan', EXAMPLE_DIR, '--json', '--cash', 'Roth IRA=7000']);
    expect(typed.stdout).toBe(exact.stdout);
    expect(JSON.parse(typed.stdout).cashFlows).toContainEqual({ account: 'Roth IRA', amount: '7000', kind: 'deposit' });
  });
  it('a misspelled account names the closest one and the accounts there are', async () => {
    const result = await runCli(['plan', EXAMPLE_DIR, '--cash', 'Rothh IRA=7000']);
    expect(result.exitCode).toBe(2);
    expect((result.stderr ?? '').split('\n')[0]).toBe(
      'error: --cash: no account named "Rothh IRA" (did you mean "Roth IRA"?) on the Accounts tab; it has Taxable Brokerage, Traditional IRA, Roth IRA, Acme 401(k), HSA',
    );
  });
  it('the same account twice, however spelled, is refused', async () => {
    const result = await runCli(['plan', EXAMPLE_DIR, '--cash', 'Roth IRA=7000', '--cash', 'roth ira=1000']);
    expect(result.exitCode).toBe(2);
    expect((result.stderr ?? '').split('\n')[0]).toBe('error: --cash: Roth IRA is given twice; give one amount per account');
  });
});
