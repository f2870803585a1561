import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type WorkbenchWorld } from '../../src/workbench/world';
import { loadWorkbook } from '../../src/workbook/node/load-workbook';
import { EXAMPLE_XLSX } from '../support/example-grids';

const dist = (f: string) => readFileSync(fileURLToPath(new URL(`../../dist/${f}`, import.meta.url)), 'utf8');

interface Plan {
  id: string;
  trades: unknown[];
}

/** Writing the plan: the message is true, the kept plan fits no quota, stale chunks go. */
describe('writePlanToSheet keeps the plan in a hidden tab, in the same all-or-nothing write', () => {
  let world: WorkbenchWorld;
  let plan: Plan;
  beforeAll(async () => {
    world = createWorld(await loadWorkbook(EXAMPLE_XLSX), { code: dist('Code.js'), sidebarHtml: dist('Sidebar.html') });
    const made = world.call('makePlan', [{}]) as { ok: true; result: { ok: true; plan: Plan } };
    plan = made.result.plan;
  }, 60_000);

  it('with the property store nearly full (500 KB), the plan is still written, kept and offered to Record', () => {
    const props = world.google.properties.document;
    // Earlier versions' chunks, and other data filling the store to within 1 KB of its quota.
    props.setProperties({ 'rebalancer.lastPlan.count': '2', 'rebalancer.lastPlan.0': '{"stale":', 'rebalancer.lastPlan.1': 'true}' });
    for (let i = 0; props.bytesUsed() < 500 * 1024 - 9 * 1024; i++) props.setProperty(`filler.${i}`, 'x'.repeat(8 * 1024));
    const written = world.call('writePlanToSheet', [plan]);
    expect(written).toEqual({ ok: true, result: { ok: true, planId: plan.id, trades: plan.trades.length } });
    expect(world.tabs().find((t) => t.name === 'Plan')).toBeDefined();
    expect(world.google.spreadsheet.sheet('_rebalancer_plan').isSheetHidden()).toBe(true);
    expect(props.getKeys().filter((k) => k.startsWith('rebalancer.lastPlan'))).toEqual([]);
    const state = world.call('getPlannerState', []) as { ok: true; result: { lastPlan: Plan | null } };
    expect(state.result.lastPlan?.id).toBe(plan.id);
    expect(state.result.lastPlan).toEqual(plan);
  });

  it('a write that fails leaves neither the Plan tab nor the kept plan, and says so truthfully', () => {
    const before = world.google.spreadsheet.snapshot();
    world.google.spreadsheet.failAfterWrites(2, 1);
    const failed = world.call('writePlanToSheet', [{ ...plan, id: `${plan.id}-b` }]) as { ok: true; result: { ok: boolean; errors?: string[] } };
    world.google.spreadsheet.stopFailing();
    expect(failed.result.ok).toBe(false);
    expect(failed.result.errors![0]).toMatch(/^Nothing was written: /);
    expect(world.google.spreadsheet.snapshot()).toEqual(before);
  });

  it('a write that fails after the Plan tab was rewritten puts its number formats back too, at every point', () => {
    // A plan with one trade fewer lays its rows out differently, so the formats move.
    const next = { ...plan, id: `${plan.id}-c`, trades: plan.trades.slice(1) };
    expect(world.call('writePlanToSheet', [plan])).toMatchObject({ ok: true, result: { ok: true } });
    const planSheet = () => world.google.spreadsheet.sheet('Plan');
    const formatsNow = () => planSheet().getRange(1, 1, planSheet().getLastRow(), planSheet().getLastColumn()).getNumberFormats();
    const before = formatsNow();
    const values = world.google.spreadsheet.snapshot();
    const start = world.google.spreadsheet.writeCount();
    expect(world.call('writePlanToSheet', [next])).toMatchObject({ ok: true, result: { ok: true } });
    const total = world.google.spreadsheet.writeCount() - start;
    expect(formatsNow(), 'the second plan moves the formats').not.toEqual(before);
    for (let n = 3; n < total; n++) {
      expect(world.call('writePlanToSheet', [plan])).toMatchObject({ ok: true, result: { ok: true } });
      world.google.spreadsheet.failAfterWrites(n, 1);
      const failed = world.call('writePlanToSheet', [{ ...next, id: `${next.id}-${n}` }]) as { ok: true; result: { ok: boolean } };
      world.google.spreadsheet.stopFailing();
      expect(failed.result.ok, `fail after ${n}`).toBe(false);
      expect(world.google.spreadsheet.snapshot().Plan, `fail after ${n}`).toEqual(values.Plan);
      expect(formatsNow(), `fail after ${n} writes`).toEqual(before);
    }
  });

  it('a plan far bigger than one property value (9 KB) or one cell (50,000 characters) comes back exactly', () => {
    const huge = { ...plan, id: `${plan.id}-huge`, trades: Array.from({ length: 30 }, () => plan.trades).flat() };
    expect(JSON.stringify(huge).length).toBeGreaterThan(120_000);
    expect(world.call('writePlanToSheet', [huge])).toMatchObject({ ok: true, result: { ok: true } });
    const cells = world.google.spreadsheet.sheet('_rebalancer_plan').contents();
    expect(cells.length).toBeGreaterThan(3);
    for (const row of cells) expect(String(row[0]).length).toBeLessThanOrEqual(50_000);
    const state = world.call('getPlannerState', []) as { ok: true; result: { lastPlan: Plan | null } };
    expect(state.result.lastPlan).toEqual(huge);
  });
});
