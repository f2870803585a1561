import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseBrokerFile } from '../../src/import/index';
import type { ParsedFile } from '../../src/import/index';

export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
}

export function parsed(name: string, text = fixture(name)): ParsedFile {
  const outcome = parseBrokerFile(name, text);
  if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
  return outcome.file;
}

/** Lots as plain strings, for exact comparisons. */
export const lotRows = (f: ParsedFile) => f.lots.map((l) => [l.ticker, l.acquired, l.shares.toFixed(), l.basis.toFixed(), l.holdingFrom ?? '']);
export const saleRows = (f: ParsedFile) => f.sales.map((s) => [s.ticker, s.date, s.acquired ?? '', s.shares.toFixed(), s.proceeds.toFixed(), s.basis.toFixed(), s.disallowed.toFixed()]);
