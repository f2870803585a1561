/**
 * The Backtest section: the form (window years, account kind) and the result (a table of
 * medians with their 10th-90th percentile spread, one row per policy, and the chart). The chart
 * is an SVG string from the server shown through an <img> data URL: an image cannot run script,
 * and nothing is parsed into this document as markup.
 */
import type { BacktestRowJson, BacktestSidebarResult, SpreadJson } from '../src/gas/backtest-api';
import { el, type Child } from './dom';
import { money, percent } from './format';

type Ok = Extract<BacktestSidebarResult, { ok: true }>;

/** Compact dollars for a narrow table: $1.72M, $245K, $950 (the exact figures are in the title). */
function dollars0(text: string): string {
  const n = Number(text);
  if (!Number.isFinite(n)) return '—';
  const abs = Math.abs(n);
  const sign = n < 0 ? '−' : '';
  if (abs >= 1e6) return `${sign}$${(abs / 1e6).toPrecision(3)}M`;
  if (abs >= 1e4) return `${sign}$${Math.round(abs / 1e3)}K`;
  if (abs >= 1e3) return `${sign}$${(abs / 1e3).toPrecision(3)}K`;
  return `${sign}$${Math.round(abs)}`;
}
/** A count is a whole number: 4, not 4.5 (the server sends whole counts; this holds older results too). */
const count = (text: string) => (Number.isFinite(Number(text)) ? String(Math.round(Number(text))) : '—');

interface Column {
  head: string;
  title: string;
  pick: (row: BacktestRowJson) => SpreadJson;
  format: (text: string) => string;
}

const COLUMNS: readonly Column[] = [
  { head: 'Ending value', title: 'Value at the end of the window, before the tax of selling everything', pick: (r) => r.endingValue, format: dollars0 },
  { head: 'After tax', title: 'Ending value less the tax a sale of everything would cost (equal in a tax-advantaged account)', pick: (r) => r.endingValueAfterTax, format: dollars0 },
  { head: 'Ann. return', title: 'Annualized time-weighted return, net of tax paid along the way', pick: (r) => r.annualizedReturn, format: (t) => percent(t, 2) },
  { head: 'Volatility', title: 'Standard deviation of yearly returns', pick: (r) => r.volatility, format: (t) => percent(t, 1) },
  { head: 'Worst drawdown', title: 'Largest fall from a previous peak (year ends only)', pick: (r) => r.maxDrawdown, format: (t) => percent(t, 1) },
  { head: 'Largest drift', title: 'Largest drift from target seen: half the sum of |weight - target|', pick: (r) => r.maxDrift, format: (t) => percent(t, 1) },
  { head: 'Rebalances', title: 'Periods in which the policy traded to restore the mix', pick: (r) => r.rebalances, format: count },
  { head: 'Turnover', title: 'Dollars traded over the window divided by the average value', pick: (r) => r.turnover, format: (t) => percent(t, 0) },
  { head: 'Taxes paid', title: 'Tax on gains realized along the way (liquidation not included)', pick: (r) => r.taxesPaid, format: dollars0 },
];

/** The form's controls; the caller wires the button. */
export function backtestForm(onRun: (event: MouseEvent) => void): HTMLElement[] {
  const years = el('input', { attrs: { type: 'text', id: 'bt-years', inputmode: 'numeric', 'aria-label': 'Window years' } });
  years.value = '10';
  const account = el('select', { attrs: { id: 'bt-account', name: 'bt-account' } }, [
    el('option', { text: 'Tax-advantaged', attrs: { value: 'tax-advantaged' } }),
    el('option', { text: 'Taxable', attrs: { value: 'taxable' } }),
  ]);
  return [
    el('p', { class: 'muted', text: 'Your Targets, bands and Schedule against never, annual, threshold and the planner, over every rolling window of 1928-2025.' }),
    el('div', { class: 'field' }, [el('label', { attrs: { for: 'bt-years' } }, ['Window years']), years]),
    el('div', { class: 'field wide' }, [el('label', { attrs: { for: 'bt-account' } }, ['Account']), account]),
    el('div', { class: 'buttons' }, [
      el('button', { class: 'primary', text: 'Run backtest', attrs: { type: 'button', id: 'run-backtest', 'data-action': 'backtest' }, on: { click: onRun } }),
    ]),
  ];
}

export function readBacktestForm(): { years: string; account: string } {
  const years = document.getElementById('bt-years') as HTMLInputElement;
  const account = document.getElementById('bt-account') as HTMLSelectElement;
  return { years: years.value.trim(), account: account.value };
}

function cell(spread: SpreadJson, format: (text: string) => string, exact: boolean): HTMLElement {
  const title = exact ? `median ${money(spread.median)}; 10th percentile ${money(spread.p10)}; 90th ${money(spread.p90)}` : undefined;
  return el('td', { class: 'num', title }, [
    el('span', { class: 'median', text: format(spread.median) }),
    el('span', { class: 'range', text: `${format(spread.p10)} – ${format(spread.p90)}` }),
  ]);
}

/**
 * The chart drawn for the sidebar's width, and "Open larger": the wide chart in a modal dialog
 * (showBacktestChart; in the workbench the dialog shows as an overlay). A failure is said next
 * to the button.
 */
function chart(result: Ok, openLarger: (svg: string, title: string) => Promise<string | null>): HTMLElement[] {
  const img = el('img', {
    class: 'bt-chart',
    attrs: { id: 'bt-chart', alt: result.chartTitle, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(result.svg)}` },
  });
  const problem = el('span', { class: 'muted small', attrs: { id: 'bt-chart-problem' } });
  const open = async () => {
    problem.textContent = (await openLarger(result.svgLarge, result.chartTitle)) ?? '';
  };
  img.addEventListener('click', () => void open());
  return [
    el('div', { class: 'bt-chart-box' }, [img]),
    el('div', { class: 'buttons' }, [el('button', { text: 'Open larger', attrs: { type: 'button', id: 'bt-open-larger', 'data-action': 'backtest-larger' }, on: { click: () => void open() } }), problem]),
  ];
}

export function backtestView(result: Ok, openLarger: (svg: string, title: string) => Promise<string | null>): Child[] {
  const table = el('table', { class: 'bt-table', attrs: { id: 'bt-table' } }, [
    el('thead', {}, [el('tr', {}, [el('th', { class: 'policy', text: 'Policy' }), ...COLUMNS.map((c) => el('th', { text: c.head, title: c.title }))])]),
    el('tbody', {}, result.rows.map((row) =>
      el('tr', { attrs: { 'data-policy': row.policy } }, [
        el('th', { class: 'policy', text: row.policy, title: row.description }),
        ...COLUMNS.map((c) => cell(c.pick(row), c.format, c.format === dollars0)),
      ]),
    )),
  ]);
  return [
    el('p', { class: 'muted', text: `${money(result.start)} start, ${result.taxable ? 'taxable' : 'tax-advantaged'}; ${result.label}. Median, with the 10th–90th percentile under it.` }),
    el('div', { class: 'bt-scroll' }, [table]),
    el('p', { class: 'muted small', text: 'Scroll the table sideways for all columns.' }),
    el('h3', { text: result.chartTitle }),
    ...chart(result, openLarger),
    el('details', { class: 'bt-notes' }, [
      el('summary', { text: 'How to read this' }),
      el('ul', { class: 'plain' }, [
        ...result.rows.map((r) => el('li', {}, [el('b', { text: `${r.policy}: ` }), r.description])),
        ...result.notes.map((n) => el('li', { text: n })),
      ]),
    ]),
  ];
}
