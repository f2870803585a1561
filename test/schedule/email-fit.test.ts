import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releasePages, newPage, sharedContext } from '../e2e/workbench';
import { dec, isoDate } from '../../src/engine/index';
import { decideCheck } from '../../src/engine/schedule/decide-check';
import { emptyScheduleState } from '../../src/engine/schedule/schedule-state';
import { renderCheckEmail } from '../../src/engine/notify/check-email';
import { renderErrorEmail } from '../../src/engine/notify/error-email';
import { exampleHousehold } from './example-household';

const AS_OF = isoDate('2026-11-20');
const SHEET_URL = 'https://docs.google.com/spreadsheets/d/fake-spreadsheet-id/edit';
const OUTPUT = fileURLToPath(new URL('../../test-output/', import.meta.url));

/** A Gmail column on a laptop, and a phone (iPhone SE / mini width). */
const WIDTHS = [600, 375] as const;

beforeAll(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  await sharedContext();
});
afterAll(async () => {
  await releasePages();
});

/** Renders `html` at `width` px; returns the document's scroll width and each table cell's right edge past the viewport. */
async function measure(html: string, width: number, shot: string) {
  const page = await newPage({ width, height: 800 });
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.screenshot({ path: `${OUTPUT}${shot}`, fullPage: true });
    return await page.evaluate(() => ({
      scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
      // Anything cut off: an element whose right edge is past the viewport.
      cut: Array.from(document.querySelectorAll("td, th, p, h1, h2, li")).filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5).map((e) => (e.textContent ?? '').slice(0, 40)),
      text: document.body.innerText,
    }));
  } finally {
    await releasePages();
  }
}

describe('the check email fits a Gmail column and a phone (no sideways scrolling)', () => {
  // The example household's review: 7 classes out of band, 6 trades, harvest and long-term tables.
  const decision = decideCheck({ household: exampleHousehold(), asOf: AS_OF, state: emptyScheduleState() });
  const trend = { since: isoDate('2026-11-01'), sinceReview: true, from: dec('0.041'), to: decision.content.drift.householdDrift };
  const review = renderCheckEmail(decision, { spreadsheetUrl: SHEET_URL, trend });

  for (const width of WIDTHS) {
    it(`at ${width} px every column is on screen; screenshot saved`, async () => {
      const m = await measure(review.html, width, `email-${width}.png`);
      expect(m.cut).toEqual([]);
      expect(m.scrollWidth).toBeLessThanOrEqual(width);
      // Nothing is dropped on the way: the right-hand columns' figures are still there.
      for (const figure of ['$18,450.00', 'saves $90.65', 'TX-BND-2021', '2026-12-06', '$175.44', 'Est. tax', 'Household drift 4.1% → 11.0% since 2026-11-01, the last review.']) expect(m.text).toContain(figure);
    }, 30_000);
  }

  it('stays well under the size Gmail clips at (about 102 KB: "[Message clipped]" hides the rest)', () => {
    // The example's review has 16 trades with their reasons: 66 KB today (the older 640 px layout: 62 KB).
    expect(Buffer.byteLength(review.html, 'utf8')).toBeLessThan(80_000);
  });

  it('long names, long lot ids and fractional shares wrap instead of widening the email', async () => {
    const household = exampleHousehold({}, (tabs) => {
      const rename = (grid: string[][], col: number, from: string, to: string) => grid.forEach((r) => r[col] === from && (r[col] = to));
      rename(tabs.Accounts, 0, 'Taxable Brokerage', 'Joint Taxable Brokerage Account at Charles Schwab');
      rename(tabs.Lots, 0, 'Taxable Brokerage', 'Joint Taxable Brokerage Account at Charles Schwab');
      rename(tabs.Targets, 0, 'US Small Cap', 'United States Small Capitalization Value Equities');
      rename(tabs.Securities, 1, 'US Small Cap', 'United States Small Capitalization Value Equities');
    });
    const html = renderCheckEmail(decideCheck({ household, asOf: AS_OF, state: emptyScheduleState() }), { spreadsheetUrl: SHEET_URL }).html;
    for (const width of WIDTHS) {
      const m = await measure(html, width, `email-long-names-${width}.png`);
      expect(m.cut).toEqual([]);
      expect(m.scrollWidth).toBeLessThanOrEqual(width);
    }
  }, 30_000);

  it('the broken-workbook email fits too', async () => {
    const errors = Array.from({ length: 3 }, (_, i) => ({ tab: 'Lots', row: 10 + i, column: 'Cost Basis', message: 'Cost Basis "12,3O4.00" is not an amount of dollars: write it like 12304.00 or $12,304.00 (is that a letter O instead of a zero?)' }));
    const html = renderErrorEmail(errors, SHEET_URL, '2026-11-20').html;
    for (const width of WIDTHS) {
      const m = await measure(html, width, `email-errors-${width}.png`);
      expect(m.cut).toEqual([]);
      expect(m.scrollWidth).toBeLessThanOrEqual(width);
    }
  }, 30_000);
});
