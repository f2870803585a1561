import type { PlanJson } from '../present/plan-json';
import { numberFormatFor, type CellKind } from '../present/cell-formats';

export const PLAN_TAB = 'Plan';
export const PLAN_HEADERS = [
  'Account', 'Action', 'Ticker', 'Shares', 'Price', 'Amount', 'Lots', 'Short-Term Gain', 'Long-Term Gain', 'Tax', 'Reason', 'Details',
] as const;

/** What each trade column holds, for its number format. */
const TRADE_KINDS: readonly (CellKind | null)[] = [null, null, null, 'shares', 'dollars', 'dollars', null, 'dollars', 'dollars', 'tax', null, null];

/** The Plan tab's cells and, cell for cell, their number formats (for Range.setNumberFormats). */
export interface PlanTab {
  rows: string[][];
  formats: string[][];
}

/**
 * The Plan tab: a title row naming the plan, the trades (each with its one-sentence reason and,
 * beside it, the details), then the summary and warnings. Values are the plan's decimal strings;
 * the writer turns them into numbers at the cell edge, and the formats show them as dollars,
 * shares to their precision, percentages, and a tax saving as "saves $90.65".
 */
export function planTab(plan: PlanJson): PlanTab {
  const width = PLAN_HEADERS.length;
  const rows: string[][] = [];
  const formats: string[][] = [];
  const add = (cells: readonly string[], kinds: readonly (CellKind | null)[] = []) => {
    const row = [...cells, ...Array(Math.max(0, width - cells.length)).fill('')];
    rows.push(row);
    formats.push(row.map((value, c) => numberFormatFor(value === '' ? 'text' : kinds[c] ?? 'text', value)));
  };
  add([`Plan ${plan.id}`, `as of ${plan.asOf}`, '', '', '', '', '', '', '', '', 'Proposed trades: review, place them at your broker, then use Record executed plan.']);
  add([...PLAN_HEADERS]);
  for (const t of plan.trades) {
    add(
      [t.account, t.action, t.ticker, t.shares, t.price, t.amount, t.lots.map((l) => `${l.lot} (${l.shares})`).join(', '), t.shortTermGain, t.longTermGain, t.tax, t.reason, (t.details ?? []).join(' ')],
      TRADE_KINDS,
    );
  }
  add(['']);
  add(['Estimated tax', String(plan.summary.estimatedTax)], [null, 'tax']);
  add(['Losses harvested', String(plan.summary.lossesHarvested)], [null, 'dollars']);
  add(['Household drift before', String(plan.summary.driftBefore)], [null, 'percent']);
  add(['Household drift after', String(plan.summary.driftAfter)], [null, 'percent']);
  for (const d of plan.deferred) add(['Deferred', d.account, d.ticker, d.shares, '', '', d.lot, '', '', d.taxSaved, d.reason], [null, null, null, 'shares', null, null, null, null, null, 'dollars']);
  for (const w of plan.warnings) add(['Warning', '', '', '', '', '', '', '', '', '', w]);
  return { rows, formats };
}

/** The Plan tab's cells alone. */
export function planTabRows(plan: PlanJson): string[][] {
  return planTab(plan).rows;
}
