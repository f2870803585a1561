import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gridSource, type TabSource } from '../tab-source';
import { parseCsv, toCsv } from './csv';

/** A folder with `Accounts.csv`, `Lots.csv`, ...: one file per tab, named after it. */
export function readCsvFolder(dir: string): TabSource {
  const tabs: Record<string, unknown[][]> = {};
  for (const file of readdirSync(dir).sort()) {
    if (!/\.csv$/i.test(file)) continue;
    tabs[file.replace(/\.csv$/i, '')] = parseCsv(readFileSync(join(dir, file), 'utf8'));
  }
  // CSV cells are text: no Date objects arrive, so how Dates read does not matter.
  return gridSource(tabs, 'utc');
}

/** Writes each tab as `<dir>/<Tab>.csv`, creating the folder. */
export function writeCsvFolder(dir: string, tabs: Record<string, readonly (readonly unknown[])[]>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, rows] of Object.entries(tabs)) writeFileSync(join(dir, `${name}.csv`), toCsv(rows));
}
