/**
 * The formats the importer knows, in the order they are tried: a format is chosen by what the
 * file holds (its preamble, its header), never by its name. The most specific layouts come first
 * and the generic CSV last, so a broker's own file is never read as a generic one.
 */
// csv.ts is plain RFC 4180 parsing with no Node import (it sits beside the Node-only file
// sources); the Apps Script bundle uses it here to read uploaded files.
import { parseCsv } from '../workbook/node/csv';
import type { BrokerFormat, ParseOptions } from './format';
import type { ParseOutcome } from './types';
import { schwabLots } from './formats/schwab-lots';
import { schwabRealized } from './formats/schwab-realized';
import { fidelityPositions } from './formats/fidelity-positions';
import { fidelityRealized } from './formats/fidelity-realized';
import { ibkrActivity } from './formats/ibkr-activity';
import { vanguardCostBasis } from './formats/vanguard-cost-basis';
import { etradeGains } from './formats/etrade-gains';
import { etradePositions } from './formats/etrade-positions';
import { generic } from './formats/generic';

export const FORMATS: readonly BrokerFormat[] = [
  ibkrActivity,
  schwabRealized,
  schwabLots,
  fidelityRealized,
  fidelityPositions,
  etradeGains,
  etradePositions,
  vanguardCostBasis,
  generic,
];

/** The largest file read (a year of a busy account is well under this). */
export const MAX_FILE_CHARS = 5_000_000;

/** Which format a file's text is in, or null. */
export function detectFormat(text: string, options: ParseOptions = {}): BrokerFormat | null {
  const rows = parseCsv(text);
  return FORMATS.find((f) => f.detect(rows, options)) ?? null;
}

export function knownFormatsText(): string {
  return FORMATS.map((f) => `  - ${f.label}: ${f.download}`).join('\n');
}

/** Reads one broker file: detects its format from its content and parses it. */
export function parseBrokerFile(name: string, text: string, options: ParseOptions = {}): ParseOutcome {
  if (text.length > MAX_FILE_CHARS) return { ok: false, errors: [`${name}: the file is larger than ${MAX_FILE_CHARS / 1e6} MB; expected one broker export`] };
  if (text.trim() === '') return { ok: false, errors: [`${name}: the file is empty`] };
  if (text.startsWith('PK') || text.includes('\u0000')) return { ok: false, errors: [`${name}: this is not a CSV file (an Excel workbook?); download the CSV export, or save the sheet as CSV`] };
  const rows = parseCsv(text.replace(/\u00a0/g, ' '));
  const format = FORMATS.find((f) => f.detect(rows, options));
  if (!format) return { ok: false, errors: [`${name}: not in a format I know. Known formats (download these):\n${knownFormatsText()}`] };
  return format.parse(rows, name, options);
}
