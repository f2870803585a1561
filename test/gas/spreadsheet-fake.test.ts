import { describe, expect, it } from 'vitest';
import { createFakeGoogle } from '../../src/local-google/fake-google';
import { InMemorySpreadsheet } from '../../src/local-google/spreadsheet';

const accounts = () =>
  new InMemorySpreadsheet({
    timeZone: 'America/New_York',
    sheets: {
      Accounts: [
        ['Account', 'Type', 'Cash'],
        ['Joint', 'taxable', 1500.25],
        ['IRA', 'traditional', 0],
      ],
      Settings: [],
    },
  });

describe('InMemorySpreadsheet: reading', () => {
  it('getValues returns a fresh 2-D copy with "" for empty cells', () => {
    const ss = accounts();
    const range = ss.getSheetByName('Accounts')!.getRange('A1:D2');
    const values = range.getValues();
    expect(values).toEqual([
      ['Account', 'Type', 'Cash', ''],
      ['Joint', 'taxable', 1500.25, ''],
    ]);
    values[1][2] = 0;
    expect(range.getValues()[1][2]).toBe(1500.25);
  });

  it('Dates come back as new Date objects each time', () => {
    const ss = accounts();
    const cell = ss.getSheetByName('Settings')!.getRange(1, 1);
    cell.setValue(new Date('2024-03-01T05:00:00Z'));
    const first = cell.getValue() as Date;
    first.setFullYear(1999);
    expect((cell.getValue() as Date).toISOString()).toBe('2024-03-01T05:00:00.000Z');
  });

  it('reads A1 notation: cells, boxes, whole columns, sheet-qualified', () => {
    const ss = accounts();
    const sheet = ss.getSheetByName('Accounts')!;
    expect(sheet.getRange('B3').getValue()).toBe('traditional');
    expect(sheet.getRange('A1:C3').getA1Notation()).toBe('A1:C3');
    expect(sheet.getRange(2, 1, 2, 3).getA1Notation()).toBe('A2:C3');
    expect(sheet.getRange('C:C').getNumRows()).toBe(1000);
    expect(ss.getRange("'Accounts'!C2").getValue()).toBe(1500.25);
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 27)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
  });

  it('getDataRange, getLastRow and getLastColumn follow the content', () => {
    const sheet = accounts().getSheetByName('Accounts')!;
    expect(sheet.getLastRow()).toBe(3);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C3');
    const empty = accounts().getSheetByName('Settings')!;
    expect(empty.getLastRow()).toBe(0);
    expect(empty.getDataRange().getA1Notation()).toBe('A1');
  });

  it('getSheetByName is exact and returns null for a missing tab', () => {
    const ss = accounts();
    expect(ss.getSheetByName('accounts')).toBeNull();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Accounts', 'Settings']);
  });
});

describe('InMemorySpreadsheet: writing', () => {
  it('setValues needs exactly the range size, with Google\'s messages, and writes nothing otherwise', () => {
    const sheet = accounts().getSheetByName('Settings')!;
    const range = sheet.getRange(1, 1, 2, 2);
    expect(() => range.setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => range.setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(sheet.getLastRow()).toBe(0);
  });

  it('a string starting with = is stored as a formula; getValues shows "" unless an evaluator computes it', () => {
    const ss = accounts();
    const c4 = ss.getSheetByName('Accounts')!.getRange('C4');
    c4.setValue('=SUM(C2:C3)');
    expect(c4.getFormula()).toBe('=SUM(C2:C3)');
    expect(c4.getValue()).toBe('');
    const computed = new InMemorySpreadsheet({ sheets: { S: [['=1+1']] }, evaluateFormula: (f) => (f === '=1+1' ? 2 : '') });
    expect(computed.getSheetByName('S')!.getRange('A1').getValue()).toBe(2);
  });

  it("a leading apostrophe stores literal text without it; typed text becomes numbers, percents, booleans, dates", () => {
    const sheet = accounts().getSheetByName('Settings')!;
    sheet.getRange(1, 1, 1, 7).setValues([["'=not a formula", "'0123", '0123', '10%', '$1,234.50', 'true', '2024-01-05']]);
    const [row] = sheet.getRange(1, 1, 1, 7).getValues();
    expect(row.slice(0, 6)).toEqual(['=not a formula', '0123', 123, 0.1, 1234.5, true]);
    // Midnight in New York on 5 January (EST, UTC-5) is 05:00 UTC.
    expect((row[6] as Date).toISOString()).toBe('2024-01-05T05:00:00.000Z');
    expect(sheet.getRange('A1').getFormula()).toBe('');
  });

  it('refuses values Sheets would mangle: a Decimal-like object, NaN', () => {
    const cell = accounts().getSheetByName('Settings')!.getRange('A1');
    class Money {
      toString() {
        return '1.00';
      }
    }
    expect(() => cell.setValue(new Money())).toThrow('cannot write a Money to a cell');
    expect(() => cell.setValue(Number.NaN)).toThrow('cannot write the number NaN');
  });

  it('appendRow writes after the last row; clearContents keeps formats, clear does not', () => {
    const sheet = accounts().getSheetByName('Accounts')!;
    sheet.appendRow(['Roth', 'roth', 250]);
    expect(sheet.getRange('A4:C4').getValues()).toEqual([['Roth', 'roth', 250]]);
    sheet.getRange('C2:C4').setNumberFormat('$#,##0.00');
    expect(sheet.getRange('C2:C4').getDisplayValues()).toEqual([['$1,500.25'], ['$0.00'], ['$250.00']]);
    sheet.clearContents();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getRange('C2').getNumberFormats()).toEqual([['$#,##0.00']]);
    sheet.clear();
    expect(sheet.getRange('C2').getNumberFormats()).toEqual([['']]);
  });

  it('display values: percents, booleans, dates in the spreadsheet time zone', () => {
    const sheet = accounts().getSheetByName('Settings')!;
    sheet.getRange('A1:C1').setValues([[0.1234, true, new Date('2024-07-04T03:00:00Z')]]);
    sheet.getRange('A1').setNumberFormat('0.0%');
    // 03:00 UTC on 4 July is 23:00 on 3 July in New York (EDT, UTC-4).
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['12.3%', 'TRUE', '7/3/2024']]);
  });

  it('insertSheet refuses a duplicate name; deleteSheet removes', () => {
    const ss = accounts();
    expect(() => ss.insertSheet('settings')).toThrow('A sheet with the name "settings" already exists. Please enter another name.');
    const lots = ss.insertSheet('Lots');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Accounts', 'Settings', 'Lots']);
    ss.deleteSheet(lots);
    expect(ss.getSheetByName('Lots')).toBeNull();
  });
});

describe('InMemorySpreadsheet: counting and failing', () => {
  it('counts calls per method, so a test can pin batching', () => {
    const ss = accounts();
    const sheet = ss.getSheetByName('Accounts')!;
    sheet.getDataRange().getValues();
    sheet.getRange('A1').getValue();
    ss.getSheetByName('Settings')!.getRange(1, 1, 1, 2).setValues([[1, 2]]);
    expect(ss.context.calls.count('Range.getValues')).toBe(1);
    expect(ss.context.calls.count('Range.getValue')).toBe(1);
    expect(ss.context.calls.count('Range.setValues')).toBe(1);
    expect(ss.context.calls.count('Spreadsheet.getSheetByName')).toBe(2);
  });

  it('failAfterWrites(n): n writes succeed, the next throws and changes nothing', () => {
    const ss = accounts();
    const settings = ss.getSheetByName('Settings')!;
    ss.failAfterWrites(2);
    settings.getRange('A1').setValue('first');
    settings.getRange('A2').setValue('second');
    const before = ss.snapshot();
    expect(() => settings.getRange('A3').setValue('third')).toThrow(
      'Service Spreadsheets failed while accessing document with id fake-spreadsheet-id.',
    );
    expect(() => settings.appendRow(['fourth'])).toThrow('Service Spreadsheets failed');
    expect(ss.snapshot()).toEqual(before);
    expect(ss.writeCount()).toBe(2);
    ss.stopFailing();
    settings.getRange('A3').setValue('third');
    expect(settings.getRange('A1:A3').getValues()).toEqual([['first'], ['second'], ['third']]);
  });
});

describe('SpreadsheetApp by authorization mode', () => {
  it('a custom function may read but not write, show UI or open other files', () => {
    const google = createFakeGoogle({ spreadsheet: { sheets: { Accounts: [['x']] } }, authMode: 'CUSTOM_FUNCTION' });
    const app = google.globals.SpreadsheetApp;
    const sheet = app.getActive().getSheetByName('Accounts')!;
    expect(sheet.getRange('A1').getValue()).toBe('x');
    expect(() => sheet.getRange('A1').setValue('y')).toThrow('You do not have permission to call Range.setValue');
    expect(() => app.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(() => app.openById('other')).toThrow('You do not have permission to call SpreadsheetApp.openById');
    expect(sheet.getRange('A1').getValue()).toBe('x');
  });

  it('NONE mode (add-on not yet used in this document) may only build menus', () => {
    const google = createFakeGoogle({ authMode: 'NONE' });
    google.globals.SpreadsheetApp.getUi().createMenu('Rebalancer').addItem('Plan', 'plan').addToUi();
    expect(google.ui.menus[0]).toEqual({ kind: 'menu', caption: 'Rebalancer', entries: [{ kind: 'item', caption: 'Plan', functionName: 'plan' }] });
    expect(() => google.globals.SpreadsheetApp.getActive()).toThrow('You do not have permission to call SpreadsheetApp.getActive');
  });
});
