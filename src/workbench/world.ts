import { createFakeGoogle, type FakeGoogle } from '../local-google/fake-google';
import type { RunContext } from '../local-google/auth-mode';
import { checkTransportable } from '../local-google/script-run';
import type { CellValue } from '../local-google/cell-values';
import { wallClock } from '../local-google/time-zone';
import type { TabSource } from '../workbook/index';
import { loadCode, type LoadedCode } from './load-code';

const two = (n: number) => String(n).padStart(2, '0');

/**
 * A workbook cell as a user would type it into Sheets. Date cells from an .xlsx are UTC midnight
 * (exceljs), so they become ISO text and the in-memory sheet stores them as midnight in its own
 * time zone, which is what Sheets shows for a typed date.
 */
function typedCell(value: unknown, dateCells: TabSource['dateCells']): unknown {
  if (Object.prototype.toString.call(value) !== '[object Date]') return value ?? '';
  const d = value as Date;
  return dateCells === 'utc'
    ? `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`
    : `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

export interface TabView {
  name: string;
  rows: string[][];
}

/** A dialog a sidebar call opened (showModalDialog, showModelessDialog): the page shows it as an overlay. */
export interface DialogView {
  title: string;
  content: string;
  width: number;
  height: number;
}

export type RpcAnswer = ({ ok: true; result: unknown } | { ok: false; error: string }) & { dialogs?: DialogView[] };

export interface WorkbenchWorld {
  readonly google: FakeGoogle;
  /** One google.script.run request: a fresh execution in the sidebar context; arguments and result checked as Google checks them. */
  call(name: string, args: unknown): RpcAnswer;
  /** A menu item (or trigger, with `context`) run as its own execution; its dialogs land in google.ui. */
  run(name: string, args?: unknown[], context?: RunContext): RpcAnswer;
  /**
   * Every visible tab as display text, for the page beside the sidebar: numbers as their number
   * formats show them ($1,234.56, 11.0%), dates YYYY-MM-DD in the sheet's zone. Hidden tabs (the
   * add-on's `_rebalancer_plan`) are left out, as Sheets leaves them out of its tab bar.
   */
  tabs(): TabView[];
  /** Every tab's values with dates as UTC calendar days, for writeXlsx. */
  xlsxTabs(): Record<string, unknown[][]>;
}

export interface WorldOptions {
  code: string;
  sidebarHtml: string;
  timeZone?: string;
}

export function createWorld(source: TabSource, options: WorldOptions): WorkbenchWorld {
  const sheets: Record<string, unknown[][]> = {};
  for (const name of source.tabNames()) sheets[name] = (source.values(name) ?? []).map((row) => row.map((v) => typedCell(v, source.dateCells)));
  const timeZone = options.timeZone ?? 'America/New_York';
  const google = createFakeGoogle({
    spreadsheet: { name: 'Workbench', timeZone, sheets: Object.keys(sheets).length > 0 ? sheets : { Sheet1: [] } },
    htmlFiles: { Sidebar: options.sidebarHtml },
  });
  // Loading runs the bundle's top-level code: it must touch no service, so no execution yet matters.
  const code: LoadedCode = loadCode(options.code, google.globals);

  const show = (v: CellValue): string => {
    if (v instanceof Date) {
      const w = wallClock(v, timeZone);
      return `${w.year}-${two(w.month)}-${two(w.day)}`;
    }
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    return String(v);
  };
  const toUtcDay = (v: CellValue): unknown => {
    if (!(v instanceof Date)) return v;
    const w = wallClock(v, timeZone);
    return new Date(Date.UTC(w.year, w.month - 1, w.day));
  };
  const names = () => Object.keys(google.spreadsheet.snapshot());

  const execute = (name: string, rawArgs: unknown, context: RunContext): RpcAnswer => {
    const execution = google.startExecution({ context });
    const shownBefore = google.ui.shown.length;
    const opened = (): { dialogs?: DialogView[] } => {
      const dialogs = google.ui.shown.slice(shownBefore).filter((d) => d.kind !== 'sidebar');
      return dialogs.length === 0 ? {} : { dialogs: dialogs.map((d) => ({ title: d.title, content: d.content, width: d.width, height: d.height ?? 400 })) };
    };
    try {
      if (!Array.isArray(rawArgs)) throw new Error('rpc: args must be an array');
      const args = checkTransportable(rawArgs, 'args') as unknown[];
      if (!code.has(name)) throw new Error(`Script function not found: ${name}`);
      const result = code.run(name, args, execution.globals);
      return context === 'sidebar' ? { ok: true, result: checkTransportable(result, 'result'), ...opened() } : { ok: true, result: result ?? null };
    } catch (error) {
      const failed = { ok: false as const, error: String((error as { message?: unknown })?.message ?? error) };
      return context === 'sidebar' ? { ...failed, ...opened() } : failed;
    } finally {
      execution.end();
    }
  };

  return {
    google,
    call: (name, rawArgs) => execute(name, rawArgs, 'sidebar'),
    run: (name, args = [], context = 'menu') => execute(name, args, context),
    tabs: () =>
      names()
        .filter((name) => !google.spreadsheet.sheet(name).isHiddenRaw())
        .map((name) => {
          const sheet = google.spreadsheet.sheet(name);
          const shown = sheet.displayContents();
          return { name, rows: sheet.contents().map((row, r) => row.map((v, c) => (typeof v === 'number' ? shown[r][c] : show(v)))) };
        }),
    xlsxTabs: () =>
      Object.fromEntries(
        names().map((name) => {
          const sheet = google.spreadsheet.sheet(name);
          const formats = sheet.formatsRaw();
          // A number keeps its number format in the .xlsx, so Excel and Sheets show it as the workbench does.
          const cell = (v: CellValue, format: string): unknown => (typeof v === 'number' && format !== '' && format !== 'General' ? { value: v, numFmt: format } : toUtcDay(v));
          return [name, sheet.contents().map((row, r) => row.map((v, c) => cell(v, formats[r][c])))];
        }),
      ),
  };
}
