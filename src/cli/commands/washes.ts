import { auditWashSales, fixWashSales, historyWashJson, unrecordedTotals, washRecordingId, type HistoryWash } from '../../engine/wash-audit';
import { formatDollars, toPlain } from '../../engine/index';
import { alignTable } from '../../present/drift-table';
import { matchTabName, recordedTabs } from '../../workbook/index';
import { JOURNAL_HEADERS, journalGrid, journalRow } from '../../workbook/journal';
import { loadWorkbook, writeCsvFolder, writeXlsx } from '../../workbook/node/index';
import { UsageError, flag, hasFlag, switchFlag, type CommandSpec, type ParsedArgs } from '../args';
import { AS_OF, JSON_FLAG, WORKBOOK } from '../common-flags';
import { OUT } from './apply';
import type { CommandResult } from '../io';
import { loadHousehold, warningLines } from '../load-household';

export const usage = 'rebalance washes <workbook> [--json] [--fix --out <folder | file.xlsx>]';
/** Flags this command reads besides the common ones (--json, --help, --as-of). */

function table(washes: readonly HistoryWash[]): string {
  const rows = [
    ['Sold', 'Account', 'Ticker', 'Lot', 'Replacement', 'Acquired', 'Shares', 'Disallowed', 'Kind', 'Recorded'],
    ...washes.map((w) => [
      w.saleDate, w.account, w.ticker, w.lot ?? '', `${w.replacementTicker} in ${w.replacementAccount} (${w.replacementLot}${w.replacementHeld ? '' : ', sold since'})`,
      w.replacementAcquired, toPlain(w.shares), formatDollars(w.disallowed), w.permanent ? 'permanent' : 'deferred', w.recorded ? 'yes' : 'no',
    ]),
  ];
  return alignTable(rows, rows[0].map((h) => (h === 'Shares' ? 'point' : h === 'Disallowed')));
}

/**
 * The wash-sale audit of the whole history: every wash sale the Sales and Lots tabs hold, and
 * with --fix the adjustments not yet recorded (the sale's Disallowed, the replacement's basis and
 * Holding From), all or nothing. Without --out, --fix writes nothing and says what it would do.
 */
export async function washesCommand(args: ParsedArgs): Promise<CommandResult> {
  const [path] = args.positionals;
  if (!path) throw new UsageError('washes needs a workbook: an .xlsx file or a folder of CSV tabs');
  const fix = hasFlag(args, 'fix');
  const out = flag(args, 'out');
  if (out !== undefined && !fix) throw new UsageError('--out is for --fix: add --fix to record the adjustments');
  if (out === 'true') throw new UsageError('--out needs a folder or a file.xlsx');
  const loaded = await loadHousehold(path, args);
  if (!loaded.ok) return { stdout: '', stderr: loaded.message, exitCode: 1 };
  const { household } = loaded;
  const audit = auditWashSales(household);
  const totals = unrecordedTotals(audit.washes);
  const warnings = warningLines(loaded.warnings);

  if (!fix) {
    if (hasFlag(args, 'json')) return { stdout: JSON.stringify({ washes: audit.washes.map(historyWashJson) }, null, 2), stderr: warnings, exitCode: 0 };
    if (audit.washes.length === 0) return { stdout: 'No wash sales in the history (Sales and Lots tabs, every account).', stderr: warnings, exitCode: 0 };
    const lines = [
      `Wash sales in the history: ${audit.washes.length}, ${totals.count} not yet recorded.`,
      '',
      table(audit.washes),
      '',
      ...audit.washes.filter((w) => !w.recorded).map((w) => `  ${w.reason}`),
    ];
    if (totals.count > 0) lines.push('', `To record them (${formatDollars(totals.disallowed)} disallowed): rebalance washes ${path} --fix --out <folder | file.xlsx>`);
    return { stdout: lines.join('\n'), stderr: warnings, exitCode: 0 };
  }

  const result = fixWashSales(household);
  if (!result.ok) return { stdout: '', stderr: `Nothing was recorded:\n${result.errors.map((e) => `  ${e}`).join('\n')}`, exitCode: 1 };
  const json = hasFlag(args, 'json');
  // --json --fix: the wash sales recorded (or that would be, without --out), in the audit's shape.
  const fixedJson = JSON.stringify({ washes: result.fixed.map(historyWashJson) }, null, 2);
  if (json && (!out || result.fixed.length === 0)) return { stdout: fixedJson, stderr: warnings, exitCode: 0 };
  if (result.fixed.length === 0) return { stdout: 'Every wash sale in the history is already recorded: nothing to change.', stderr: warnings, exitCode: 0 };
  const summary = [`Recording ${result.fixed.length} wash sale${result.fixed.length === 1 ? '' : 's'} (${formatDollars(totals.disallowed)} disallowed${totals.permanent.greaterThan(0) ? `, ${formatDollars(totals.permanent)} of it permanently` : ''}):`, ...result.journal.map((j) => `  ${j}`)];
  if (!out) return { stdout: [...summary, '', 'Dry run: nothing written. Add --out <folder | file.xlsx> to write the updated workbook.'].join('\n'), stderr: warnings, exitCode: 0 };

  const source = await loadWorkbook(path);
  const tabs: Record<string, unknown[][]> = {};
  for (const name of source.tabNames()) tabs[name] = source.values(name) ?? [];
  const existing = (wanted: string) => {
    const name = matchTabName(Object.keys(tabs), wanted);
    return name ? tabs[name] : null;
  };
  const replace = (wanted: string, rows: unknown[][]) => {
    tabs[matchTabName(Object.keys(tabs), wanted) ?? wanted] = rows;
  };
  const recorded = recordedTabs({ lots: existing('Lots'), sales: existing('Sales'), accounts: existing('Accounts') }, { lots: result.lots, sales: result.sales, accounts: household.accounts }, source.dateCells);
  replace('Lots', recorded.lots);
  replace('Sales', recorded.sales);
  const journal = journalGrid(source);
  const details = `${result.fixed.length} wash sale${result.fixed.length === 1 ? '' : 's'} recorded (${formatDollars(totals.disallowed)} disallowed). ${result.journal.join(' ')}`;
  const now = new Date().toISOString();
  replace('Journal', [...(journal && journal.length > 0 ? journal : [[...JOURNAL_HEADERS]]), journalRow(now, washRecordingId(now), 'recorded', household.settings.asOf ?? '', details)]);
  if (/\.xlsx$/i.test(out)) await writeXlsx(out, tabs);
  else await writeCsvFolder(out, tabs);
  if (json) return { stdout: fixedJson, stderr: [warnings, `Wrote ${out}.`].filter(Boolean).join('\n'), exitCode: 0 };
  return { stdout: [...summary, `Wrote ${out}.`].join('\n'), stderr: warnings, exitCode: 0 };
}

export const command: CommandSpec = {
  name: 'washes',
  summary: 'every wash sale the whole history holds (closed accounts, shares since sold), and whether the tabs record it',
  positionals: [WORKBOOK],
  flags: [JSON_FLAG, AS_OF, switchFlag('fix', 'record the wash sales the tabs do not record yet (written with --out)'), OUT],
  run: washesCommand,
};
