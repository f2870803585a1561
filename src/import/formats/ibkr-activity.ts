/**
 * Interactive Brokers Activity Statement, CSV (Performance & Reports ▸ Statements ▸ Activity ▸
 * CSV; a custom statement with Open Positions and Trades, lot detail on). Every row starts with
 * its section name and a row kind (Header, Data, SubTotal, Total, Notes); a section's Header row
 * names the columns of the Data rows under it, and a section may repeat its Header.
 *
 *   Account Information,Data,Account,U1234567
 *   Open Positions,Header,DataDiscriminator,Asset Category,Currency,Symbol,Open,Quantity,Mult,Cost Price,Cost Basis,Close Price,Value,Unrealized P/L,Code
 *   Open Positions,Data,Summary,Stocks,USD,VTI,-,150,1,190.5,28575,318.4,47760,19185,
 *   Open Positions,Data,Lot,Stocks,USD,VTI,"2019-03-04, 10:01:12",100,,180.2,18020,318.4,31840,13820,LT
 *   Trades,Header,DataDiscriminator,Asset Category,Currency,Symbol,Date/Time,Quantity,T. Price,C. Price,Proceeds,Comm/Fee,Basis,Realized P/L,MTM P/L,Code
 *   Trades,Data,Order,Stocks,USD,VEA,"2026-04-10, 09:35:10",-100,52.1,52,5210,-1,-5400,-191,0,C
 *   Trades,Data,ClosedLot,Stocks,USD,VEA,2026-03-02,100,54,,,,5400,-191,,ST
 *   Trades,SubTotal,,Stocks,USD,VEA,,...
 *
 * Layout from IBKR's Reporting Guide (Open Positions: "for lots adjusted for a loss disallowed,
 * the code LD appears ... the Open column shows the holding period date of the original lot ...
 * the cost basis has been adjusted by the amount disallowed"; Trades: ClosedLot rows list the
 * lots a closing trade closed; codes LT, ST, LD = "Adjusted by Loss Disallowed from Wash Sale")
 * and public test fixtures of these statements. A ClosedLot row has no proceeds of its own: its
 * share of its trade's net proceeds is prorated to the cent (the last lot takes the remainder).
 * Only US-dollar stocks and funds are read; other asset classes and currencies are listed in a
 * warning.
 */
import type { BrokerFormat } from '../format';
import { headerAt, Problems, RowCells, type ColumnDef, type Header } from '../table';
import { emptyFile, type ImportedSale } from '../types';
import { cleanTicker } from '../cells';
import { isTickerLike } from '../skip-rows';
import { Decimal, ZERO, maxDec, roundCents, toPlain } from '../../engine/money';
import type { IsoDate } from '../../engine/dates';

const POSITION_COLUMNS: readonly ColumnDef[] = [
  { key: 'kind', names: ['DataDiscriminator'], required: true },
  { key: 'category', names: ['Asset Category'], required: true },
  { key: 'currency', names: ['Currency'] },
  { key: 'ticker', names: ['Symbol'], required: true },
  { key: 'open', names: ['Open'] },
  { key: 'shares', names: ['Quantity'], required: true },
  { key: 'basis', names: ['Cost Basis'], required: true },
  { key: 'price', names: ['Close Price'] },
  { key: 'code', names: ['Code'] },
];

const TRADE_COLUMNS: readonly ColumnDef[] = [
  { key: 'kind', names: ['DataDiscriminator'], required: true },
  { key: 'category', names: ['Asset Category'], required: true },
  { key: 'currency', names: ['Currency'] },
  { key: 'ticker', names: ['Symbol'], required: true },
  { key: 'date', names: ['Date/Time'], required: true },
  { key: 'shares', names: ['Quantity'], required: true },
  { key: 'proceeds', names: ['Proceeds'] },
  { key: 'fee', names: ['Comm/Fee', 'Comm in USD', 'Commission'] },
  { key: 'basis', names: ['Basis'] },
  { key: 'realized', names: ['Realized P/L'] },
  { key: 'code', names: ['Code'] },
];

const STOCKS = /^(stocks|etfs?|funds|mutual funds)$/i;

/** A section's rows with the header in force for each, so columns are read by name. */
function sectionRows(rows: readonly (readonly string[])[], section: string, defs: readonly ColumnDef[]): { header: Header; row: string[]; line: number }[] {
  const out: { header: Header; row: string[]; line: number }[] = [];
  let header: Header | null = null;
  rows.forEach((row, i) => {
    if ((row[0] ?? '').trim().toLowerCase() !== section.toLowerCase()) return;
    const kind = (row[1] ?? '').trim().toLowerCase();
    const rest = row.slice(2).map((c) => c);
    if (kind === 'header') header = headerAt([rest], 0, defs);
    else if (kind === 'data' && header) out.push({ header, row: rest, line: i + 1 });
  });
  return out;
}

export const ibkrActivity: BrokerFormat = {
  id: 'ibkr-activity',
  label: 'Interactive Brokers Activity Statement',
  download: 'Interactive Brokers: Performance & Reports ▸ Statements ▸ Activity (custom statement with Open Positions and Trades, lot details on) ▸ CSV',
  detect: (rows) => rows.slice(0, 400).some((r) => /^(open positions|trades|statement)$/i.test((r[0] ?? '').trim()) && /^header$/i.test((r[1] ?? '').trim())),
  parse(rows, file) {
    const out = emptyFile(file, 'ibkr-activity', this.label);
    const problems = new Problems(file);
    const skipped = new Set<string>();
    for (const row of rows) {
      if (/^account information$/i.test((row[0] ?? '').trim()) && /^data$/i.test((row[1] ?? '').trim()) && /^account$/i.test((row[2] ?? '').trim())) {
        out.account = (row[3] ?? '').trim() || null;
      }
    }

    // Open Positions: the Lot rows are the lots; a Summary row gives the price and the total.
    const summaries = new Map<string, number>();
    const lotTickers = new Set<string>();
    for (const { header, row, line } of sectionRows(rows, 'Open Positions', POSITION_COLUMNS)) {
      const r = new RowCells(row, header, line, problems);
      const ticker = cleanTicker(r.text('ticker'));
      if (!STOCKS.test(r.text('category')) || !isTickerLike(ticker) || (r.has('currency') && !/^usd$/i.test(r.text('currency')))) {
        skipped.add(`${r.text('ticker')} (${r.text('category')}${r.text('currency') ? `, ${r.text('currency')}` : ''})`);
        continue;
      }
      const kind = r.text('kind').toLowerCase();
      if (kind === 'summary') {
        summaries.set(ticker, line);
        const price = r.has('price') ? r.money('price') : null;
        if (price !== null && price.greaterThan(0) && !out.prices.some((p) => p.ticker === ticker)) out.prices.push({ ticker, price });
        continue;
      }
      if (kind !== 'lot') continue;
      const opened = r.date('open', 'the lot\'s open date (YYYY-MM-DD, HH:MM:SS)');
      const shares = r.quantity('shares', 'a number of shares');
      const basis = r.money('basis', 'the lot\'s cost basis');
      if (r.failed || opened === null || shares === null || basis === null) continue;
      if (!shares.greaterThan(0)) {
        r.fail('shares', `found ${shares.toString()}; expected a long position (short lots are not imported)`);
        continue;
      }
      // IBKR: for an LD lot the Open column holds the holding-period start of the original lot.
      const washed = /\bLD\b/.test(r.text('code'));
      out.lots.push({ ticker, shares, basis, acquired: opened, holdingFrom: washed ? opened : null, line });
      lotTickers.add(ticker);
      if (washed) out.warnings.push(`${file}, line ${line}: ${ticker} lot is adjusted for a wash sale (code LD); IBKR shows its holding-period start ${opened}, imported as both Acquired and Holding From: check Acquired against the purchase date.`);
    }
    for (const [ticker, line] of summaries) {
      if (!lotTickers.has(ticker)) out.warnings.push(`${file}, line ${line}: ${ticker} has no Lot rows (turn on lot details in the statement settings); its lots were left as they are.`);
    }
    out.lotTickers = [...lotTickers];

    // Trades: a closing Order (or Trade) row, then the ClosedLot rows of the lots it closed.
    let trade: { date: IsoDate; shares: Decimal; net: Decimal; ticker: string; lots: { sale: ImportedSale; realized: Decimal | null; washed: boolean }[] } | null = null;
    const finish = () => {
      if (!trade) return;
      if (trade.lots.length === 0) {
        out.warnings.push(`${file}: the sale of ${toPlain(trade.shares)} ${trade.ticker} on ${trade.date} lists no closed lots (turn on lot details in the statement settings); it was not imported.`);
        trade = null;
        return;
      }
      let left = trade.net;
      trade.lots.forEach((lot, i) => {
        const share = i === trade!.lots.length - 1 ? left : roundCents(trade!.net.times(lot.sale.shares).dividedBy(trade!.shares));
        left = left.minus(share);
        lot.sale.proceeds = share;
        // An LD lot's Realized P/L is net of the disallowed loss: the difference is what was disallowed.
        if (lot.washed && lot.realized !== null) {
          const loss = lot.sale.basis.minus(share);
          const reported = maxDec(ZERO, lot.realized.negated());
          lot.sale.disallowed = maxDec(ZERO, roundCents(loss.minus(reported)));
        }
        out.sales.push(lot.sale);
      });
      trade = null;
    };
    for (const { header, row, line } of sectionRows(rows, 'Trades', TRADE_COLUMNS)) {
      const r = new RowCells(row, header, line, problems);
      const kind = r.text('kind').toLowerCase();
      const ticker = cleanTicker(r.text('ticker'));
      const stock = STOCKS.test(r.text('category')) && isTickerLike(ticker) && (!r.has('currency') || /^usd$/i.test(r.text('currency')));
      if (kind === 'order' || kind === 'trade') {
        finish();
        if (!stock) {
          skipped.add(`${r.text('ticker')} (${r.text('category')}${r.text('currency') ? `, ${r.text('currency')}` : ''})`);
          continue;
        }
        const date = r.date('date', 'the trade date (YYYY-MM-DD, HH:MM:SS)');
        const shares = r.quantity('shares', 'a number of shares');
        const proceeds = r.money('proceeds', 'the proceeds');
        const fee = r.has('fee') ? r.money('fee') ?? ZERO : ZERO;
        if (r.failed || date === null || shares === null || proceeds === null) continue;
        // A sale of shares held long: negative quantity. A buy (or a buy to cover) closes no long lot.
        if (shares.isNegative()) trade = { date, shares: shares.abs(), net: proceeds.plus(fee), ticker, lots: [] };
        continue;
      }
      if (kind !== 'closedlot' || !trade || !stock) continue;
      if (ticker !== trade.ticker) {
        r.fail('ticker', `found ${ticker} under a trade in ${trade.ticker}; expected its closed lots`);
        continue;
      }
      const acquired = r.date('date', 'the lot\'s open date');
      const shares = r.quantity('shares', 'a number of shares');
      const basis = r.money('basis', 'the lot\'s cost basis');
      const realized = r.has('realized') ? r.money('realized') : null;
      if (r.failed || shares === null || basis === null) continue;
      trade.lots.push({
        sale: { ticker, date: trade.date, acquired, shares: shares.abs(), proceeds: ZERO, basis: basis.abs(), disallowed: ZERO, line },
        realized,
        washed: /\bLD\b/.test(r.text('code')),
      });
    }
    finish();
    if (skipped.size > 0) out.warnings.push(`${file}: only US-dollar stocks and funds are imported; skipped ${[...skipped].slice(0, 5).join(', ')}${skipped.size > 5 ? ', ...' : ''}.`);
    return problems.errors.length > 0 ? { ok: false, errors: problems.errors } : { ok: true, file: out };
  },
};
