import type { ColumnMapping, FormatId, ParseOutcome } from './types';

/** One broker export the registry can recognise and read. */
export interface BrokerFormat {
  id: FormatId;
  /** "Schwab Lot Details", as messages name it. */
  label: string;
  /** What to download at the broker, for the "no known format" message and the README. */
  download: string;
  /** Whether the file's rows look like this format (never the file name). */
  detect(rows: readonly (readonly string[])[], options: ParseOptions): boolean;
  parse(rows: readonly (readonly string[])[], file: string, options: ParseOptions): ParseOutcome;
}

export interface ParseOptions {
  /** The generic CSV's column mapping (Settings' `Import Columns`). */
  mapping?: ColumnMapping;
}
