/**
 * Recording a partly executed plan through dist/Code.js, as the sidebar calls it: a trade sent
 * with 0 shares is skipped and named in the outcome, the Journal and (not at all) in Slack; a
 * recorded plan is not offered for recording again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkTransportable } from '../../src/local-google/script-run';
import type { MakePlanResult, PlannerState, RecordOutcome } from '../../src/gas/sidebar-api';
import type { ExecutedPlanJson, PlanJson } from '../../src/present/plan-json';
import { exampleSheets, world, type World } from './world';

const HOOK = 'https://hooks.slack.com/services/T000/B000/secret';
const plan = (w: World): PlanJson => {
  const r = checkTransportable(w.ctx.makePlan({}), 'result') as MakePlanResult;
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.plan;
};
const record = (w: World, p: unknown) => checkTransportable(w.ctx.recordExecuted(p), 'result') as RecordOutcome;
const state = (w: World) => checkTransportable(w.ctx.getPlannerState(), 'result') as PlannerState;

/** The plan as the record form sends it: each trade's executed shares beside the planned ones. */
function executed(p: PlanJson, shares: (t: PlanJson['trades'][number]) => string): ExecutedPlanJson {
  return { ...p, trades: p.trades.map((t) => ({ ...t, shares: shares(t), plannedShares: t.shares })) };
}

describe('recordExecuted with trades not executed', () => {
  beforeAll(() => {
  }, 30_000);

  it('BUY 293 VEA sent as 0 shares: no new VEA lot in the taxable account, the outcome and Journal name it, Slack does not', () => {
    const sheets = exampleSheets({ Settings: (rows) => [...rows, ['Slack Webhook', HOOK]] });
    const w = world(sheets);
    const p = plan(w);
    const agg = p.trades.find((t) => t.action === 'BUY' && t.ticker === 'VEA' && t.account === 'Taxable Brokerage')!;
    expect(agg.shares).toBe('293');
    const r = record(w, executed(p, (t) => (t === agg ? '0' : t.shares)));
    if (!r.ok) throw new Error(r.errors.join('; '));
    expect(r.trades).toBe(p.trades.length - 1);
    expect(r.skipped).toEqual(['BUY 293 VEA in Taxable Brokerage']);
    const lots = w.google.spreadsheet.sheet('Lots').contents();
    // The two VEA lots it held before, and no third.
    expect(lots.filter((row) => row[0] === 'Taxable Brokerage' && row[1] === 'VEA')).toHaveLength(2);
    const journal = w.google.spreadsheet.sheet('Journal').contents().find((row) => row[2] === 'recorded')!;
    expect(String(journal[4])).toMatch(new RegExp(`^${p.trades.length - 1} trades recorded; 1 not executed \\(skipped\\): BUY 293 VEA in Taxable Brokerage\\.`));
    expect(String(journal[4])).toContain('Not executed: BUY 293 VEA in Taxable Brokerage (skipped).');
    const slack = w.google.urlFetch.requests.map((q) => JSON.parse(String(q.payload)).text as string);
    expect(slack).toHaveLength(1);
    expect(slack[0]).toContain(`recorded as executed: ${p.trades.length - 1} trades`);
    expect(slack[0]).not.toContain('Taxable Brokerage: BUY 293 VEA');
  });

  it('a plan with every trade at 0 shares is refused and writes nothing', () => {
    const w = world();
    const p = plan(w);
    const before = w.google.spreadsheet.snapshot();
    const r = record(w, executed(p, () => '0'));
    expect(r).toEqual({ ok: false, errors: ['Every trade is marked not executed (0 shares): there is nothing to record. Enter the shares you executed, or record nothing.'] });
    expect(w.google.spreadsheet.snapshot()).toEqual(before);
  });

  it('0 shares belongs to recording only: a plan with a 0-share trade is not written to the Plan tab', () => {
    const w = world();
    const p = plan(w);
    const before = w.google.spreadsheet.snapshot();
    const r = checkTransportable(w.ctx.writePlanToSheet({ ...p, trades: p.trades.map((t, i) => (i === 1 ? { ...t, shares: '0' } : t)) }), 'result');
    expect(r).toEqual({ ok: false, errors: ['trades[1].shares: expected a number greater than 0 in a plan; found 0'] });
    expect(w.google.spreadsheet.snapshot()).toEqual(before);
  });

  it('once recorded, the plan written last is not offered for recording again', () => {
    const w = world();
    const p = plan(w);
    expect(checkTransportable(w.ctx.writePlanToSheet(p), 'result')).toMatchObject({ ok: true });
    expect(record(w, p).ok).toBe(true);
    w.ctx.showRecordDialog();
    const s = state(w);
    if (!s.ok) throw new Error('expected state');
    expect(s.startStep).toBe('record');
    expect(s.lastPlan).toBeNull();
    expect(s.lastPlanRecorded).toBe(p.id);
  });
});
