import { describe, expect, it } from 'vitest';
import { backtestCommand, TABLE_WIDTH } from '../../src/cli/commands/backtest';
import { nodeBacktestIo } from '../../src/cli/commands/backtest-io';
import { EXAMPLE_XLSX } from '../support/example-grids';

/** What a terminal shows: every line of the output, measured in characters (an en dash is one). */
const widest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));

describe('rebalance backtest <workbook>, as the sidebar runs it', () => {
  it('starts from the household value and has the "yours" row first; every line fits 100 columns', async () => {
    const out = await backtestCommand([EXAMPLE_XLSX, '--windows', '--years', '30', '--taxable'], nodeBacktestIo());
    expect(out.stderr ?? '').toBe('');
    expect(out.exitCode).toBe(0);
    // The example household is worth $742,246.21 (the sidebar's drift total).
    expect(out.stdout).toContain('Start $742,246.21; mix US Large Cap 35.0%');
    const rows = out.stdout.split('\n').filter((l) => /^(yours|never|annual|threshold) /.test(l));
    expect(rows.map((l) => l.split(' ')[0])).toEqual(['yours', 'never', 'annual', 'threshold', 'yours', 'never', 'annual', 'threshold']);
    expect(out.stdout).toContain('yours: Your policy: rebalance monthly (Settings Schedule)');
    expect(widest(out.stdout)).toBeLessThanOrEqual(TABLE_WIDTH);
    // Counts are whole: "10 (10–10)", never "9.5".
    expect(out.stdout).not.toMatch(/\b\d+\.5 \(/);
  }, 120_000);

  it('--start still wins; --json carries the yours row with whole rebalance counts', async () => {
    const out = await backtestCommand([EXAMPLE_XLSX, '--windows', '--years', '10', '--start', '100000', '--json'], nodeBacktestIo());
    expect(out.exitCode).toBe(0);
    const json = JSON.parse(out.stdout) as { start: string; summaries: { policy: string; rebalances: { p10: string; median: string; p90: string } }[] };
    expect(json.start).toBe('100000.00');
    expect(json.summaries.map((s) => s.policy)).toEqual(['yours', 'never', 'annual', 'threshold']);
    for (const s of json.summaries) for (const v of Object.values(s.rebalances)) expect(v).toMatch(/^\d+$/);
  }, 120_000);

  it('one run over the whole history: two tables, aligned, within 100 columns', async () => {
    const out = await backtestCommand([EXAMPLE_XLSX, '--policy', 'never,annual'], nodeBacktestIo());
    expect(out.exitCode).toBe(0);
    const tables = out.stdout.split('\n\n').filter((block) => block.startsWith('Policy'));
    expect(tables).toHaveLength(2);
    for (const t of tables) {
      const lines = t.split('\n');
      expect(lines.map((l) => l.split(' ')[0])).toEqual(['Policy', 'yours', 'never', 'annual']);
      expect(new Set(lines.map((l) => [...l].length)).size).toBe(1);
    }
    expect(widest(out.stdout)).toBeLessThanOrEqual(TABLE_WIDTH);
  }, 120_000);
});
