import type { Household } from '../engine/index';
import { formatIssue, readHousehold, type WorkbookIssue } from '../workbook/index';
import { spreadsheetSource, todayIn, type Spreadsheet } from './active-workbook';
import type { TabSource } from '../workbook/index';
import type { IsoDate } from '../engine/index';

export interface IssueJson {
  tab: string;
  row: number;
  column: string;
  message: string;
  text: string;
}

export type SheetRead =
  | { ok: true; household: Household; source: TabSource; warnings: IssueJson[] }
  | { ok: false; errors: IssueJson[]; warnings: IssueJson[] };

export function issueJson(issue: WorkbookIssue): IssueJson {
  return { tab: issue.tab, row: issue.row, column: issue.column, message: issue.message, text: formatIssue(issue) };
}

/** Reads the active spreadsheet's contract tabs; as-of is Settings' As Of, else today in the sheet's zone. */
export function readSheetHousehold(ss: Spreadsheet, now?: Date): SheetRead {
  const source = spreadsheetSource(ss);
  const result = readHousehold(source, { defaultAsOf: todayIn(ss, now) as IsoDate });
  if (!result.ok) return { ok: false, errors: result.errors.map(issueJson), warnings: result.warnings.map(issueJson) };
  return { ok: true, household: result.household, source, warnings: result.warnings.map(issueJson) };
}
