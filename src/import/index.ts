// The broker importer's public API: pure (no Apps Script, no Node), used by the CLI, the
// sidebar's server functions and the workbench alike.
export { parseBrokerFile, detectFormat, FORMATS, knownFormatsText } from './registry';
export { mergeImport, type ImportTarget, type ImportOptions, type ImportResult, type TickerChange } from './merge';
export { planImport, previewJson, parseFiles, importDetails, type ImportRequest, type ImportFileInput, type ImportPreviewJson, type PlannedImport } from './plan-import';
export { fillPrices, type PriceFill } from './price-fill';
export { parseColumnMapping, mappingFromSettings, IMPORT_COLUMNS_SETTING } from './mapping';
export type { ParsedFile, ImportedLot, ImportedSale, FormatId, ColumnMapping } from './types';
