import { InMemorySpreadsheet, type InMemorySheet } from './spreadsheet';
import { FakeUi } from './ui';

/** The SpreadsheetApp global of a container-bound script whose container is `spreadsheet`. */
export class FakeSpreadsheetApp {
  flushes = 0;

  constructor(
    readonly spreadsheet: InMemorySpreadsheet,
    readonly ui: FakeUi,
  ) {}

  getActive(): InMemorySpreadsheet {
    this.spreadsheet.call('SpreadsheetApp.getActive');
    return this.spreadsheet;
  }

  getActiveSpreadsheet(): InMemorySpreadsheet {
    this.spreadsheet.call('SpreadsheetApp.getActiveSpreadsheet');
    return this.spreadsheet;
  }

  getActiveSheet(): InMemorySheet {
    this.spreadsheet.call('SpreadsheetApp.getActiveSheet');
    return this.spreadsheet.getActiveSheet();
  }

  /** Writes are applied at once in memory; flush is counted so tests can see it precede releaseLock. */
  flush(): void {
    this.spreadsheet.call('SpreadsheetApp.flush');
    this.flushes++;
  }

  getUi(): FakeUi {
    this.spreadsheet.call('SpreadsheetApp.getUi', 'menus');
    return this.ui;
  }

  /** The manifest asks for spreadsheets.currentonly: opening any other file is refused. */
  openById(id: string): never {
    void id;
    this.spreadsheet.call('SpreadsheetApp.openById');
    throw new Error(
      'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
  }
}
