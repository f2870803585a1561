import { formatA1, parseA1 } from './a1-notation';
import { FakeContext, type Capability } from './auth-mode';
import { FakeEmbeddedChart, FakeEmbeddedChartBuilder } from './embedded-chart';
import { copyValue, displayValue, emptyCell, isEmptyCell, storedFromInput, type Cell, type CellValue } from './cell-values';

/** Computes what a formula cell shows; the fake has no formula engine of its own. */
export type FormulaEvaluator = (formula: string, at: { sheet: string; row: number; column: number }) => CellValue;

export interface InMemorySpreadsheetOptions {
  id?: string;
  name?: string;
  timeZone?: string;
  /** Initial tabs, in order; rows are written as a user would type them (strings are parsed). */
  sheets?: Record<string, readonly (readonly unknown[])[]>;
  /** Default: every formula shows "" (Sheets would compute it; tests that need a result say so). */
  evaluateFormula?: FormulaEvaluator;
}

export interface Toast {
  message: string;
  title: string;
}

const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;

/**
 * A Google spreadsheet in memory with SpreadsheetApp's semantics for the calls an add-on makes.
 * Every call is counted in the context's CallLog; every write goes through `beforeWrite`, which
 * checks authorization and implements fault injection (`failAfterWrites`).
 */
export class InMemorySpreadsheet {
  readonly context: FakeContext;
  readonly toasts: Toast[] = [];
  private readonly id: string;
  private name: string;
  private timeZone: string;
  private readonly sheets: InMemorySheet[] = [];
  private activeSheet: InMemorySheet | undefined;
  private nextSheetId = 0;
  private writes = 0;
  private writeBudget = Infinity;
  private failuresLeft = Infinity;
  readonly evaluateFormula: FormulaEvaluator;

  constructor(options: InMemorySpreadsheetOptions = {}, context: FakeContext = new FakeContext()) {
    this.context = context;
    this.id = options.id ?? 'fake-spreadsheet-id';
    this.name = options.name ?? 'Untitled spreadsheet';
    this.timeZone = options.timeZone ?? 'America/New_York';
    this.evaluateFormula = options.evaluateFormula ?? (() => '');
    const initial = options.sheets ?? { Sheet1: [] };
    for (const [sheetName, rows] of Object.entries(initial)) {
      const sheet = this.addSheet(sheetName);
      rows.forEach((row, r) => row.forEach((v, c) => sheet.load(r + 1, c + 1, v)));
    }
  }

  // ----- fake-only controls (not counted) ---------------------------------------------------

  /** Writes that succeeded so far (setValues, setValue, clear, appendRow, formats, tabs...). */
  writeCount(): number {
    return this.writes;
  }

  /**
   * The next `n` writes succeed; then `count` writes throw (default: every later one), as a
   * flaky Sheets does. `count` 1 is a transient failure: a rollback after it can still write.
   */
  failAfterWrites(n: number, count = Infinity): void {
    this.writeBudget = this.writes + n;
    this.failuresLeft = count;
  }

  stopFailing(): void {
    this.writeBudget = Infinity;
  }

  /** Every tab's data range, for asserting whole-workbook outcomes (e.g. nothing changed after a rollback). */
  snapshot(): Record<string, CellValue[][]> {
    return Object.fromEntries(this.sheets.map((s) => [s.getNameRaw(), s.contents()]));
  }

  /** A tab by name without counting a call; throws when missing (tests want a loud failure). */
  sheet(name: string): InMemorySheet {
    const found = this.sheets.find((s) => s.getNameRaw() === name);
    if (!found) throw new Error(`fake: no sheet named ${name}`);
    return found;
  }

  /** @internal every mutating call comes through here. */
  beforeWrite(api: string): void {
    this.call(api, 'writeDocument');
    if (this.writes >= this.writeBudget) {
      this.failuresLeft--;
      if (this.failuresLeft <= 0) this.writeBudget = Infinity;
      throw new Error(`Service Spreadsheets failed while accessing document with id ${this.id}.`);
    }
    this.writes++;
  }

  /** @internal */
  call(api: string, needs: Capability = 'readDocument'): void {
    this.context.call(api, needs);
  }

  /** @internal */
  idRaw(): string {
    return this.id;
  }

  /** @internal */
  timeZoneRaw(): string {
    return this.timeZone;
  }

  // ----- Spreadsheet API ----------------------------------------------------------------------

  getId(): string {
    this.call('Spreadsheet.getId');
    return this.id;
  }

  getName(): string {
    this.call('Spreadsheet.getName');
    return this.name;
  }

  rename(newName: string): void {
    this.beforeWrite('Spreadsheet.rename');
    this.name = newName;
  }

  getUrl(): string {
    this.call('Spreadsheet.getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  getSpreadsheetTimeZone(): string {
    this.call('Spreadsheet.getSpreadsheetTimeZone');
    return this.timeZone;
  }

  setSpreadsheetTimeZone(timeZone: string): void {
    this.beforeWrite('Spreadsheet.setSpreadsheetTimeZone');
    this.timeZone = timeZone;
  }

  getSheets(): InMemorySheet[] {
    this.call('Spreadsheet.getSheets');
    return [...this.sheets];
  }

  getNumSheets(): number {
    this.call('Spreadsheet.getNumSheets');
    return this.sheets.length;
  }

  /** Exact, case-sensitive match (the defensive reading); null when absent, as in Apps Script. */
  getSheetByName(name: string): InMemorySheet | null {
    this.call('Spreadsheet.getSheetByName');
    return this.sheets.find((s) => s.getNameRaw() === name) ?? null;
  }

  getActiveSheet(): InMemorySheet {
    this.call('Spreadsheet.getActiveSheet');
    return this.activeSheet ?? this.sheets[0];
  }

  setActiveSheet(sheet: InMemorySheet): InMemorySheet {
    this.call('Spreadsheet.setActiveSheet');
    this.activeSheet = sheet;
    return sheet;
  }

  insertSheet(name?: string): InMemorySheet {
    this.beforeWrite('Spreadsheet.insertSheet');
    let sheetName = name;
    if (sheetName === undefined) {
      let n = this.sheets.length + 1;
      while (this.nameTaken(`Sheet${n}`)) n++;
      sheetName = `Sheet${n}`;
    }
    if (this.nameTaken(sheetName)) {
      throw new Error(`A sheet with the name "${sheetName}" already exists. Please enter another name.`);
    }
    const sheet = this.addSheet(sheetName);
    this.activeSheet = sheet;
    return sheet;
  }

  deleteSheet(sheet: InMemorySheet): void {
    this.beforeWrite('Spreadsheet.deleteSheet');
    const index = this.sheets.indexOf(sheet);
    if (index < 0) throw new Error('Sheet not found');
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets.splice(index, 1);
    if (this.activeSheet === sheet) this.activeSheet = undefined;
  }

  /** `getRange('Accounts!A1:C3')`; without a sheet name, the active sheet. */
  getRange(a1: string): InMemoryRange {
    this.call('Spreadsheet.getRange');
    const parsed = parseA1(a1);
    const sheet = parsed.sheetName === undefined ? this.activeSheet ?? this.sheets[0] : this.sheets.find((s) => s.getNameRaw() === parsed.sheetName);
    if (!sheet) throw new Error('Range not found');
    return sheet.rangeFromA1(a1);
  }

  toast(message: string, title = '', timeoutSeconds?: number): void {
    void timeoutSeconds;
    this.call('Spreadsheet.toast', 'showUi');
    this.toasts.push({ message, title });
  }

  private addSheet(name: string): InMemorySheet {
    const sheet = new InMemorySheet(this, name, this.nextSheetId++);
    this.sheets.push(sheet);
    return sheet;
  }

  /** @internal */
  indexOf(sheet: InMemorySheet): number {
    return this.sheets.indexOf(sheet);
  }

  /** @internal Sheets refuses two tabs whose names differ only in case. */
  nameTaken(name: string, except?: InMemorySheet): boolean {
    return this.sheets.some((s) => s !== except && s.getNameRaw().toLowerCase() === name.toLowerCase());
  }
}

export class InMemorySheet {
  private readonly cells: (Cell | undefined)[][] = [];
  private maxRows = DEFAULT_ROWS;
  private maxColumns = DEFAULT_COLUMNS;
  private frozenRows = 0;
  private hidden = false;
  private readonly charts: FakeEmbeddedChart[] = [];

  constructor(
    readonly parent: InMemorySpreadsheet,
    private name: string,
    private readonly sheetId: number,
  ) {}

  // ----- fake-only (not counted) --------------------------------------------------------------

  /** @internal */
  getNameRaw(): string {
    return this.name;
  }

  /** The data range's values, without counting a call. */
  contents(): CellValue[][] {
    const rows = this.lastRowRaw();
    const cols = this.lastColumnRaw();
    const out: CellValue[][] = [];
    for (let r = 1; r <= rows; r++) {
      const row: CellValue[] = [];
      for (let c = 1; c <= cols; c++) row.push(this.valueAt(r, c));
      out.push(row);
    }
    return out;
  }

  /** The data range as getDisplayValues shows it (number formats applied), without counting a call. */
  displayContents(): string[][] {
    const tz = this.parent.timeZoneRaw();
    return this.contents().map((row, r) => row.map((v, c) => displayValue(v, this.cellAt(r + 1, c + 1)?.numberFormat ?? '', tz)));
  }

  /** The data range's number formats ('' where none is set), without counting a call. */
  formatsRaw(): string[][] {
    return this.contents().map((row, r) => row.map((_, c) => this.cellAt(r + 1, c + 1)?.numberFormat ?? ''));
  }

  /** Whether the tab is hidden, without counting a call. */
  isHiddenRaw(): boolean {
    return this.hidden;
  }

  /** @internal initial content: typed-input rules, no call counted, no write budget used. */
  load(row: number, column: number, input: unknown): void {
    this.ensureSize(row, column);
    Object.assign(this.cellAt(row, column, true)!, storedFromInput(input, this.parent.timeZoneRaw()));
  }

  /** @internal */
  cellAt(row: number, column: number, create = false): Cell | undefined {
    let r = this.cells[row - 1];
    if (!r) {
      if (!create) return undefined;
      r = this.cells[row - 1] = [];
    }
    let cell = r[column - 1];
    if (!cell && create) cell = r[column - 1] = emptyCell();
    return cell;
  }

  /** @internal the value getValues reports: a formula shows what the evaluator computes. */
  valueAt(row: number, column: number): CellValue {
    const cell = this.cellAt(row, column);
    if (!cell) return '';
    if (cell.formula) return copyValue(this.parent.evaluateFormula(cell.formula, { sheet: this.name, row, column }));
    return copyValue(cell.value);
  }

  /** @internal */
  lastRowRaw(): number {
    for (let r = this.cells.length; r >= 1; r--) {
      if ((this.cells[r - 1] ?? []).some((c) => !isEmptyCell(c))) return r;
    }
    return 0;
  }

  /** @internal */
  lastColumnRaw(): number {
    let last = 0;
    for (const row of this.cells) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) {
        if (!isEmptyCell(row[c - 1])) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  /** @internal */
  rangeFromA1(a1: string): InMemoryRange {
    const p = parseA1(a1);
    const endRow = p.endRow ?? this.maxRows;
    const endColumn = p.endColumn ?? this.maxColumns;
    return this.makeRange(p.startRow, p.startColumn, endRow - p.startRow + 1, endColumn - p.startColumn + 1);
  }

  /** @internal a range without counting a call (getRange, getDataRange and offset count their own). */
  makeRange(row: number, column: number, numRows: number, numColumns: number): InMemoryRange {
    if (!Number.isInteger(row) || row < 1) throw new Error('The starting row of the range is too small.');
    if (!Number.isInteger(column) || column < 1) throw new Error('The starting column of the range is too small.');
    if (!Number.isInteger(numRows) || numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (!Number.isInteger(numColumns) || numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this.maxRows || column + numColumns - 1 > this.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new InMemoryRange(this, row, column, numRows, numColumns);
  }

  private ensureSize(row: number, column: number): void {
    this.maxRows = Math.max(this.maxRows, row);
    this.maxColumns = Math.max(this.maxColumns, column);
  }

  // ----- Sheet API ----------------------------------------------------------------------------

  getName(): string {
    this.parent.call('Sheet.getName');
    return this.name;
  }

  setName(name: string): InMemorySheet {
    this.parent.beforeWrite('Sheet.setName');
    if (this.parent.nameTaken(name, this)) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    this.name = name;
    return this;
  }

  getSheetId(): number {
    this.parent.call('Sheet.getSheetId');
    return this.sheetId;
  }

  /** 1-based position among the tabs. */
  getIndex(): number {
    this.parent.call('Sheet.getIndex');
    return this.parent.indexOf(this) + 1;
  }

  getParent(): InMemorySpreadsheet {
    this.parent.call('Sheet.getParent');
    return this.parent;
  }

  getRange(a1: string): InMemoryRange;
  getRange(row: number, column: number, numRows?: number, numColumns?: number): InMemoryRange;
  getRange(rowOrA1: number | string, column?: number, numRows = 1, numColumns = 1): InMemoryRange {
    this.parent.call('Sheet.getRange');
    if (typeof rowOrA1 === 'string') {
      const parsed = parseA1(rowOrA1);
      if (parsed.sheetName !== undefined && parsed.sheetName !== this.name) throw new Error('Range not found');
      return this.rangeFromA1(rowOrA1);
    }
    return this.makeRange(rowOrA1, column ?? NaN, numRows, numColumns);
  }

  /** From A1 to the last row and column with content (A1 alone on an empty sheet). */
  getDataRange(): InMemoryRange {
    this.parent.call('Sheet.getDataRange');
    return this.makeRange(1, 1, Math.max(1, this.lastRowRaw()), Math.max(1, this.lastColumnRaw()));
  }

  getLastRow(): number {
    this.parent.call('Sheet.getLastRow');
    return this.lastRowRaw();
  }

  getLastColumn(): number {
    this.parent.call('Sheet.getLastColumn');
    return this.lastColumnRaw();
  }

  getMaxRows(): number {
    this.parent.call('Sheet.getMaxRows');
    return this.maxRows;
  }

  getMaxColumns(): number {
    this.parent.call('Sheet.getMaxColumns');
    return this.maxColumns;
  }

  /** Contents and formats. */
  clear(): InMemorySheet {
    this.parent.beforeWrite('Sheet.clear');
    this.cells.length = 0;
    return this;
  }

  /** Contents only; number formats and bold stay. */
  clearContents(): InMemorySheet {
    this.parent.beforeWrite('Sheet.clearContents');
    for (const row of this.cells) for (const cell of row ?? []) if (cell) Object.assign(cell, { value: '', formula: '' });
    return this;
  }

  /** Writes after the last row with content, growing the sheet when it is full. */
  appendRow(rowContents: readonly unknown[]): InMemorySheet {
    this.parent.beforeWrite('Sheet.appendRow');
    if (!Array.isArray(rowContents) || rowContents.length === 0) {
      throw new Error('The parameters (number[]) don\'t match the method signature for SpreadsheetApp.Sheet.appendRow.');
    }
    const row = this.lastRowRaw() + 1;
    const stored = rowContents.map((v) => storedFromInput(v, this.parent.timeZoneRaw()));
    this.ensureSize(row, rowContents.length);
    stored.forEach((s, i) => Object.assign(this.cellAt(row, i + 1, true)!, s));
    return this;
  }

  hideSheet(): InMemorySheet {
    this.parent.beforeWrite('Sheet.hideSheet');
    this.hidden = true;
    return this;
  }

  showSheet(): InMemorySheet {
    this.parent.beforeWrite('Sheet.showSheet');
    this.hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    this.parent.call('Sheet.isSheetHidden');
    return this.hidden;
  }

  setFrozenRows(rows: number): void {
    this.parent.beforeWrite('Sheet.setFrozenRows');
    this.frozenRows = rows;
  }

  getFrozenRows(): number {
    this.parent.call('Sheet.getFrozenRows');
    return this.frozenRows;
  }

  newChart(): FakeEmbeddedChartBuilder {
    this.parent.call('Sheet.newChart');
    return new FakeEmbeddedChartBuilder();
  }

  insertChart(chart: FakeEmbeddedChart): void {
    this.parent.beforeWrite('Sheet.insertChart');
    if (!(chart instanceof FakeEmbeddedChart)) throw new Error("The parameters (object) don't match the method signature for SpreadsheetApp.Sheet.insertChart.");
    this.charts.push(chart);
  }

  removeChart(chart: FakeEmbeddedChart): void {
    this.parent.beforeWrite('Sheet.removeChart');
    const i = this.charts.indexOf(chart);
    if (i >= 0) this.charts.splice(i, 1);
  }

  getCharts(): FakeEmbeddedChart[] {
    this.parent.call('Sheet.getCharts');
    return [...this.charts];
  }

  /** Column widths are not modelled; counted as a write so batching tests see it. */
  autoResizeColumns(startColumn: number, numColumns: number): InMemorySheet {
    void startColumn;
    void numColumns;
    this.parent.beforeWrite('Sheet.autoResizeColumns');
    return this;
  }
}

export class InMemoryRange {
  constructor(
    private readonly sheet: InMemorySheet,
    private readonly row: number,
    private readonly column: number,
    private readonly numRows: number,
    private readonly numColumns: number,
  ) {}

  private get spreadsheet(): InMemorySpreadsheet {
    return this.sheet.parent;
  }

  private map<T>(f: (row: number, column: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const line: T[] = [];
      for (let c = 0; c < this.numColumns; c++) line.push(f(this.row + r, this.column + c));
      out.push(line);
    }
    return out;
  }

  /** Google checks the row count first, then each row's length, with these messages. */
  private requireShape(data: unknown, api: string): readonly (readonly unknown[])[] {
    if (!Array.isArray(data) || !data.every((r) => Array.isArray(r))) {
      throw new Error(`The parameters (${typeof data}) don't match the method signature for SpreadsheetApp.Range.${api}.`);
    }
    if (data.length !== this.numRows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this.numRows}.`,
      );
    }
    for (const r of data as unknown[][]) {
      if (r.length !== this.numColumns) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${r.length} but the range has ${this.numColumns}.`,
        );
      }
    }
    return data as unknown[][];
  }

  private writeAll(f: (cell: Cell, r: number, c: number) => void): void {
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numColumns; c++) f(this.sheet.cellAt(this.row + r, this.column + c, true)!, r, c);
    }
  }

  // ----- Range API ----------------------------------------------------------------------------

  /** A fresh 2-D copy: numbers, booleans, Dates and strings, "" for empty cells. */
  getValues(): CellValue[][] {
    this.spreadsheet.call('Range.getValues');
    return this.map((r, c) => this.sheet.valueAt(r, c));
  }

  getValue(): CellValue {
    this.spreadsheet.call('Range.getValue');
    return this.sheet.valueAt(this.row, this.column);
  }

  getDisplayValues(): string[][] {
    this.spreadsheet.call('Range.getDisplayValues');
    const tz = this.spreadsheet.timeZoneRaw();
    return this.map((r, c) => displayValue(this.sheet.valueAt(r, c), this.sheet.cellAt(r, c)?.numberFormat ?? '', tz));
  }

  getDisplayValue(): string {
    this.spreadsheet.call('Range.getDisplayValue');
    const cell = this.sheet.cellAt(this.row, this.column);
    return displayValue(this.sheet.valueAt(this.row, this.column), cell?.numberFormat ?? '', this.spreadsheet.timeZoneRaw());
  }

  getFormulas(): string[][] {
    this.spreadsheet.call('Range.getFormulas');
    return this.map((r, c) => this.sheet.cellAt(r, c)?.formula ?? '');
  }

  getFormula(): string {
    this.spreadsheet.call('Range.getFormula');
    return this.sheet.cellAt(this.row, this.column)?.formula ?? '';
  }

  /** Needs a grid of exactly the range's size; strings follow the typed-input rules. */
  setValues(values: readonly (readonly unknown[])[]): InMemoryRange {
    this.spreadsheet.beforeWrite('Range.setValues');
    const grid = this.requireShape(values, 'setValues');
    const tz = this.spreadsheet.timeZoneRaw();
    const stored = grid.map((row) => row.map((v) => storedFromInput(v, tz))); // validate all before writing any
    this.writeAll((cell, r, c) => Object.assign(cell, stored[r][c]));
    return this;
  }

  /** Sets every cell of the range to the same value. */
  setValue(value: unknown): InMemoryRange {
    this.spreadsheet.beforeWrite('Range.setValue');
    const stored = storedFromInput(value, this.spreadsheet.timeZoneRaw());
    this.writeAll((cell) => Object.assign(cell, { ...stored, value: copyValue(stored.value) }));
    return this;
  }

  setFormula(formula: string): InMemoryRange {
    this.spreadsheet.beforeWrite('Range.setFormula');
    const text = formula.startsWith('=') ? formula : `=${formula}`;
    this.writeAll((cell) => Object.assign(cell, { value: '', formula: text }));
    return this;
  }

  setNumberFormat(format: string): InMemoryRange {
    this.spreadsheet.beforeWrite('Range.setNumberFormat');
    this.writeAll((cell) => (cell.numberFormat = format));
    return this;
  }

  setNumberFormats(formats: readonly (readonly string[])[]): InMemoryRange {
    this.spreadsheet.beforeWrite('Range.setNumberFormats');
    const grid = this.requireShape(formats, 'setNumberFormats');
    this.writeAll((cell, r, c) => (cell.numberFormat = String(grid[r][c])));
    return this;
  }

  /** The top-left cell's format; an unformatted cell reports "General" (*unconfirmed*: Google may report "0.###############"). */
  getNumberFormat(): string {
    this.spreadsheet.call('Range.getNumberFormat');
    return this.sheet.cellAt(this.row, this.column)?.numberFormat || 'General';
  }

  getNumberFormats(): string[][] {
    this.spreadsheet.call('Range.getNumberFormats');
    return this.map((r, c) => this.sheet.cellAt(r, c)?.numberFormat ?? '');
  }

  setFontWeight(fontWeight: 'normal' | 'bold' | null): InMemoryRange {
    this.spreadsheet.beforeWrite('Range.setFontWeight');
    this.writeAll((cell) => (cell.fontWeight = fontWeight ?? 'normal'));
    return this;
  }

  getFontWeights(): string[][] {
    this.spreadsheet.call('Range.getFontWeights');
    return this.map((r, c) => this.sheet.cellAt(r, c)?.fontWeight ?? 'normal');
  }

  clearContent(): InMemoryRange {
    this.spreadsheet.beforeWrite('Range.clearContent');
    this.writeAll((cell) => Object.assign(cell, { value: '', formula: '' }));
    return this;
  }

  clear(): InMemoryRange {
    this.spreadsheet.beforeWrite('Range.clear');
    this.writeAll((cell) => Object.assign(cell, emptyCell()));
    return this;
  }

  getNumRows(): number {
    this.spreadsheet.call('Range.getNumRows');
    return this.numRows;
  }

  getNumColumns(): number {
    this.spreadsheet.call('Range.getNumColumns');
    return this.numColumns;
  }

  getRow(): number {
    this.spreadsheet.call('Range.getRow');
    return this.row;
  }

  getColumn(): number {
    this.spreadsheet.call('Range.getColumn');
    return this.column;
  }

  getLastRow(): number {
    this.spreadsheet.call('Range.getLastRow');
    return this.row + this.numRows - 1;
  }

  getLastColumn(): number {
    this.spreadsheet.call('Range.getLastColumn');
    return this.column + this.numColumns - 1;
  }

  /** @internal A1 with the sheet name, without counting a call. */
  a1Raw(): string {
    return `${this.sheet.getNameRaw()}!${formatA1(this.row, this.column, this.numRows, this.numColumns)}`;
  }

  getA1Notation(): string {
    this.spreadsheet.call('Range.getA1Notation');
    return formatA1(this.row, this.column, this.numRows, this.numColumns);
  }

  getSheet(): InMemorySheet {
    this.spreadsheet.call('Range.getSheet');
    return this.sheet;
  }

  offset(rowOffset: number, columnOffset: number, numRows = this.numRows, numColumns = this.numColumns): InMemoryRange {
    this.spreadsheet.call('Range.offset');
    return this.sheet.makeRange(this.row + rowOffset, this.column + columnOffset, numRows, numColumns);
  }
}
