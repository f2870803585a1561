import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../support/plan-from-sources.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** One fresh Node process: the example household's plan from the CSV folder, the .xlsx and Apps Script values. */
function plansInNewProcess(timeZone: string): { csv: string; xlsx: string; appsScript: string } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', SCRIPT], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: timeZone } });
  return JSON.parse(out);
}

describe('determinism across processes and sources', () => {
  it('the same plan JSON, byte for byte, from a CSV folder, an .xlsx and Apps Script values, in two separate Node processes', () => {
    // The machine's own time zone must not matter either: the second process runs 17 hours ahead.
    const first = plansInNewProcess('UTC');
    const second = plansInNewProcess('Pacific/Auckland');
    const all = [first.csv, first.xlsx, first.appsScript, second.csv, second.xlsx, second.appsScript];
    for (const [i, text] of all.entries()) expect(text, ['csv', 'xlsx', 'Apps Script'][i % 3] + (i < 3 ? ' (first process)' : ' (second process)')).toBe(first.csv);
    const plan = JSON.parse(first.csv) as { id: string; trades: unknown[] };
    expect(plan.id).toMatch(/^P-2026-11-20-[0-9a-f]{10}$/);
    expect(plan.trades.length).toBeGreaterThan(0);
  }, 60_000);
});
