import { parseIsoDate, type Household, type IsoDate } from '../engine/index';
import { formatIssue, readHousehold, type WorkbookIssue } from '../workbook/index';
import { loadWorkbook } from '../workbook/node/index';
import { flag, type ParsedArgs } from './args';
import { workbookPathProblem, workbookReadProblem, WORKBOOK_EXPECTED } from './workbook-path';

export type LoadResult = { ok: true; household: Household; warnings: WorkbookIssue[] } | { ok: false; message: string };

/** Today's calendar date on this machine: the CLI is a surface with a clock, the engine is not. */
export function today(): IsoDate {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` as IsoDate;
}

/** `--as-of`, already checked by the parser (the AS_OF flag's kind). */
export function asOfFlag(args: ParsedArgs): IsoDate | undefined {
  const text = flag(args, 'as-of');
  return text === undefined ? undefined : parseIsoDate(text) ?? undefined;
}

/**
 * Reads a workbook (.xlsx file or folder of CSVs). The as-of date is `--as-of`, else the
 * Settings tab's `As Of`, else today. A path that is not a readable workbook is one line
 * (what, where, what is expected); a workbook with errors lists each by tab, row and column.
 */
export async function loadHousehold(path: string, args: ParsedArgs): Promise<LoadResult> {
  const problem = workbookPathProblem(path);
  if (problem) return { ok: false, message: problem };
  let source;
  try {
    source = await loadWorkbook(path);
  } catch (error) {
    return { ok: false, message: workbookReadProblem(path, error) };
  }
  if (source.tabNames().length === 0) return { ok: false, message: `${path} has no tabs; ${WORKBOOK_EXPECTED}` };
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
