// The workbook reader's public API: safe for Apps Script and the browser (no Node imports).
// Node-only sources (CSV folders, .xlsx files) are in ./node/index.ts.
export { type TabSource, gridSource, findTabName, matchTabName, tabKey } from './tab-source';
export { readHousehold, type ReadResult, type ReadOptions } from './read-household';
export { formatIssue } from './issues';
export type { WorkbookIssue } from '../engine/types';
export { JOURNAL_TAB, JOURNAL_HEADERS, journalRow, recordedPlanIds, journalGrid, type JournalEvent } from './journal';
export { defaultSettings } from './settings-defaults';
export {
  type DateCells,
  type PercentScale,
  type CellResult,
  parseNumberCell,
  parsePercentCell,
  parseDateCell,
  parseBooleanCell,
  percentScaleOf,
  spreadsheetError,
  isBlank,
} from './cells';
export { normalizeHeader } from './headers';
export { parseAccountType, treatmentOf, parseTreatmentList } from './account-types';
export { lotsToRows, salesToRows, accountsToRows, LOT_HEADERS, SALE_HEADERS, ACCOUNT_HEADERS, type TabRows } from './write-tabs';
export { mergeIntoTab, type MergeRule } from './merge-into-tab';
export { recordedTabs, type RecordedTabs } from './recorded-tabs';
