import { formatDollars, formatPercent, toPlain, type Decimal } from '../money';
import { estimatedTaxPhrase, saleTaxSuffix, taxCell } from './tax-words';
import type { DriftRow } from '../drift';
import type { CheckDecision, CheckContent } from '../schedule/decide-check';
import { checkSubject } from './subject';
import { describeTaxDetail } from '../tax/plan-tax-detail';
import { escapeHtml, safeHttpsUrl } from './escape';
import { COLORS, badge, bulletList, button, dataTable, divergingBar, heading, page, paragraph, raw, twoLines, type CellContent, type Column } from './html-kit';
import { textTable } from './text-kit';
import type { DriftTrend } from '../schedule/drift-trend';

export interface EmailOptions {
  /** Link to the spreadsheet (only an https:// address becomes a link). */
  spreadsheetUrl: string | null;
  /** Marks the email as a test (subject and a banner). */
  test?: boolean;
  /** What the add-on did or could not do this run (plan written, auto-plan refused, Slack refused). */
  notes?: readonly string[];
  /** When the daily check runs, e.g. "around 7:00 (America/New_York)". */
  checkTime?: string;
  /** Household drift since the last review, from the History tab. */
  trend?: DriftTrend | null;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

const STATUS_COLOR = { over: COLORS.over, under: COLORS.under, within: COLORS.within } as const;
const STATUS_TEXT = { over: 'over', under: 'under', within: 'within band' } as const;

const signedPoints = (d: Decimal) => `${d.isNegative() ? '-' : '+'}${d.abs().times(100).toDecimalPlaces(1).toFixed(1)} pts`;
const signedPercent = (d: Decimal | null) => (d === null ? '' : `${d.isNegative() ? '-' : '+'}${formatPercent(d.abs(), 0)}`);
const bandText = (r: DriftRow) => (r.band ? `${formatPercent(r.band.lower)}–${formatPercent(r.band.upper)}` : '');

/** The scheduled check's email: subject, Gmail-safe HTML and a plain-text alternative. */
export function renderCheckEmail(decision: CheckDecision, options: EmailOptions): RenderedEmail {
  const subject = checkSubject(decision, options.test);
  return { subject, html: checkHtml(decision, subject, options), text: checkText(decision, subject, options) };
}

/** Scale for the drift bars: the largest relative drift, at least twice the override threshold. */
function barScale(c: CheckContent): number {
  let scale = c.overrideThreshold.times(2).toNumber();
  for (const r of c.drift.rows) if (r.relativeDrift) scale = Math.max(scale, r.relativeDrift.abs().toNumber());
  return scale > 0 ? scale : 1;
}

function driftHtml(c: CheckContent): string {
  const scale = barScale(c);
  // Two blocks of 264 px (html-kit): the class and where it stands, then how far it drifted.
  // The band is the Target cell's second line rather than a column of its own.
  const columns: Column[] = [{ title: 'Asset class', width: 112 }, { title: 'Held', align: 'right', width: 56 }, { title: 'Target (band)', align: 'right', width: 96 }, { title: 'Drift', align: 'center', width: 118 }, { title: 'Relative', align: 'right', width: 72 }, { title: 'Status', width: 74 }];
  const rows = c.drift.rows.map((r): CellContent[] => {
    const rel = r.relativeDrift;
    const color = STATUS_COLOR[r.status];
    const bar = rel === null ? raw('') : raw(divergingBar(rel.abs().toNumber() / scale, rel.isNegative() ? 'under' : 'over', r.band ? color : COLORS.muted));
    return [
      r.assetClass,
      formatPercent(r.weight),
      r.band ? twoLines(formatPercent(r.target), bandText(r)) : '—',
      bar,
      signedPercent(rel),
      raw(r.band ? badge(STATUS_TEXT[r.status], color) : badge('no target', COLORS.muted)),
    ];
  });
  return dataTable(columns, rows) + paragraph(`Household drift ${formatPercent(c.drift.householdDrift)} (half the sum of the gaps from target) on ${formatDollars(c.drift.total)}.`, `font-size:12px;color:${COLORS.muted};`);
}

function planHtml(c: CheckContent): string {
  const plan = c.plan;
  const room = zeroRoomSentence(c);
  if (!plan) return room ? heading('Tax this year') + paragraph(room) : '';
  if (plan.trades.length === 0) return heading('Proposed trades') + paragraph('No trade is proposed.') + (room ? paragraph(room) : '');
  const s = plan.summary;
  const columns: Column[] = [{ title: 'Account', width: 104 }, { title: 'Action', nowrap: true, width: 60 }, { title: 'Shares', align: 'right', width: 100 }, { title: 'Ticker', nowrap: true, width: 64 }, { title: 'Amount', align: 'right', width: 104 }, { title: 'Est. tax', align: 'right', width: 96 }];
  const rows = plan.trades.map((t): CellContent[] => [t.account, raw(badge(t.action, t.action === 'SELL' ? COLORS.over : COLORS.within)), toPlain(t.shares), t.ticker, formatDollars(t.amount), t.action === 'SELL' ? taxCell(t.tax) : '']);
  const parts = [
    heading(`Proposed trades (plan ${plan.id})`),
    paragraph(`${s.trades} trades: sell ${formatDollars(s.sold)}, buy ${formatDollars(s.bought)}; ${estimatedTaxPhrase(s.estimatedTax)}; losses harvested ${formatDollars(s.lossesHarvested)}; household drift ${formatPercent(s.driftBefore)} → ${formatPercent(s.driftAfter)}.`),
    s.taxDetail ? paragraph(describeTaxDetail(s.taxDetail), `font-size:12px;color:${COLORS.muted};`) : '',
    // The short reason, and on a second line the first of its details (the sidebar has them all).
    dataTable(columns, rows, plan.trades.map((t) => [t.reason, t.details[0] ?? ''])),
  ];
  if (plan.deferred.length > 0) parts.push(paragraph('Sales deferred until they turn long-term:'), bulletList(plan.deferred.map((d) => d.reason)));
  if (plan.warnings.length > 0) parts.push(paragraph('Warnings:'), bulletList(plan.warnings));
  return parts.join('');
}

/**
 * The 0% long-term bracket room (Filing Status set), when the plan's tax sentence does not say
 * it already: with no plan, or a plan without trades.
 */
function zeroRoomSentence(c: CheckContent): string | null {
  if (c.zeroRateRoom === null) return null;
  if (c.plan && c.plan.trades.length > 0 && c.plan.summary.taxDetail) return null;
  return c.zeroRateRoom.greaterThan(0)
    ? `You can still realize ${formatDollars(c.zeroRateRoom, 0)} of long-term gains at 0% federal tax this year.`
    : 'No long-term gain can be realized at 0% federal tax this year: this year\'s income and gains already fill the 0% bracket (or a net loss would absorb the gain first).';
}

function extrasHtml(c: CheckContent): string {
  const parts: string[] = [];
  parts.push(heading('Harvest opportunities'));
  parts.push(
    c.harvest.length === 0
      ? paragraph('None: no taxable lot has a loss of at least the Harvest Min Loss that a sale today would keep.')
      : dataTable(
          [{ title: 'Account', width: 112 }, { title: 'Ticker', nowrap: true, width: 64 }, { title: 'Lot', width: 88 }, { title: 'Term', nowrap: true, width: 56 }, { title: 'Loss', align: 'right', width: 104 }, { title: 'Tax saved', align: 'right', width: 104 }],
          c.harvest.map((h) => [h.account, h.ticker, h.lot, h.term, formatDollars(h.loss), formatDollars(h.taxSaved)]),
        ),
  );
  parts.push(heading('Lots turning long-term in the next 60 days'));
  parts.push(
    c.longTermSoon.length === 0
      ? paragraph('None.')
      : dataTable(
          [{ title: 'Account', width: 112 }, { title: 'Ticker', nowrap: true, width: 64 }, { title: 'Lot', width: 88 }, { title: 'Long-term on', nowrap: true, width: 96 }, { title: 'Gain', align: 'right', width: 80 }, { title: 'Saved by waiting', align: 'right', width: 88 }],
          c.longTermSoon.map((l) => [l.account, l.ticker, l.lot, twoLines(l.longTermOn, `in ${l.daysToLongTerm} day${l.daysToLongTerm === 1 ? '' : 's'}`), formatDollars(l.gain), formatDollars(l.taxSavedByWaiting)]),
        ),
  );
  parts.push(heading('Wash-sale windows closing in the next 30 days'));
  parts.push(
    c.washWindows.length === 0
      ? paragraph('None.')
      : dataTable(
          [{ title: 'Event', width: 104 }, { title: 'Account', width: 96 }, { title: 'Ticker', nowrap: true, width: 64 }, { title: 'Date', nowrap: true, width: 96 }, { title: 'Clear on', nowrap: true, width: 96 }],
          c.washWindows.map((w) => [w.kind === 'loss-sale' ? `Loss sale${w.loss ? ` (${formatDollars(w.loss)})` : ''}` : 'Purchase', w.account, w.ticker, w.date, w.clearOn]),
          c.washWindows.map((w) => [`Until then avoid ${washAdvice(w.kind, w.washGroup)}.`]),
        ),
  );
  if (c.unrecordedWashes.length > 0) {
    parts.push(heading('Wash sales not yet recorded'));
    parts.push(dataTable(
      [{ title: 'Loss sale', width: 104 }, { title: 'Ticker', nowrap: true, width: 64 }, { title: 'Kind', width: 96 }, { title: 'Replacement', width: 160 }, { title: 'Disallowed', align: 'right', width: 104 }],
      c.unrecordedWashes.map((w) => [`${w.saleDate}, ${w.account}`, w.ticker, w.permanent ? 'permanent' : 'deferred', `${w.replacementTicker} in ${w.replacementAccount}, ${w.replacementAcquired}`, formatDollars(w.disallowed)]),
    ));
    parts.push(paragraph(WASH_FIX_ADVICE, `font-size:12px;color:${COLORS.muted};`));
  }
  if (c.cpa.threshold !== null) {
    parts.push(paragraph(`Losses harvested this year: ${formatDollars(c.cpa.harvested)} (CPA note threshold ${formatDollars(c.cpa.threshold)}).`, `font-size:12px;color:${COLORS.muted};`));
  }
  return parts.join('');
}

/** "Household drift 4.1% → 6.6% since 2026-11-01, the last review." */
function trendSentence(trend: DriftTrend | null | undefined): string | null {
  if (!trend) return null;
  return `Household drift ${formatPercent(trend.from)} → ${formatPercent(trend.to)} since ${trend.since}, ${trend.sinceReview ? 'the last review' : 'the first check in the History tab'}.`;
}

const WASH_FIX_ADVICE = 'The Sales and Lots tabs do not show these yet: open the planner and choose "Record the adjustment" (or run rebalance washes --fix).';

function washAdvice(kind: 'loss-sale' | 'purchase', group: string): string {
  return kind === 'loss-sale' ? `buying ${group} (or a substantially identical fund) in any account` : `selling ${group} at a loss`;
}

function checkHtml(decision: CheckDecision, subject: string, options: EmailOptions): string {
  const c = decision.content;
  const url = safeHttpsUrl(options.spreadsheetUrl);
  const parts: string[] = [];
  if (options.test) parts.push(paragraph('This is a test email sent from the menu; the schedule itself is unchanged.', `background:${COLORS.testBg};padding:8px;border:1px solid ${COLORS.testBorder};`));
  parts.push(`<h1 style="font-family:Arial,Helvetica,sans-serif;font-size:20px;line-height:26px;color:${COLORS.ink};margin:0 0 4px 0;">${escapeHtml(subject.replace(/^\[Test\] /, ''))}</h1>`);
  parts.push(paragraph(`Checked as of ${c.asOf}. Schedule: ${c.schedule}${options.checkTime ? `, checked daily ${options.checkTime}` : ''}; next review ${c.nextReview}.`, `font-size:12px;color:${COLORS.muted};`));
  parts.push(bulletList(decision.reasons));
  for (const note of options.notes ?? []) parts.push(paragraph(note, `background:${COLORS.noteBg};padding:8px;border:1px solid ${COLORS.noteBorder};`));
  if (url) parts.push(button('Open the spreadsheet', url));
  parts.push(heading('Drift by asset class'), driftHtml(c));
  const trend = trendSentence(options.trend);
  if (trend) parts.push(paragraph(trend, `font-size:12px;color:${COLORS.muted};`));
  if (decision.kind === 'review' || decision.kind === 'alert') parts.push(planHtml(c), extrasHtml(c));
  parts.push(
    paragraph(
      'Sent by the Rebalancer add-on’s scheduled check. Nothing is traded or recorded for you: place the trades at your broker, then use Record executed plan. Change Schedule, Notify or Override Threshold on the Settings tab, or pause the schedule from the menu.',
      `font-size:11px;line-height:16px;color:${COLORS.muted};margin-top:24px;border-top:1px solid ${COLORS.rule};padding-top:12px;`,
    ),
  );
  return page(subject, parts.join(''));
}

function checkText(decision: CheckDecision, subject: string, options: EmailOptions): string {
  const c = decision.content;
  const url = safeHttpsUrl(options.spreadsheetUrl);
  const lines: string[] = [];
  if (options.test) lines.push('TEST EMAIL sent from the menu; the schedule itself is unchanged.', '');
  lines.push(subject, `Checked as of ${c.asOf}. Schedule: ${c.schedule}${options.checkTime ? `, checked daily ${options.checkTime}` : ''}; next review ${c.nextReview}.`, '');
  for (const r of decision.reasons) lines.push(`- ${r}`);
  for (const note of options.notes ?? []) lines.push('', note);
  if (url) lines.push('', `Open the spreadsheet: ${url}`);
  lines.push('', 'DRIFT BY ASSET CLASS');
  lines.push(
    textTable(
      ['Asset class', 'Held', 'Target', 'Band', 'Drift', 'Relative', 'Status'],
      c.drift.rows.map((r) => [r.assetClass, formatPercent(r.weight), r.band ? formatPercent(r.target) : '-', bandText(r).replace('–', '-'), signedPoints(r.drift), signedPercent(r.relativeDrift), r.band ? STATUS_TEXT[r.status] : 'no target']),
      [false, true, true, true, true, true, false],
    ),
  );
  lines.push(`Household drift ${formatPercent(c.drift.householdDrift)} on ${formatDollars(c.drift.total)}.`);
  const trend = trendSentence(options.trend);
  if (trend) lines.push(trend.replace('→', '->'));
  const room = zeroRoomSentence(c);
  if ((decision.kind === 'review' || decision.kind === 'alert') && !c.plan && room) lines.push('', 'TAX THIS YEAR', room);
  if ((decision.kind === 'review' || decision.kind === 'alert') && c.plan) {
    const plan = c.plan;
    lines.push('', `PROPOSED TRADES (plan ${plan.id})`);
    if (plan.trades.length === 0) lines.push('No trade is proposed.', ...(room ? [room] : []));
    else {
      const s = plan.summary;
      lines.push(`${s.trades} trades: sell ${formatDollars(s.sold)}, buy ${formatDollars(s.bought)}; ${estimatedTaxPhrase(s.estimatedTax)}; losses harvested ${formatDollars(s.lossesHarvested)}; household drift ${formatPercent(s.driftBefore)} -> ${formatPercent(s.driftAfter)}.`);
      if (s.taxDetail) lines.push(describeTaxDetail(s.taxDetail));
      for (const t of plan.trades) {
        lines.push(`* ${t.account}: ${t.action} ${toPlain(t.shares)} ${t.ticker} = ${formatDollars(t.amount)}${t.action === 'SELL' ? saleTaxSuffix(t.tax) : ''}`);
        lines.push(`    ${t.reason}`);
        if (t.details[0]) lines.push(`    ${t.details[0]}`);
      }
      for (const d of plan.deferred) lines.push(`Deferred: ${d.reason}`);
      for (const w of plan.warnings) lines.push(`Warning: ${w}`);
    }
    lines.push('', 'HARVEST OPPORTUNITIES');
    lines.push(c.harvest.length === 0 ? 'None.' : textTable(['Account', 'Ticker', 'Lot', 'Term', 'Loss', 'Tax saved'], c.harvest.map((h) => [h.account, h.ticker, h.lot, h.term, formatDollars(h.loss), formatDollars(h.taxSaved)]), [false, false, false, false, true, true]));
    lines.push('', 'LOTS TURNING LONG-TERM IN THE NEXT 60 DAYS');
    lines.push(c.longTermSoon.length === 0 ? 'None.' : textTable(['Account', 'Ticker', 'Lot', 'Long-term on', 'Days', 'Gain', 'Saved by waiting'], c.longTermSoon.map((l) => [l.account, l.ticker, l.lot, l.longTermOn, String(l.daysToLongTerm), formatDollars(l.gain), formatDollars(l.taxSavedByWaiting)]), [false, false, false, false, true, true, true]));
    lines.push('', 'WASH-SALE WINDOWS CLOSING IN THE NEXT 30 DAYS');
    lines.push(c.washWindows.length === 0 ? 'None.' : c.washWindows.map((w) => `- ${w.kind === 'loss-sale' ? 'Loss sale' : 'Purchase'} of ${w.ticker} in ${w.account} on ${w.date}: avoid ${washAdvice(w.kind, w.washGroup)} until ${w.clearOn}.`).join('\n'));
    if (c.unrecordedWashes.length > 0) {
      lines.push('', 'WASH SALES NOT YET RECORDED');
      for (const w of c.unrecordedWashes) lines.push(`- ${w.reason}`);
      lines.push(WASH_FIX_ADVICE);
    }
    if (c.cpa.threshold !== null) lines.push('', `Losses harvested this year: ${formatDollars(c.cpa.harvested)} (CPA note threshold ${formatDollars(c.cpa.threshold)}).`);
  }
  lines.push('', '--', 'Sent by the Rebalancer add-on\'s scheduled check. Nothing is traded or recorded for you. Change Schedule, Notify or Override Threshold on the Settings tab, or pause the schedule from the menu.');
  return lines.join('\n');
}
