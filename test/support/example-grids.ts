import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../src/workbook/node/csv';

export const EXAMPLE_DIR = fileURLToPath(new URL('../../examples/household/', import.meta.url));
export const EXAMPLE_XLSX = fileURLToPath(new URL('../../examples/household.xlsx', import.meta.url));

/** A tab of the example household as a 2-D grid of text cells (what a CSV gives). */
export function exampleGrid(tab: string): string[][] {
  return parseCsv(readFileSync(`${EXAMPLE_DIR}${tab}.csv`, 'utf8'));
}
