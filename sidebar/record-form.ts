/**
 * The Record executed form: one row per planned trade with the shares executed and the fill
 * price, prefilled from the plan. A blank or 0 shares field means "not executed" (the trade is
 * skipped and the Journal lists it); a different number records that many shares. Each row says
 * what will be recorded as the user types, so a cleared field never silently means "as planned".
 */
import type { ExecutedPlanJson, PlanJson, TradeJson } from '../src/gas/sidebar-api';
import { el, type Child } from './dom';
import { DECIMAL_TEXT, shares as showShares } from './format';

/** What one row's shares field says, for its status line and for what is sent. */
export type SharesReading =
  | { kind: 'skip' }
  | { kind: 'shares'; shares: string }
  | { kind: 'invalid'; message: string };

/** Digits with an optional point; thousands commas ("1,250.5") are accepted and dropped. */
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

export function readShares(typed: string): SharesReading {
  const text = typed.trim();
  if (text === '') return { kind: 'skip' };
  const plain = GROUPED.test(text) ? text.replace(/,/g, '') : text;
  if (!DECIMAL_TEXT.test(plain)) return { kind: 'invalid', message: `"${text}" is not a number of shares` };
  if (plain.startsWith('-')) return Number(plain) === 0 ? { kind: 'skip' } : { kind: 'invalid', message: `shares cannot be negative (found "${text}")` };
  return Number(plain) === 0 ? { kind: 'skip' } : { kind: 'shares', shares: plain };
}

/** What a fill price field says: dollars as the Cash fields take them ($247.10, 1,234.50), above 0. */
export type PriceReading = { kind: 'price'; price: string } | { kind: 'invalid'; message: string };

export function readPrice(typed: string): PriceReading {
  const text = typed.trim();
  if (text === '') return { kind: 'invalid', message: 'enter the fill price' };
  const bare = text.replace(/^\$\s*/, '');
  const plain = GROUPED.test(bare) ? bare.replace(/,/g, '') : bare;
  if (!DECIMAL_TEXT.test(plain) || Number(plain) <= 0) return { kind: 'invalid', message: `the fill price must be a number above 0 (found "${text}")` };
  return { kind: 'price', price: plain };
}

/** The status line under a row: what Record will do with it. A bad price matters only for a trade executed. */
function statusOf(t: TradeJson, reading: SharesReading, price: PriceReading): { kind: 'skip' | 'partial' | 'more' | 'error' | 'planned'; text: string } {
  if (reading.kind === 'skip') return { kind: 'skip', text: 'Not executed: skipped (listed in the Journal).' };
  if (reading.kind === 'invalid') return { kind: 'error', text: `${reading.message}; leave it blank or 0 if not executed.` };
  if (price.kind === 'invalid') return { kind: 'error', text: `${price.message.charAt(0).toUpperCase()}${price.message.slice(1)}.` };
  const n = Number(reading.shares);
  const planned = Number(t.shares);
  if (n < planned) return { kind: 'partial', text: `Partly executed: ${showShares(reading.shares)} of ${showShares(t.shares)}.` };
  if (n > planned) return { kind: 'more', text: `More than planned: ${showShares(reading.shares)} of ${showShares(t.shares)}.` };
  return { kind: 'planned', text: '' };
}

const input = (i: number, f: 'shares' | 'price') => document.querySelector<HTMLInputElement>(`#record input[data-trade="${i}"][data-field="${f}"]`);

function refreshRow(t: TradeJson, i: number): void {
  const reading = readShares(input(i, 'shares')?.value ?? '');
  const price = readPrice(input(i, 'price')?.value ?? '');
  const status = statusOf(t, reading, price);
  input(i, 'shares')?.setAttribute('aria-invalid', String(reading.kind === 'invalid'));
  input(i, 'price')?.setAttribute('aria-invalid', String(reading.kind === 'shares' && price.kind === 'invalid'));
  const line = document.querySelector(`#record .row-status[data-trade="${i}"]`);
  const row = document.querySelector(`#record .record-row[data-trade="${i}"]`);
  if (line) line.textContent = status.text;
  row?.setAttribute('data-status', status.kind);
}

function refreshTally(p: PlanJson): void {
  const kinds = p.trades.map((_, i) => readShares(input(i, 'shares')?.value ?? '').kind);
  const count = (kind: SharesReading['kind']) => kinds.filter((k) => k === kind).length;
  const badPrices = kinds.filter((k, i) => k === 'shares' && readPrice(input(i, 'price')?.value ?? '').kind === 'invalid').length;
  const tally = document.querySelector('#record .record-tally');
  if (!tally) return;
  const [recorded, skipped, invalid] = [count('shares'), count('skip'), count('invalid')];
  const parts = [`Records ${recorded} trade${recorded === 1 ? '' : 's'}`];
  if (skipped > 0) parts.push(`skips ${skipped} not executed`);
  if (invalid > 0) parts.push(`${invalid} shares field${invalid === 1 ? '' : 's'} to fix`);
  if (badPrices > 0) parts.push(`${badPrices} price field${badPrices === 1 ? '' : 's'} to fix`);
  tally.textContent = p.trades.length === 0 ? '' : `${parts.join('; ')}.`;
}

/** The form's rows, each with its shares (in full: 65.913808, never rounded) and fill price. */
export function recordForm(p: PlanJson, onRecord: (event: MouseEvent) => void, onCancel: () => void): Child[] {
  const rows = p.trades.map((t, i) => {
    const update = () => {
      refreshRow(t, i);
      refreshTally(p);
    };
    const sharesInput = el('input', {
      attrs: { type: 'text', inputmode: 'decimal', 'data-field': 'shares', 'data-trade': String(i), placeholder: '0 = not executed', 'aria-label': `Shares of ${t.ticker} executed (blank or 0 if not executed)` },
      on: { input: update },
    });
    sharesInput.value = t.shares;
    const priceInput = el('input', { attrs: { type: 'text', inputmode: 'decimal', 'data-field': 'price', 'data-trade': String(i), 'aria-label': `Fill price of ${t.ticker}` }, on: { input: update } });
    priceInput.value = t.price;
    return el('div', { class: 'record-row', attrs: { 'data-trade': String(i), 'data-status': 'planned' } }, [
      el('div', { class: 'what', title: `${t.account}: ${t.action} ${t.shares} ${t.ticker}` }, [
        el('span', { class: `badge ${t.action === 'SELL' ? 'SELL' : 'BUY'}`, text: t.action }),
        el('span', { class: 'planned', text: ` ${showShares(t.shares)} ${t.ticker}` }),
        el('span', { class: 'muted small account-line', text: t.account }),
      ]),
      el('label', { class: 'cell' }, [el('span', { class: 'head', text: 'Shares' }), sharesInput]),
      el('label', { class: 'cell' }, [el('span', { class: 'head', text: 'Fill price' }), priceInput]),
      el('div', { class: 'row-status small', attrs: { 'data-trade': String(i), 'aria-live': 'polite' } }),
    ]);
  });
  return [
    el('div', { class: 'record-form' }, [
      el('p', { class: 'muted', text: 'Enter what the broker filled. Leave shares blank or 0 for a trade you did not execute; change shares or prices where they differ.' }),
      ...rows,
      p.trades.length === 0 ? el('p', { class: 'muted', text: 'This plan has no trades.' }) : null,
      el('p', { class: 'record-tally muted' }),
      el('div', { class: 'buttons' }, [
        el('button', { class: 'primary', text: 'Record', attrs: { type: 'button', id: 'record-plan', 'data-action': 'record' }, on: { click: onRecord } }),
        el('button', { text: 'Cancel', attrs: { type: 'button', 'data-action': 'cancel' }, on: { click: onCancel } }),
      ]),
    ]),
  ];
}

/** After the form is in the page: fill each status line and the tally. */
export function initRecordForm(p: PlanJson): void {
  p.trades.forEach((t, i) => refreshRow(t, i));
  refreshTally(p);
}

/**
 * The plan as executed, as typed: each trade's shares ('0' when not executed), fill price and the
 * plan's shares and lots (the server takes a partly executed sale from the plan's lots in order).
 */
export function executedPlan(p: PlanJson): { plan: ExecutedPlanJson; errors: string[] } {
  const errors: string[] = [];
  const trades = p.trades.map((t, i) => {
    const name = `${t.action} ${t.ticker} (${t.account})`;
    const reading = readShares(input(i, 'shares')?.value ?? '');
    const price = readPrice(input(i, 'price')?.value ?? '');
    if (reading.kind === 'invalid') errors.push(`${name}: ${reading.message}; leave it blank or 0 if not executed.`);
    if (reading.kind === 'skip') return { ...t, shares: '0', plannedShares: t.shares };
    if (price.kind === 'invalid') errors.push(`${name}: ${price.message}.`);
    return { ...t, shares: reading.kind === 'shares' ? reading.shares : t.shares, price: price.kind === 'price' ? price.price : '', plannedShares: t.shares };
  });
  return { plan: { ...p, trades }, errors };
}
