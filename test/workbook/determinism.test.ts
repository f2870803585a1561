import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../support/plan-from-sources.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** One fresh Node process: the example household's plan from the CSV folder, the .xlsx and Apps Script values. */
async function plansInNewProcess(timeZone: string): Promise<{ csv: string; xlsx: string; appsScript: string }> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', SCRIPT], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: timeZone } });
  return JSON.parse(stdout);
}

describe('determinism across processes and sources', () => {
  it('the same plan JSON, byte for byte, from a CSV folder, an .xlsx and Apps Script values, in two separate Node processes', async () => {
    // The machine's own time zone must not matter either: the second process runs 17 hours ahead.
    // The two run at once (separate processes either way; one after the other only took longer).
    const [first, second] = await Promise.all([plansInNewProcess('UTC'), plansInNewProcess('Pacific/Auckland')]);
    const all = [first.csv, first.xlsx, first.appsScript, second.csv, second.xlsx, second.appsScript];
    for (const [i, text] of all.entries()) expect(text, ['csv', 'xlsx', 'Apps Script'][i % 3] + (i < 3 ? ' (first process)' : ' (second process)')).toBe(first.csv);
    const plan = JSON.parse(first.csv) as { id: string; trades: unknown[] };
    expect(plan.id).toMatch(/^P-2026-11-20-[0-9a-f]{10}$/);
    expect(plan.trades.length).toBeGreaterThan(0);
  }, 60_000);
});
