/**
 * One import, worked out on a workbook without writing anything: every file parsed (its format
 * detected from its content), merged into the household, and the Lots and Sales tabs as they
 * would be written, laid out as the user has them. The CLI, the sidebar's server functions and
 * the workbench all call this, so they parse and merge with the same code.
 */
import type { Household } from '../engine/types';
import type { IsoDate } from '../engine/dates';
import { toPlain } from '../engine/money';
import { findTabName, readHousehold, type TabSource } from '../workbook/index';
import type { WorkbookIssue } from '../engine/types';
import { lotsTabAfterImport, salesTabAfterImport } from './tab-edits';
import { readBrokerIds } from '../workbook/read-accounts';
import { mappingFromSettings, parseColumnMapping } from './mapping';
import { mergeImport, type ImportResult } from './merge';
import { parseBrokerFile } from './registry';
import type { ParsedFile } from './types';

export interface ImportFileInput {
  name: string;
  text: string;
}

export interface ImportRequest {
  files: readonly ImportFileInput[];
  account?: string | null;
  asOf?: IsoDate;
  defaultAsOf?: IsoDate;
}

/** Plain JSON (decimal strings), for the CLI's --json and google.script.run. */
export interface ImportPreviewJson {
  format: string;
  account: string;
  /** Lots the files state (written in place of the old lots of their tickers). */
  lots: number;
  /** Sales rows appended. */
  sales: number;
  /** Old lots taken out: replaced by a different lot on the same date, or no longer held. */
  replaced: number;
  salesSkipped: number;
  warnings: string[];
  files: { file: string; format: string; label: string; account: string; lots: number; sales: number }[];
  changes: {
    account: string;
    ticker: string;
    added: number;
    replaced: number;
    removed: number;
    unchanged: number;
    sharesBefore: string;
    sharesAfter: string;
    basisBefore: string;
    basisAfter: string;
  }[];
  salesAdded: { date: string; account: string; ticker: string; shares: string; proceeds: string; basis: string; acquired: string; disallowed: string }[];
  prices: { ticker: string; price: string }[];
  changed: boolean;
}

export type PlannedImport =
  | { ok: true; household: Household; result: Extract<ImportResult, { ok: true }>; lotsTab: unknown[][]; salesTab: unknown[][]; preview: ImportPreviewJson; warnings: WorkbookIssue[] }
  | { ok: false; errors: string[]; issues: WorkbookIssue[] };

export function previewJson(result: Extract<ImportResult, { ok: true }>): ImportPreviewJson {
  const formats = [...new Set(result.files.map((f) => f.format))];
  const accounts = [...new Set(result.files.map((f) => f.account).filter((a) => a !== ''))];
  return {
    format: formats.join(', '),
    account: accounts.join(', '),
    lots: result.changes.reduce((n, c) => n + c.added + c.replaced + c.unchanged, 0),
    sales: result.salesAdded.length,
    replaced: result.lotsReplaced,
    salesSkipped: result.salesSkipped,
    warnings: result.warnings,
    files: result.files,
    changes: result.changes.map((c) => ({
      account: c.account,
      ticker: c.ticker,
      added: c.added,
      replaced: c.replaced,
      removed: c.removed,
      unchanged: c.unchanged,
      sharesBefore: toPlain(c.sharesBefore),
      sharesAfter: toPlain(c.sharesAfter),
      basisBefore: toPlain(c.basisBefore),
      basisAfter: toPlain(c.basisAfter),
    })),
    salesAdded: result.salesAdded.map((s) => ({
      date: s.date,
      account: s.account,
      ticker: s.ticker,
      shares: toPlain(s.shares),
      proceeds: toPlain(s.proceeds),
      basis: toPlain(s.basis),
      acquired: s.acquired ?? '',
      disallowed: toPlain(s.disallowed),
    })),
    prices: result.prices.map((p) => ({ ticker: p.ticker, price: toPlain(p.price) })),
    changed: result.changed,
  };
}

/** Parses every file; a file given twice (same content) is refused, since its sales would count twice. */
export function parseFiles(files: readonly ImportFileInput[], settingsGrid: readonly (readonly unknown[])[] | null): { ok: true; parsed: ParsedFile[] } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  if (files.length === 0) return { ok: false, errors: ['No file was given; choose one or more broker exports (CSV).'] };
  const mappingText = mappingFromSettings(settingsGrid);
  const mapping = mappingText ? parseColumnMapping(mappingText) : null;
  if (mapping && !mapping.ok) return { ok: false, errors: [`Settings: ${mapping.error}`] };
  const parsed: ParsedFile[] = [];
  const seen = new Map<string, string>();
  for (const f of files) {
    const first = seen.get(f.text);
    if (first !== undefined) {
      errors.push(`${f.name} is the same file as ${first}; give each export once`);
      continue;
    }
    seen.set(f.text, f.name);
    const outcome = parseBrokerFile(f.name, f.text, { mapping: mapping?.ok ? mapping.mapping : undefined });
    if (outcome.ok) parsed.push(outcome.file);
    else errors.push(...outcome.errors);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, parsed };
}

export function planImport(source: TabSource, request: ImportRequest): PlannedImport {
  const read = readHousehold(source, { asOf: request.asOf, defaultAsOf: request.defaultAsOf });
  if (!read.ok) return { ok: false, errors: ['The workbook has errors; fix them before importing.'], issues: read.errors };
  const grid = (tab: string) => {
    const name = findTabName(source, tab);
    return name === null ? null : source.values(name);
  };
  const files = parseFiles(request.files, grid('Settings'));
  if (!files.ok) return { ok: false, errors: files.errors, issues: [] };
  const brokerIds = readBrokerIds(grid('Accounts'));
  const owners = new Map<string, string>();
  for (const [name, id] of brokerIds) {
    const key = id.toLowerCase().replace(/[^a-z0-9]/g, '');
    const first = owners.get(key);
    if (first !== undefined) return { ok: false, errors: [`Accounts: Broker ID ${id} is given to both ${first} and ${name}; expected each account's own number`], issues: [] };
    owners.set(key, name);
  }
  const h = read.household;
  const result = mergeImport({ accounts: h.accounts, securities: h.securities, lots: h.lots, sales: h.sales, brokerIds, asOf: h.settings.asOf }, files.parsed, { account: request.account });
  if (!result.ok) return { ok: false, errors: result.errors, issues: [] };
  const lotsTab = lotsTabAfterImport(grid('Lots'), result.replacements, source.dateCells ?? 'local');
  const salesTab = salesTabAfterImport(grid('Sales'), result.salesAdded);
  return { ok: true, household: h, result, lotsTab, salesTab, preview: previewJson(result), warnings: read.warnings };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The Journal's line for an import. */
export function importDetails(p: ImportPreviewJson): string {
  return `Imported ${p.files.map((f) => f.file).join(', ')}: ${plural(p.lots, 'lot')} (${plural(p.replaced, 'old lot')} replaced), ${plural(p.sales, 'sale')} appended.`;
}
