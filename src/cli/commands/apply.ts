import { readFile } from 'node:fs/promises';
import { recordTrades } from '../../engine/index';
import { parseExecutedPlan } from '../../present/plan-json';
import { matchTabName, recordedTabs } from '../../workbook/index';
import { JOURNAL_HEADERS, journalGrid, journalRow, recordedPlanIds } from '../../workbook/journal';
import { loadWorkbook, writeCsvFolder, writeXlsx } from '../../workbook/node/index';
import { UsageError, flag, type ParsedArgs } from '../args';
import type { CommandResult } from '../io';
import { loadHousehold } from '../load-household';

export const usage = 'rebalance apply <workbook> --plan <plan.json> [--out <folder | file.xlsx>]';

/**
 * Records an executed plan: updated Lots, Sales and Accounts tabs, a Journal row, every other
 * tab copied unchanged. Without --out nothing is written: it prints what would change.
 */
export async function applyCommand(args: ParsedArgs): Promise<CommandResult> {
  const [path] = args.positionals;
  const planPath = flag(args, 'plan');
  if (!path || !planPath) throw new UsageError('apply needs a workbook and --plan <plan.json>');
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(planPath, 'utf8'));
  } catch (error) {
    return { stdout: '', stderr: `${planPath}: not a readable JSON plan (${(error as Error).message})`, exitCode: 1 };
  }
  const parsed = parseExecutedPlan(raw);
  if (!parsed.ok) return { stdout: '', stderr: `${planPath}:\n${parsed.errors.map((e) => `  ${e}`).join('\n')}`, exitCode: 1 };
  const plan = parsed.value;
  const loaded = await loadHousehold(path, { ...args, flags: new Map([...args.flags, ['as-of', [plan.asOf]]]) });
  if (!loaded.ok) return { stdout: '', stderr: loaded.message, exitCode: 1 };
  const source = await loadWorkbook(path);
  const journal = journalGrid(source);
  const result = recordTrades(loaded.household, plan, { recordedPlanIds: recordedPlanIds(journal) });
  if (!result.ok) return { stdout: '', stderr: `Nothing was recorded:\n${result.errors.map((e) => `  ${e}`).join('\n')}`, exitCode: 1 };

  const tabs: Record<string, unknown[][]> = {};
  for (const name of source.tabNames()) tabs[name] = source.values(name) ?? [];
  const replace = (wanted: string, rows: unknown[][]) => {
    tabs[matchTabName(Object.keys(tabs), wanted) ?? wanted] = rows;
  };
  const existing = (wanted: string) => {
    const name = matchTabName(Object.keys(tabs), wanted);
    return name ? tabs[name] : null;
  };
  const recorded = recordedTabs({ lots: existing('Lots'), sales: existing('Sales'), accounts: existing('Accounts') }, result);
  replace('Lots', recorded.lots);
  replace('Sales', recorded.sales);
  replace('Accounts', recorded.accounts);
  replace('Journal', [...(journal && journal.length > 0 ? journal : [[...JOURNAL_HEADERS]]), journalRow(new Date().toISOString(), plan.id, 'recorded', plan.asOf, result.details)]);

  const skipped = result.skipped.length === 0 ? '' : `; ${result.skipped.length} not executed: ${result.skipped.join(', ')}`;
  const summary = [`Recorded plan ${plan.id} (${result.executed} trades${skipped}; as of ${plan.asOf}).`, ...result.journal.map((j) => `  ${j}`)];
  const out = flag(args, 'out');
  if (!out) return { stdout: [...summary, '', 'Dry run: nothing written. Add --out <folder | file.xlsx> to write the updated workbook.'].join('\n'), exitCode: 0 };
  if (/\.xlsx$/i.test(out)) await writeXlsx(out, tabs);
  else await writeCsvFolder(out, tabs);
  return { stdout: [...summary, `Wrote ${out}.`].join('\n'), exitCode: 0 };
}
