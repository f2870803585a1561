/**
 * The annual US return series 1928-2025, bundled into Code.js as text (build.mjs loads `.csv`
 * with esbuild's text loader): Apps Script cannot read files from the project, and 5 kB is cheap.
 * Kept in its own file so code that runs under Node tests (which read the file from disk) never
 * imports a .csv.
 */
import csv from '../../data/us-annual-returns.csv';

export const US_ANNUAL_RETURNS_CSV: string = csv;
