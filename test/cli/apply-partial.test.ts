import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { EXAMPLE_DIR } from '../support/example-grids';

const dir = mkdtempSync(join(tmpdir(), 'rebalance-apply-partial-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rebalance apply with a plan executed in part', () => {
  it('0 shares skips a trade and says so; a smaller sale takes the plan\'s lots in order; a blank is an error', async () => {
    const plan = JSON.parse((await runCli(['plan', EXAMPLE_DIR, '--json'])).stdout);
    const agg = plan.trades.findIndex((t: { action: string; ticker: string; account: string }) => t.action === 'BUY' && t.ticker === 'VEA' && t.account === 'Taxable Brokerage');
    const bnd = plan.trades.findIndex((t: { action: string; ticker: string }) => t.action === 'SELL' && t.ticker === 'BND');
    expect(plan.trades[agg].shares).toBe('293');
    expect(plan.trades[bnd].lots.map((l: { lot: string; shares: string }) => [l.lot, l.shares])).toEqual([['TX-BND-2021', '250']]);
    plan.trades[agg].shares = '0';
    plan.trades[bnd].shares = '100'; // the plan's lots still name all 250
    const file = join(dir, 'plan.json');
    writeFileSync(file, JSON.stringify(plan));
    const out = join(dir, 'after');
    const applied = await runCli(['apply', EXAMPLE_DIR, '--plan', file, '--out', out]);
    expect(applied.stderr ?? '').toBe('');
    expect(applied.exitCode).toBe(0);
    expect(applied.stdout).toContain(`Recorded plan ${plan.id} (13 trades; 1 not executed: BUY VEA in Taxable Brokerage; as of 2026-11-20).`);
    expect(applied.stdout).toContain('SELL 100 BND in Taxable Brokerage: partly executed, 100 of the 250 shares planned.');
    const lots = readFileSync(join(out, 'Lots.csv'), 'utf8').split('\n');
    expect(lots.filter((l) => l.startsWith('Taxable Brokerage,VEA'))).toHaveLength(2);
    // 150 shares of TX-BND-2021 are left, with the rest of its basis.
    expect(lots.find((l) => l.includes('TX-BND-2021'))).toMatch(/^Taxable Brokerage,BND,150,/);
    const journal = readFileSync(join(out, 'Journal.csv'), 'utf8').trim().split('\n').at(-1)!;
    expect(journal).toContain('13 trades recorded; 1 not executed (skipped): BUY VEA in Taxable Brokerage.');

    plan.trades[agg].shares = '';
    writeFileSync(file, JSON.stringify(plan));
    const blank = await runCli(['apply', EXAMPLE_DIR, '--plan', file]);
    expect(blank.exitCode).toBe(1);
    expect(blank.stderr).toContain(`trades[${agg}].shares: expected the shares executed, or 0 if the trade was not executed; found ""`);
  });
});
