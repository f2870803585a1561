// Builds examples/household.xlsx from examples/household/*.csv so the two never disagree.
// Run: npx tsx scripts/make-example-xlsx.ts
// The workbook looks like a user's: numbers as numbers, dates as date cells, percents as
// fractions with a percent format, dollars with a currency format.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dec } from '../src/engine/money';
import { parseCsv } from '../src/workbook/node/csv';
import { writeXlsx, type FormattedCell } from '../src/workbook/node/xlsx-file';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TABS = ['Accounts', 'Targets', 'Securities', 'Lots', 'Sales', 'Settings'];
const MONEY_COLUMNS = new Set(['Cash', 'Reserve', 'Withdraw', 'Price', 'Cost Basis', 'Proceeds', 'Disallowed']);
const DOLLARS = '$#,##0.00';

function toCell(text: string, header: string): unknown {
  const t = text.trim();
  if (t === '') return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) {
    const [y, m, d] = t.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d));
  }
  const percent = /^(-?\d+(?:\.\d+)?)%$/.exec(t);
  if (percent) {
    const fraction: FormattedCell = {
      value: dec(percent[1]).dividedBy(100).toNumber(),
      numFmt: percent[1].includes('.') ? '0.00%' : '0%',
    };
    return fraction;
  }
  const dollars = /^\$([\d,]+(?:\.\d+)?)$/.exec(t);
  if (dollars) return { value: Number(dollars[1].replace(/,/g, '')), numFmt: DOLLARS } satisfies FormattedCell;
  if (/^-?\d+(?:\.\d+)?$/.test(t)) {
    const value = Number(t);
    return MONEY_COLUMNS.has(header) ? ({ value, numFmt: DOLLARS } satisfies FormattedCell) : value;
  }
  return t;
}

const tabs: Record<string, unknown[][]> = {};
for (const tab of TABS) {
  const rows = parseCsv(readFileSync(join(root, 'examples', 'household', `${tab}.csv`), 'utf8'));
  const headers = rows[0];
  tabs[tab] = [headers, ...rows.slice(1).map((row) => row.map((cell, c) => toCell(cell, headers[c] ?? '')))];
}
await writeXlsx(join(root, 'examples', 'household.xlsx'), tabs);
console.log('wrote examples/household.xlsx');
