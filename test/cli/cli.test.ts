import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { EXAMPLE_DIR, EXAMPLE_XLSX } from '../support/example-grids';

const dir = mkdtempSync(join(tmpdir(), 'rebalance-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the rebalance command line on the example household', () => {
  it('drift: a readable table, and --json with every number a decimal string', async () => {
    const text = await runCli(['drift', EXAMPLE_XLSX]);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toMatch(/^Drift as of 2026-11-20/);
    expect(text.stdout).toMatch(/US Large Cap\s+\$307,342\.67\s+41\.6%\s+35\.0%\s+\+6\.58/);
    const json = JSON.parse((await runCli(['drift', EXAMPLE_DIR, '--json'])).stdout);
    expect(json.total).toBe('742246.21032');
    expect(json.classes[0]).toMatchObject({ assetClass: 'US Large Cap', target: '0.35', status: 'over' });
    expect(typeof json.classes[0].weight).toBe('string');
  });

  it('a bad workbook exits non-zero and names tab, row and column', async () => {
    const bad = join(dir, 'bad');
    cpSync(EXAMPLE_DIR, bad, { recursive: true });
    const lots = readFileSync(join(bad, 'Lots.csv'), 'utf8').split('\n');
    lots[3] = lots[3].replace(/^([^,]*,[^,]*,)[^,]*/, '$1abc');
    writeFileSync(join(bad, 'Lots.csv'), lots.join('\n'));
    const result = await runCli(['plan', bad]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/Lots!row 4, column Shares: found "abc"/);
  });

  it('lots --json gives each lot with its term and the date it turns long-term', async () => {
    const lots = JSON.parse((await runCli(['lots', EXAMPLE_DIR, '--json'])).stdout) as { ticker: string; term: string; longTermOn: string; shares: string }[];
    expect(lots.length).toBeGreaterThan(20);
    for (const l of lots) {
      expect(['short', 'long']).toContain(l.term);
      expect(l.longTermOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(l.shares).toMatch(/^\d+(\.\d+)?$/);
    }
  });

  it('plan --json is what apply takes; apply writes the tabs once and refuses the same plan twice', async () => {
    const plan = await runCli(['plan', EXAMPLE_XLSX, '--json', '--cash', 'Roth IRA=7000']);
    expect(plan.exitCode).toBe(0);
    const json = JSON.parse(plan.stdout);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['asOf', 'trades', 'drift', 'deferred', 'summary', 'cashFlows']));
    expect(json.cashFlows).toContainEqual({ account: 'Roth IRA', amount: '7000', kind: 'deposit' });
    const planFile = join(dir, 'plan.json');
    writeFileSync(planFile, plan.stdout);

    const dry = await runCli(['apply', EXAMPLE_DIR, '--plan', planFile]);
    expect(dry.stdout).toMatch(/Dry run: nothing written/);
    const out = join(dir, 'after');
    const applied = await runCli(['apply', EXAMPLE_DIR, '--plan', planFile, '--out', out]);
    expect(applied.exitCode).toBe(0);
    expect(readFileSync(join(out, 'Journal.csv'), 'utf8')).toContain(json.id);
    const again = await runCli(['apply', out, '--plan', planFile, '--out', join(dir, 'again')]);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toMatch(/already in the Journal/);
    // After recording, the household is within its bands.
    const after = JSON.parse((await runCli(['drift', out, '--json'])).stdout);
    expect(after.classes.filter((c: { status: string }) => c.status === 'over' || c.status === 'under')).toEqual([]);
  });

  it('usage mistakes exit 2 with the usage line', async () => {
    const unknown = await runCli(['plan', EXAMPLE_DIR, '--mode', 'sideways']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toMatch(/--mode: expected one of threshold, full, cash-only; found "sideways"/);
    const noAccount = await runCli(['plan', EXAMPLE_DIR, '--cash', 'Nowhere=5']);
    expect(noAccount.stderr).toMatch(/no account named "Nowhere"/);
    expect((await runCli(['nonsense'])).exitCode).toBe(2);
  });
});
