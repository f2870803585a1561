import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkTransportable } from '../../src/local-google/script-run';
import type { BacktestSidebarResult } from '../../src/gas/backtest-api';
import { exampleSheets, world } from './world';
import { createFakeGoogle } from '../../src/local-google/fake-google';
import { loadBundle } from '../support/load-bundle';

const run = (w: ReturnType<typeof world>, options: object) => checkTransportable(w.ctx.runBacktestForSidebar(options), 'result') as BacktestSidebarResult;

describe('runBacktestForSidebar through dist/Code.js', () => {
  it('the return history is bundled into Code.js', () => {
    const code = readFileSync(new URL('../../dist/Code.js', import.meta.url), 'utf8');
    expect(code).toContain('1928,0.438112,0.030800,0.008355,0.032196,-0.011561');
  });

  // Its speed is measured by `npm run bench:bundle` (the sidebar's run through the bundle), not here.
  it('runs your policy and the alternatives over every 10-year window, as plain JSON', () => {
    const w = world();
    const r = run(w, { years: '10', account: 'taxable', start: '' });
    if (!r.ok) throw new Error(r.errors.join('; '));
    // 1928-2025 is 98 years: 98 - 10 + 1 = 89 windows.
    expect(r.runs).toBe(89);
    expect(r.label).toBe('every 10-year window of 1928-2025 (89 windows)');
    expect(r.rows.map((row) => row.policy)).toEqual(['yours', 'never', 'annual', 'threshold', 'planner']);
    // Start: the example household's value rounded to cents ($742,246.21032).
    expect(r.start).toBe('742246.21');
    for (const row of r.rows) {
      expect(row.endingValue.median).toMatch(/^\d+\.\d{2}$/);
      expect(Number(row.endingValue.p10)).toBeLessThanOrEqual(Number(row.endingValue.median));
      expect(Number(row.endingValue.median)).toBeLessThanOrEqual(Number(row.endingValue.p90));
      expect(Number(row.endingValueAfterTax.median)).toBeLessThanOrEqual(Number(row.endingValue.median));
    }
    const never = r.rows.find((row) => row.policy === 'never')!;
    // A count is whole, in every row.
    expect(never.rebalances).toEqual({ p10: '0', median: '0', p90: '0' });
    for (const row of r.rows) for (const v of Object.values(row.rebalances)) expect(v, row.policy).toMatch(/^\d+$/);
    expect(never.taxesPaid.median).toBe('0.00');
    // Monthly schedule on annual data: your policy rebalances every year, as annual does.
    const yours = r.rows.find((row) => row.policy === 'yours')!;
    const annual = r.rows.find((row) => row.policy === 'annual')!;
    expect(yours.endingValueAfterTax).toEqual(annual.endingValueAfterTax);
    expect(r.notes.some((n) => n.startsWith('yours: every period ends a month'))).toBe(true);
    expect(r.svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(r.svg).toContain('Latest window, 2016-2025');
    expect(r.svg).not.toContain('<script');
    // The sidebar's chart is drawn at the sidebar's width; the dialog's is the wide one.
    expect(r.svg).toMatch(/ width="280" /);
    expect(r.svgLarge).toMatch(/ width="760" /);
    expect(r.svgLarge).toContain('Latest window, 2016-2025');
  }, 120_000);

  it('a tax-advantaged run pays no tax; bad input is named', () => {
    const w = world();
    const r = run(w, { years: '5', account: 'tax-advantaged', start: '$100,000' });
    if (!r.ok) throw new Error(r.errors.join('; '));
    expect(r.runs).toBe(94);
    expect(r.start).toBe('100000');
    expect(r.rows.length).toBeGreaterThan(0);
    expect(r.rows.every((row) => row.taxesPaid.p90 === '0.00')).toBe(true);
    const bad = run(w, { years: '200', account: 'offshore', start: '-5' });
    expect(bad).toEqual({
      ok: false,
      errors: [
        'Window years must be a whole number from 1 to 98; got "200".',
        'Account must be taxable or tax-advantaged; got "offshore".',
        'Start must be an amount above zero, e.g. 500000; got "-5".',
      ],
    });
  });

  it('a workbook with errors says so instead of running', () => {
    const bad = exampleSheets({ Targets: (rows) => rows.map((r, i) => (i === 1 ? [r[0], 'lots', ...r.slice(2)] : r)) });
    const r = run(world(bad), { years: '10', account: 'taxable' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toBe('The workbook has errors; fix them first.');
    expect(r.errors.some((e) => e.includes('Targets'))).toBe(true);
  });
});

describe('Open larger: the wide chart in a modal dialog', () => {
  it('showBacktestChart opens a modal dialog with the SVG as an image, never as markup', () => {
    const w = world();
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="760" height="510"><title>x</title><text>$1.2M</text></svg>';
    expect(w.ctx.showBacktestChart(svg, 'Latest window <b>')).toEqual({ ok: true });
    const shown = w.google.ui.shown.at(-1)!;
    expect(shown).toMatchObject({ kind: 'modal', title: 'Backtest: value and drift', width: 800, height: 560 });
    expect(shown.content).toContain(`src="data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}"`);
    expect(shown.content).not.toContain('<svg');
    expect(shown.content).toContain('alt="Latest window &#60;b&#62;"');
  });

  it('refuses anything that is not an SVG document; needs the container.ui scope like every dialog', () => {
    const w = world();
    expect(w.ctx.showBacktestChart('<script>alert(1)</script>', 't')).toEqual({ ok: false, errors: ['The chart could not be shown: run the backtest again.'] });
    expect(w.google.ui.shown).toEqual([]);
    const google = createFakeGoogle({ spreadsheet: { sheets: exampleSheets() }, oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'] });
    const ctx = loadBundle(google.globals);
    const r = ctx.showBacktestChart('<svg xmlns="http://www.w3.org/2000/svg"></svg>', 't') as { ok: boolean; errors: string[] };
    expect(r.ok).toBe(false);
    expect(r.errors[0]).toContain('Required permissions: https://www.googleapis.com/auth/script.container.ui');
  });
});
