import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type WorkbenchWorld } from '../../src/workbench/world';
import { loadWorkbook } from '../../src/workbook/node/load-workbook';
import { EXAMPLE_XLSX } from '../support/example-grids';

const dist = (f: string) => readFileSync(fileURLToPath(new URL(`../../dist/${f}`, import.meta.url)), 'utf8');

describe('Help ▸ Diagnostics in the workbench (dist/Code.js over the fakes)', () => {
  let world: WorkbenchWorld;
  beforeAll(async () => {
    world = createWorld(await loadWorkbook(EXAMPLE_XLSX), { code: dist('Code.js'), sidebarHtml: dist('Sidebar.html') });
  }, 60_000);

  it('times every step on the example and on a generated 5,000-lot household, then writes the Journal and a dialog', () => {
    const answer = world.run('showDiagnostics');
    expect(answer).toEqual({ ok: true, result: null });
    const dialog = world.google.ui.shown.at(-1)!;
    expect(dialog.kind).toBe('modal');
    expect(dialog.title).toBe('Rebalancer diagnostics');
    for (const step of [
      'active: read the household',
      'active: DRIFT',
      'active: TAXLOTS',
      'active: REBALANCE (read + plan)',
      'active: plan (sidebar)',
      'generated: build a 5000-lot household in memory',
      'generated: DRIFT',
      'generated: TAXLOTS',
      'generated: REBALANCE (read + plan)',
      'generated: plan (engine only)',
    ]) expect(dialog.content, step).toContain(step);
    expect(dialog.content).not.toContain('failed:');
    expect(dialog.content).toContain('5000 lots');
    expect(dialog.content).toMatch(/Slowest custom function<\/td><td[^>]*>\d+ ms of the 30 s limit/);
    expect(dialog.content).toContain('Script time zone');
    expect(dialog.content).toContain('Email recipients left today</td><td style="padding:2px 6px;vertical-align:top">100');
    // The runtime the fakes present: console and WebAssembly, no timers.
    expect(dialog.content).toMatch(/Globals present<\/td><td[^>]*>console, WebAssembly</);
    expect(dialog.content).toMatch(/Globals absent<\/td><td[^>]*>setTimeout, setInterval/);
    const journal = world.tabs().find((t) => t.name === 'Journal')!.rows;
    const last = journal.at(-1)!;
    expect(last[2]).toBe('check');
    expect(last[4]).toMatch(/^Diagnostics .*generated: TAXLOTS \d+ ms \(5000 lots\)/);
  }, 120_000);

  it('on a broken workbook it still times the generated household and says what is wrong', () => {
    const google = world.google;
    const lots = google.spreadsheet.sheet('Lots');
    lots.getRange(2, 3).setValue('lots of shares');
    world.run('showDiagnostics');
    const dialog = google.ui.shown.at(-1)!.content;
    expect(dialog).toMatch(/active: read the household[^<]*<\/td><td[^>]*>\d+<\/td><td[^>]*>\d+ workbook error\(s\): Lots!row 2, column Shares/);
    expect(dialog).not.toContain('active: DRIFT');
    expect(dialog).toContain('generated: plan (engine only)');
  }, 120_000);

  it('is a menu item: from a time-driven run it cannot show its dialog, and stops before timing anything or writing the Journal', () => {
    const journalRows = () => world.tabs().find((t) => t.name === 'Journal')?.rows.length ?? 0;
    const before = journalRows();
    const dialogs = world.google.ui.shown.length;
    expect(world.run('showDiagnostics', [], 'timeDriven')).toEqual({ ok: false, error: 'Cannot call SpreadsheetApp.getUi() from this context.' });
    expect(journalRows()).toBe(before);
    expect(world.google.ui.shown.length).toBe(dialogs);
  }, 120_000);
});
