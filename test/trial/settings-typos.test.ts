import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { EXAMPLE_DIR } from '../support/example-grids';

const dir = mkdtempSync(join(tmpdir(), 'settings-typos-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The example household with rows added to Settings. */
function withSettings(name: string, rows: string): string {
  const out = join(dir, name);
  cpSync(EXAMPLE_DIR, out, { recursive: true });
  writeFileSync(join(out, 'Settings.csv'), readFileSync(join(out, 'Settings.csv'), 'utf8').trimEnd() + '\n' + rows);
  return out;
}

describe('Settings typed with mistakes', () => {
  it('a misspelled Filing Status is warned about with the setting meant, and Income without it says tax stays at the flat rates', async () => {
    const book = withSettings('staus', 'Filing Staus,Married Filing Jointly\nIncome,"$120,000"\nHarvest Gains,yes\n');
    const result = await runCli(['plan', book]);
    expect(result.exitCode).toBe(0);
    const warnings = (result.stderr ?? '').split('\n');
    expect(warnings).toContain('warning: Settings!row 23, column Setting: found unknown setting "Filing Staus"; did you mean Filing Status? (this row is ignored)');
    expect(warnings).toContain(
      'warning: Settings!row 24, column Setting: found Income, Harvest Gains but no Filing Status; they are used only with the federal tables, so tax is figured at the flat Short-Term and Long-Term Rates (add a Filing Status row, e.g. Married Filing Jointly)',
    );
  });
  it('a name like no setting lists the settings there are', async () => {
    const result = await runCli(['plan', withSettings('zzz', 'Favourite Colour,blue\n')]);
    expect(result.stderr ?? '').toMatch(/found unknown setting "Favourite Colour"; expected one of As Of, Short-Term Rate, .*, Harvest Gains \(this row is ignored\)/);
  });
  it('with a Filing Status there is no such warning, and Harvest Gains "no" alone is none', async () => {
    const withStatus = await runCli(['plan', withSettings('status', 'Filing Status,Married Filing Jointly\nIncome,"$120,000"\n')]);
    expect(withStatus.stderr ?? '').not.toMatch(/no Filing Status/);
    const harvestNo = await runCli(['plan', withSettings('no', 'Harvest Gains,no\n')]);
    expect(harvestNo.stderr ?? '').not.toMatch(/no Filing Status/);
  });
});
