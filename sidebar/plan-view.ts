import type { PlanJson, TradeJson } from '../src/gas/sidebar-api';
import { el, type Child } from './dom';
import { money, percent, shares, signedMoney, taxText } from './format';

const neg = (text: string) => (Number(text) < 0 ? 'num neg' : 'num');

function tradeDetails(t: TradeJson, index: number): HTMLElement {
  const lotsTable =
    t.lots.length === 0
      ? null
      : el('table', { class: 'lots' }, [
          el('thead', {}, [el('tr', {}, ['Lot', 'Shares', 'Gain', 'Term'].map((h) => el('th', { text: h })))]),
          el('tbody', {}, t.lots.map((l) =>
            el('tr', {}, [
              el('td', { class: 'lot' }, [el('span', { text: l.lot }), el('span', { class: 'muted small nowrap', text: l.acquired, title: 'acquired' })]),
              el('td', { class: 'num', text: shares(l.shares) }),
              el('td', { class: neg(l.gain), text: signedMoney(l.gain) }),
              el('td', { text: l.term }),
            ]),
          )),
        ]);
  return el('details', { class: 'trade', attrs: { 'data-trade': String(index), 'data-ticker': t.ticker } }, [
    el('summary', {}, [
      el('span', { class: `badge ${t.action === 'SELL' ? 'SELL' : 'BUY'}`, text: t.action }),
      el('span', { class: 'what', text: `${shares(t.shares)} ${t.ticker}`, title: `${t.action} ${shares(t.shares)} ${t.ticker} at ${money(t.price)}` }),
      el('span', { class: 'amount', text: money(t.amount) }),
    ]),
    el('div', { class: 'trade-body' }, [
      el('p', { class: 'muted', text: `${shares(t.shares)} shares at ${money(t.price)}` }),
      el('p', { class: 'reason', text: t.reason }),
      t.action === 'SELL'
        ? el('p', { class: 'muted' }, [
            'Short-term ',
            el('span', { class: 'nowrap', text: signedMoney(t.shortTermGain) }),
            ' · long-term ',
            el('span', { class: 'nowrap', text: signedMoney(t.longTermGain) }),
            ' · ',
            taxSpan(t.tax),
          ])
        : null,
      reasonDetails(t, index),
      lotsTable,
    ]),
  ]);
}

/** "tax $12.00", or a saving in green: "saves $90.65". */
function taxSpan(tax: string): HTMLElement {
  const shown = taxText(tax);
  return el('span', { class: shown.saving ? 'saving nowrap' : 'nowrap', text: shown.saving ? shown.text : `tax ${shown.text}`, attrs: { 'data-tax': tax } });
}

/**
 * The longer story behind the one-sentence reason (lots, rates, the buying-low note, wash-sale
 * guidance), one click away: a native disclosure, so it opens with a click, Enter or Space and
 * a screen reader announces it as collapsed or expanded.
 */
function reasonDetails(t: TradeJson, index: number): HTMLElement | null {
  const details = t.details ?? [];
  if (details.length === 0) return null;
  return el('details', { class: 'why', attrs: { 'data-details': String(index) } }, [
    el('summary', { text: `Details (${details.length})` }),
    el('ul', { class: 'plain why-list' }, details.map((d) => el('li', { text: d }))),
  ]);
}

/** The plan: summary, trades grouped by account (each expandable), deferred sales, warnings. */
export function planView(plan: PlanJson): Child[] {
  const s = plan.summary;
  const row = (label: string, value: string, id: string) => [el('dt', { text: label }), el('dd', { text: value, attrs: { 'data-summary': id } })];
  // A plan that lowers the year's tax (a harvested loss) says so in green, not as a red minus.
  const taxRow = (tax: string) => {
    const shown = taxText(tax);
    return [el('dt', { text: shown.saving ? 'Estimated tax saved' : 'Estimated tax' }), el('dd', { class: shown.saving ? 'saving' : '', text: shown.text, attrs: { 'data-summary': 'tax' } })];
  };
  const accounts: string[] = [];
  for (const t of plan.trades) if (!accounts.includes(t.account)) accounts.push(t.account);
  const driftAfterNote = plan.drift.filter((d) => d.statusAfter !== 'within').map((d) => d.assetClass);
  return [
    el('dl', { class: 'summary' }, [
      ...row('Trades', String(s.trades ?? plan.trades.length), 'trades'),
      ...taxRow(String(s.estimatedTax ?? '0')),
      ...(s.federalTax !== undefined
        ? [
            ...row(`Federal / NIIT / state (${s.taxYear} tables)`, `${signedMoney(String(s.federalTax))} / ${signedMoney(String(s.niit))} / ${signedMoney(String(s.stateTax))}`, 'tax-parts'),
            ...row('Next dollar of gain', `${percent(String(s.marginalShortTermRate))} short, ${percent(String(s.marginalLongTermRate))} long`, 'marginal'),
            ...row('Room at 0% this year', money(String(s.zeroRateRoom)), 'zero-room'),
          ]
        : []),
      ...row('Losses harvested', money(String(s.lossesHarvested ?? '0')), 'harvested'),
      ...row('Sales deferred', String(s.deferred ?? plan.deferred.length), 'deferred'),
      ...row('Drift before → after', `${percent(String(s.driftBefore ?? ''))} → ${percent(String(s.driftAfter ?? ''))}`, 'drift'),
    ]),
    el('p', { class: 'muted small', text: `Plan ${plan.id} · as of ${plan.asOf}`, attrs: { id: 'plan-id' } }),
    plan.trades.length === 0 ? el('p', { class: 'muted', text: 'No trades needed: every class is within its band.' }) : null,
    ...accounts.map((account) =>
      el('div', { class: 'account-group', attrs: { 'data-account': account } }, [
        el('h3', { text: account }),
        ...plan.trades.map((t, i) => (t.account === account ? tradeDetails(t, i) : null)),
      ]),
    ),
    plan.deferred.length > 0
      ? el('div', {}, [
          el('h3', { text: 'Deferred sales' }),
          el('ul', { class: 'plain' }, plan.deferred.map((d) => el('li', { text: `${d.account}: ${shares(d.shares)} ${d.ticker} (lot ${d.lot}) turns long-term on ${d.longTermOn}, saving ${money(d.taxSaved)}. ${d.reason}` }))),
        ])
      : null,
    driftAfterNote.length > 0 ? el('p', { class: 'muted', text: `Still outside the band after this plan: ${driftAfterNote.join(', ')}.` }) : null,
    plan.warnings.length > 0
      ? el('div', {}, [el('h3', { text: 'Warnings' }), el('ul', { class: 'warnings' }, plan.warnings.map((w) => el('li', { text: w })))])
      : null,
  ];
}
