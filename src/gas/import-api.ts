/**
 * The sidebar's Import from broker: the browser reads the chosen files and sends their text;
 * the same engine code the CLI uses (src/import) detects each format, parses and merges. The
 * preview writes nothing. The import itself, under the document lock, works everything out
 * again, refuses if the result would differ from the preview the user confirmed, and writes
 * Lots, Sales (and Securities' prices, when chosen) plus a Journal row and the before-image that
 * "Undo last recording" restores, all-or-nothing.
 */
import { readHousehold, gridSource, type TabSource } from '../workbook/index';
import type { IsoDate } from '../engine/index';
import { fillPrices, importDetails, planImport, type ImportPreviewJson, type PlannedImport } from '../import/index';
import { JOURNAL_HEADERS, JOURNAL_TAB, journalGrid, journalRow } from '../workbook/journal';
import { captureImages, imageCells, withDocumentLock, writeTabsAtomically, type TabWrite } from './atomic-write';
import { issueJson, type IssueJson } from './household-from-sheet';
import { tabName } from './record-executed';
import { hash53, tabsFingerprint, UNDO_TAB, undoTabRows } from './undo-image';
import { spreadsheetSource, todayIn, type Spreadsheet } from './active-workbook';

export type { ImportPreviewJson } from '../import/index';

export interface ImportFileJson {
  name: string;
  text: string;
}

export interface ImportInput {
  files: ImportFileJson[];
  /** An account name, or '' to match each file by the Accounts tab's Broker ID. */
  account: string;
  /** Fill Securities' Price from the files (never over a formula). */
  fillPrices: boolean;
}

export interface PriceFillJson {
  ticker: string;
  price: string;
  was: string;
}

export type ImportPreviewResult =
  | { ok: true; preview: ImportPreviewJson; priceFill: PriceFillJson[]; priceFormulas: string[]; changed: boolean; token: string }
  | { ok: false; errors: string[]; issues: IssueJson[] };

export type ImportApplyResult =
  | { ok: true; importId: string; message: string; preview: ImportPreviewJson }
  | { ok: false; errors: string[]; issues: IssueJson[] };

const MAX_FILES = 20;
const MAX_CHARS = 5_000_000;

function checkInput(input: unknown): { ok: true; value: ImportInput } | { ok: false; errors: string[] } {
  const value = input as Partial<ImportInput> | null;
  if (!value || typeof value !== 'object' || !Array.isArray(value.files)) return { ok: false, errors: ['Choose one or more broker exports (CSV) first.'] };
  if (value.files.length === 0) return { ok: false, errors: ['Choose one or more broker exports (CSV) first.'] };
  if (value.files.length > MAX_FILES) return { ok: false, errors: [`Choose at most ${MAX_FILES} files at a time.`] };
  const files: ImportFileJson[] = [];
  for (const f of value.files as unknown[]) {
    const file = f as Partial<ImportFileJson> | null;
    if (!file || typeof file.name !== 'string' || typeof file.text !== 'string') return { ok: false, errors: ['A file could not be read; choose it again.'] };
    if (file.text.length > MAX_CHARS) return { ok: false, errors: [`${file.name}: larger than 5 MB; expected one broker export`] };
    files.push({ name: file.name.slice(0, 200), text: file.text });
  }
  return { ok: true, value: { files, account: typeof value.account === 'string' ? value.account : '', fillPrices: value.fillPrices === true } };
}

interface Worked {
  planned: Extract<PlannedImport, { ok: true }>;
  source: TabSource;
  names: string[];
  securitiesTab: string;
  securities: { values: unknown[][]; formulas: string[][] } | null;
  fill: ReturnType<typeof fillPrices> | null;
  fingerprint: string;
}

/** Everything the import would write, worked out from the sheet as it is now. */
function work(ss: Spreadsheet, input: ImportInput, now: Date): { ok: true; worked: Worked } | { ok: false; errors: string[]; issues: IssueJson[] } {
  const source = spreadsheetSource(ss);
  const planned = planImport(source, { files: input.files, account: input.account || null, defaultAsOf: todayIn(ss, now) as IsoDate });
  if (!planned.ok) return { ok: false, errors: planned.errors, issues: planned.issues.map(issueJson) };
  const names = ss.getSheets().map((s) => s.getName());
  const securitiesTab = tabName(names, 'Securities');
  let securities: Worked['securities'] = null;
  let fill: Worked['fill'] = null;
  if (input.fillPrices && planned.result.prices.length > 0) {
    const [image] = captureImages(ss, [securitiesTab]);
    securities = { values: image.values, formulas: image.formulas };
    fill = fillPrices(image.values, image.formulas, planned.result.prices);
  }
  // What the tabs will read as once written: the undo's fingerprint and the preview's token.
  const tabs: Record<string, unknown[][]> = {};
  for (const n of source.tabNames()) tabs[n] = source.values(n) ?? [];
  tabs[tabName(names, 'Lots')] = planned.lotsTab;
  tabs[tabName(names, 'Sales')] = planned.salesTab;
  const reread = readHousehold(gridSource(tabs, source.dateCells), { defaultAsOf: todayIn(ss, now) as IsoDate });
  const fingerprint = reread.ok ? tabsFingerprint(reread.household.lots, reread.household.sales, reread.household.accounts) : '';
  return { ok: true, worked: { planned, source, names, securitiesTab, securities, fill, fingerprint } };
}

/** Names what the user saw: the preview itself, the tabs it leads to, the prices it fills. */
function tokenOf(w: Worked): string {
  return hash53(JSON.stringify([w.fingerprint, w.planned.preview, w.fill?.filled ?? []]));
}

/** The preview: per ticker, lots added, replaced and removed, share and basis totals; sales appended. Writes nothing. */
export function previewImportAt(input: unknown, now: Date): ImportPreviewResult {
  const checked = checkInput(input);
  if (!checked.ok) return { ok: false, errors: checked.errors, issues: [] };
  try {
    const result = work(SpreadsheetApp.getActive(), checked.value, now);
    if (!result.ok) return result;
    const w = result.worked;
    return {
      ok: true,
      preview: w.planned.preview,
      priceFill: w.fill?.filled ?? [],
      priceFormulas: w.fill?.formulas ?? [],
      changed: w.planned.preview.changed || (w.fill?.filled.length ?? 0) > 0,
      token: tokenOf(w),
    };
  } catch (error) {
    return { ok: false, errors: [error instanceof Error ? error.message : String(error)], issues: [] };
  }
}

/** The import, exactly as previewed (`token`), all-or-nothing and journaled; Undo last recording takes it back. */
export function applyImportAt(input: unknown, token: string, now: Date): ImportApplyResult {
  const checked = checkInput(input);
  if (!checked.ok) return { ok: false, errors: checked.errors, issues: [] };
  const ss = SpreadsheetApp.getActive();
  try {
    return withDocumentLock((): ImportApplyResult => {
      const result = work(ss, checked.value, now);
      if (!result.ok) return result;
      const w = result.worked;
      if (tokenOf(w) !== token) return { ok: false, errors: ['The workbook changed since the preview (or the files did). Nothing was imported; preview again.'], issues: [] };
      const filled = w.fill?.filled.length ?? 0;
      if (!w.planned.preview.changed && filled === 0) return { ok: false, errors: ['Nothing to import: the workbook already says what these files say.'], issues: [] };
      const lotsTab = tabName(w.names, 'Lots');
      const salesTab = tabName(w.names, 'Sales');
      const touched = [lotsTab, salesTab, ...(filled > 0 ? [w.securitiesTab] : [])];
      const images = captureImages(ss, touched);
      const importId = `import-${Utilities.formatDate(now, 'UTC', "yyyyMMdd'T'HHmmss")}`;
      const journal = journalGrid(w.source);
      const hasJournal = journal !== null && journal.length > 0;
      const details = `${importDetails(w.planned.preview)}${filled > 0 ? ` Prices filled: ${w.fill!.filled.map((f) => f.ticker).join(', ')}.` : ''}`;
      const writes: TabWrite[] = [
        { tab: lotsTab, rows: w.planned.lotsTab },
        { tab: salesTab, rows: w.planned.salesTab },
        ...(filled > 0 && w.securities ? [{ tab: w.securitiesTab, rows: imageCells({ values: w.fill!.values as never, formulas: w.securities.formulas }), raw: true }] : []),
        {
          tab: tabName(w.names, JOURNAL_TAB),
          rows: [...(hasJournal ? [] : [[...JOURNAL_HEADERS]]), journalRow(now.toISOString(), importId, 'imported', '', details)],
          append: hasJournal,
        },
        { tab: UNDO_TAB, rows: undoTabRows(importId, w.fingerprint, images), raw: true, hide: true },
      ];
      writeTabsAtomically(ss, writes, images);
      return { ok: true, importId, message: details, preview: w.planned.preview };
    });
  } catch (error) {
    return { ok: false, errors: [error instanceof Error ? error.message : String(error)], issues: [] };
  }
}

/** google.script.run entry points (no Date crosses that bridge: the server reads its clock here). */
export function previewImport(input: ImportInput): ImportPreviewResult {
  return previewImportAt(input, new Date());
}

export function applyImport(input: ImportInput, token: string): ImportApplyResult {
  return applyImportAt(input, token, new Date());
}
