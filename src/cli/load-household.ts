import { impossibleDateReason, parseIsoDate, type Household, type IsoDate } from '../engine/index';
import { formatIssue, readHousehold, type WorkbookIssue } from '../workbook/index';
import { loadWorkbook } from '../workbook/node/index';
import { UsageError, flag, type ParsedArgs } from './args';

export type LoadResult = { ok: true; household: Household; warnings: WorkbookIssue[] } | { ok: false; message: string };

/** Today's calendar date on this machine: the CLI is a surface with a clock, the engine is not. */
export function today(): IsoDate {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` as IsoDate;
}

export function asOfFlag(args: ParsedArgs): IsoDate | undefined {
  const text = flag(args, 'as-of');
  if (text === undefined) return undefined;
  const date = parseIsoDate(text);
  const impossible = impossibleDateReason(text);
  if (!date && impossible) throw new UsageError(`--as-of: "${text}" is not a real date (${impossible})`);
  if (!date) throw new UsageError(`--as-of takes a date as YYYY-MM-DD; found "${text}"`);
  return date;
}

/**
 * Reads a workbook (.xlsx file or folder of CSVs). The as-of date is `--as-of`, else the
 * Settings tab's `As Of`, else today.
 */
export async function loadHousehold(path: string, args: ParsedArgs): Promise<LoadResult> {
  const source = await loadWorkbook(path);
  const result = readHousehold(source, { asOf: asOfFlag(args), defaultAsOf: today() });
  if (!result.ok) {
    const lines = result.errors.map((e) => `  ${formatIssue(e)}`);
    return {
      ok: false,
      message: `The workbook ${path} has ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}:\n${lines.join('\n')}`,
    };
  }
  return { ok: true, household: result.household, warnings: result.warnings };
}

export function warningLines(warnings: readonly WorkbookIssue[]): string {
  return warnings.map((w) => `warning: ${formatIssue(w)}`).join('\n');
}
