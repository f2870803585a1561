import type { CellRef, WorkbookIssue } from '../engine/types';

/** `Lots!row 7, column Shares: found "abc"; expected a number of shares greater than 0`. */
export function formatIssue(issue: WorkbookIssue): string {
  const where = issue.column
    ? `${issue.tab}!row ${issue.row}, column ${issue.column}`
    : `${issue.tab}!row ${issue.row}`;
  return `${where}: ${issue.message}`;
}

/** Errors and warnings collected while reading, so every problem of every tab is reported at once. */
export interface IssueLog {
  errors: WorkbookIssue[];
  warnings: WorkbookIssue[];
  error(ref: CellRef, message: string): void;
  warn(ref: CellRef, message: string): void;
}

export function issueLog(): IssueLog {
  const errors: WorkbookIssue[] = [];
  const warnings: WorkbookIssue[] = [];
  return {
    errors,
    warnings,
    error: (ref, message) => {
      errors.push({ tab: ref.tab, row: ref.row, column: ref.column, message });
    },
    warn: (ref, message) => {
      warnings.push({ tab: ref.tab, row: ref.row, column: ref.column, message });
    },
  };
}
