import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import { formatDollars, dec, parseIsoDate, type IsoDate } from '../../engine/index';
import { fillPrices, importDetails, planImport, type ImportPreviewJson } from '../../import/index';
import { matchTabName } from '../../workbook/index';
import { JOURNAL_HEADERS, journalGrid, journalRow } from '../../workbook/journal';
import { loadWorkbook, writeCsvFolder, writeXlsx } from '../../workbook/node/index';
import { UsageError, flag, hasFlag, switchFlag, valueFlag, type CommandSpec, type ParsedArgs, type PositionalSpec } from '../args';
import { AS_OF, JSON_FLAG, WORKBOOK } from '../common-flags';
import { text } from '../flag-kinds';
import { OUT } from './apply';
import type { CommandResult } from '../io';
import { today } from '../load-household';

export const usage = 'rebalance import <workbook> <file.csv>... [--account NAME] [--prices] [--out <folder | file.xlsx>] [--json] [--as-of YYYY-MM-DD]';


function asOf(args: ParsedArgs): IsoDate | undefined {
  const text = flag(args, 'as-of');
  if (text === undefined) return undefined;
  const date = parseIsoDate(text);
  if (!date) throw new UsageError(`--as-of takes a date as YYYY-MM-DD; found "${text}"`);
  return date;
}

/** Formula cells of the Securities sheet of an .xlsx (a GOOGLEFINANCE price is never overwritten). */
async function xlsxFormulas(path: string, tab: string): Promise<string[][] | null> {
  if (!/\.xlsx$/i.test(path)) return null;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const sheet = wb.worksheets.find((s) => s.name === tab);
  if (!sheet) return null;
  const grid: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, r) => {
    grid[r - 1] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const v = cell.value;
      grid[r - 1][c - 1] = v !== null && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v) ? `=${String((v as { formula?: string }).formula ?? '')}` : '';
    });
  });
  return Array.from(grid, (r) => r ?? []);
}

export function previewText(p: ImportPreviewJson): string[] {
  const lines = p.files.map((f) => `${f.file}: ${f.label}${f.account ? `, into ${f.account}` : ''} (${f.lots} lot${f.lots === 1 ? '' : 's'}, ${f.sales} sale${f.sales === 1 ? '' : 's'})`);
  for (const c of p.changes) {
    const parts = [c.added && `${c.added} added`, c.replaced && `${c.replaced} replaced`, c.removed && `${c.removed} removed`, c.unchanged && `${c.unchanged} unchanged`].filter(Boolean).join(', ');
    lines.push(`  ${c.ticker} in ${c.account}: ${parts || 'no lots'}; shares ${c.sharesBefore} -> ${c.sharesAfter}; basis ${formatDollars(dec(c.basisBefore))} -> ${formatDollars(dec(c.basisAfter))}`);
  }
  if (p.salesAdded.length > 0 || p.salesSkipped > 0) lines.push(`  Sales: ${p.salesAdded.length} appended, ${p.salesSkipped} already on the Sales tab`);
  for (const s of p.salesAdded) {
    lines.push(`    ${s.date} ${s.ticker} ${s.shares} sh (bought ${s.acquired || 'unknown'}): proceeds ${formatDollars(dec(s.proceeds))}, basis ${formatDollars(dec(s.basis))}${s.disallowed !== '0' ? `, wash-sale disallowed ${formatDollars(dec(s.disallowed))}` : ''}`);
  }
  return lines;
}

/**
 * Reads broker exports into the workbook: open lots replace the lots of the tickers they list in
 * their account, realized sales are appended unless already there. Without --out nothing is
 * written: it prints what would change.
 */
export async function importCommand(args: ParsedArgs): Promise<CommandResult> {
  const [path, ...files] = args.positionals;
  if (!path || files.length === 0) throw new UsageError('import needs a workbook and at least one broker export (CSV)');
  let source: Awaited<ReturnType<typeof loadWorkbook>>;
  try {
    source = await loadWorkbook(path);
  } catch (error) {
    return { stdout: '', stderr: `${(error as Error).message}\nUsage: ${usage}`, exitCode: 1 };
  }
  const inputs = [];
  for (const f of files) {
    try {
      inputs.push({ name: basename(f), text: await readFile(f, 'utf8') });
    } catch (error) {
      return { stdout: '', stderr: `${f}: cannot read it (${(error as Error).message})`, exitCode: 1 };
    }
  }
  const planned = planImport(source, { files: inputs, account: flag(args, 'account') ?? null, asOf: asOf(args), defaultAsOf: today() });
  if (!planned.ok) {
    const issues = planned.issues.map((i) => `  ${i.tab}, row ${i.row}${i.column ? `, column ${i.column}` : ''}: ${i.message}`);
    return { stdout: '', stderr: ['Nothing was imported:', ...planned.errors.map((e) => `  ${e}`), ...issues].join('\n'), exitCode: 1 };
  }
  const preview = planned.preview;

  const tabs: Record<string, unknown[][]> = {};
  for (const name of source.tabNames()) tabs[name] = source.values(name) ?? [];
  const tabOf = (wanted: string) => matchTabName(Object.keys(tabs), wanted) ?? wanted;
  tabs[tabOf('Lots')] = planned.lotsTab;
  tabs[tabOf('Sales')] = planned.salesTab;
  let priceNote = '';
  if (hasFlag(args, 'prices') && planned.result.prices.length > 0) {
    const secTab = tabOf('Securities');
    const fill = fillPrices(tabs[secTab] ?? [], await xlsxFormulas(path, secTab), planned.result.prices);
    tabs[secTab] = fill.values;
    priceNote = `Prices: ${fill.filled.length} filled${fill.filled.length ? ` (${fill.filled.map((f) => `${f.ticker} ${f.price}`).join(', ')})` : ''}${fill.current.length ? `; ${fill.current.join(', ')} already current` : ''}${fill.formulas.length ? `; ${fill.formulas.join(', ')} left alone (formulas)` : ''}.`;
    if (fill.filled.length > 0) preview.changed = true;
  } else if (planned.result.prices.length > 0) {
    priceNote = `Prices in the file: ${preview.prices.map((p) => `${p.ticker} ${p.price}`).join(', ')} (add --prices to fill Securities' Price; formulas are never overwritten).`;
  }
  const out = flag(args, 'out');
  const importId = `import-${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}`;
  if (hasFlag(args, 'json')) {
    const { format, account, lots, sales, replaced, warnings, ...rest } = preview;
    const written = Boolean(out && preview.changed);
    if (written) await write(out!, tabs, source, importId, preview);
    const json = { format, account, lots, sales, replaced, warnings, written, ...rest };
    return { stdout: JSON.stringify(json, null, 2), exitCode: 0 };
  }
  const text = [...previewText(preview), ...(priceNote ? [priceNote] : []), ...preview.warnings.map((w) => `warning: ${w}`)];
  if (!preview.changed) return { stdout: [...text, '', 'Nothing to change: the workbook already says what these files say.'].join('\n'), exitCode: 0 };
  if (!out) return { stdout: [...text, '', 'Dry run: nothing written. Add --out <folder | file.xlsx> to write the updated workbook.'].join('\n'), exitCode: 0 };
  await write(out, tabs, source, importId, preview);
  return { stdout: [...text, `Wrote ${out}.`].join('\n'), exitCode: 0 };
}

async function write(out: string, tabs: Record<string, unknown[][]>, source: Awaited<ReturnType<typeof loadWorkbook>>, id: string, p: ImportPreviewJson): Promise<void> {
  const journal = journalGrid(source);
  const name = matchTabName(Object.keys(tabs), 'Journal') ?? 'Journal';
  const details = importDetails(p);
  tabs[name] = [...(journal && journal.length > 0 ? journal : [[...JOURNAL_HEADERS]]), journalRow(new Date().toISOString(), id, 'imported', '', details)];
  if (/\.xlsx$/i.test(out)) await writeXlsx(out, tabs);
  else await writeCsvFolder(out, tabs);
}

const FILES: PositionalSpec = { metavar: '<file.csv>...', help: 'broker exports (CSV): open lots or realized sales', required: true, what: 'at least one broker export (CSV)', variadic: true };

export const command: CommandSpec = {
  name: 'import',
  summary: 'read broker exports into Lots and Sales: a preview per ticker; --out writes it all or nothing',
  positionals: [WORKBOOK, FILES],
  flags: [
    JSON_FLAG,
    AS_OF,
    valueFlag('account', text('NAME', 'an account name'), "the account the files belong to (default: matched by the Accounts tab's Broker ID)"),
    switchFlag('prices', "fill Securities' Price from the files' prices (never over a formula)"),
    OUT,
  ],
  run: importCommand,
};
