import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { releasePages, newPage } from '../e2e/workbench';
import { gridSource, readHousehold } from '../../src/workbook/index';
import { isoDate } from '../../src/engine/index';
import { decideCheck } from '../../src/engine/schedule/decide-check';
import { emptyScheduleState } from '../../src/engine/schedule/schedule-state';
import { renderCheckEmail } from '../../src/engine/notify/check-email';
import { renderErrorEmail } from '../../src/engine/notify/error-email';
import { slackCheckText, slackPlanRecordedText } from '../../src/engine/notify/slack-text';
import { escapeHtml, safeHttpsUrl } from '../../src/engine/notify/escape';
import { exampleHousehold, exampleTabs } from './example-household';

const AS_OF = isoDate('2026-11-20');
const SHEET_URL = 'https://docs.google.com/spreadsheets/d/fake-spreadsheet-id/edit';
const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const OUTPUT = fileURLToPath(new URL('../../test-output/', import.meta.url));

/** The example household with an account named like a script and a class named like an image. */
function hostileHousehold() {
  return exampleHousehold({}, (tabs) => {
    const rename = (grid: string[][], col: number, from: string, to: string) => grid.forEach((r) => r[col] === from && (r[col] = to));
    rename(tabs.Accounts, 0, 'Roth IRA', SCRIPT);
    rename(tabs.Lots, 0, 'Roth IRA', SCRIPT);
    rename(tabs.Targets, 0, 'REITs', IMG);
    rename(tabs.Securities, 1, 'REITs', IMG);
  });
}

function expectNoMarkupFrom(html: string) {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<img/i);
  expect(html).not.toMatch(/<[^>]*onerror=/i);
  expect(html).not.toMatch(/<style|class=|<link|<iframe|<form|javascript:/i);
}

describe('the check email', () => {
  const decision = decideCheck({ household: exampleHousehold(), asOf: AS_OF, state: emptyScheduleState() });

  it('subject says what is needed', () => {
    // Plan tax: the BND harvest saves $90.65 (3,275 loss offsetting the year's gains), rounded to $91.
    expect(renderCheckEmail(decision, { spreadsheetUrl: SHEET_URL }).subject).toBe('Rebalance due: 7 classes outside their bands, est. tax saving $91');
    expect(renderCheckEmail(decision, { spreadsheetUrl: SHEET_URL, test: true }).subject).toBe('[Test] Rebalance due: 7 classes outside their bands, est. tax saving $91');
    const quarterly = exampleHousehold({ Schedule: 'quarterly' });
    const alert = decideCheck({ household: quarterly, asOf: AS_OF, state: { ...emptyScheduleState(), lastReview: isoDate('2026-10-01') } });
    expect(renderCheckEmail(alert, { spreadsheetUrl: SHEET_URL }).subject).toBe('Drift alert: 5 classes past the 20% override (largest: US Small Cap +46%)');
  });

  it('HTML: tables and inline styles, the trades, the link; text alternative has the same', () => {
    const email = renderCheckEmail(decision, { spreadsheetUrl: SHEET_URL });
    expectNoMarkupFrom(email.html);
    expect(email.html).toContain(`href="${SHEET_URL}"`);
    expect(email.html).toContain('TX-BND-2021');
    expect(email.html).toContain('$18,450.00');
    expect(email.text).toContain('* Taxable Brokerage: SELL 250 BND = $18,450.00, saves $90.65');
    expect(email.text).toContain('* Traditional IRA: BUY 402 SCHP = $10,813.80');
    expect(email.text).toContain(`Open the spreadsheet: ${SHEET_URL}`);
    // Seven columns do not fit 78 characters: each lot is one line the mail client wraps.
    expect(email.text).toContain('\n- Taxable Brokerage: Ticker VB, Lot TX-VB-2025, Long-term on 2026-12-06, Days 16, Gain $1,032.00, Saved by waiting $175.44\n');
    // A table is its header, its rule of dashes and the rows down to the next blank line.
    const lines = email.text.split('\n');
    const tables = lines.flatMap((line, i) => {
      if (!/^-+( +-+)+$/.test(line)) return [];
      const end = lines.indexOf('', i);
      return lines.slice(i - 1, end === -1 ? undefined : end);
    });
    expect(tables.length).toBeGreaterThan(10);
    for (const line of tables) expect(line.length, line).toBeLessThanOrEqual(78);
    expect(email.text).not.toMatch(/<[a-z]/i);
  });

  it('the harvest table saves what the subject and the trade say ($90.65), in HTML and text', () => {
    const email = renderCheckEmail(decision, { spreadsheetUrl: SHEET_URL });
    expect(email.text).toMatch(/Taxable Brokerage +BND +TX-BND-2021 +long +\$3,275\.00 +\$90\.65/);
    expect(email.html).toContain('$90.65');
    expect(email.html).not.toContain('$655.00');
  });

  it('escapes every value from the sheet', () => {
    const d = decideCheck({ household: hostileHousehold(), asOf: AS_OF, state: emptyScheduleState() });
    const email = renderCheckEmail(d, { spreadsheetUrl: SHEET_URL, notes: [`Note about ${SCRIPT}`] });
    expectNoMarkupFrom(email.html);
    expect(email.html).toContain(escapeHtml(SCRIPT));
    expect(email.html).toContain(escapeHtml(IMG));
    expect(slackCheckText(d, SHEET_URL)).not.toContain('<img');
    expect(slackPlanRecordedText('P-1', [{ account: SCRIPT, action: 'SELL', ticker: 'VB', shares: '10' }], SHEET_URL)).toContain('&lt;script&gt;alert(1)&lt;/script&gt;: SELL 10 VB');
    // A link is made only from an https address.
    expect(renderCheckEmail(d, { spreadsheetUrl: 'javascript:alert(1)' }).html).not.toContain('javascript:');
    expect(safeHttpsUrl('https://x.test/"onmouseover=1')).toBeNull();
  });

  it('the broken-workbook email lists tab, row and column, escaped', () => {
    const tabs = exampleTabs({}, (t) => {
      t.Securities[3][0] = '<IMG SRC=X ONERROR=ALERT(1)>';
    });
    const read = readHousehold(gridSource(tabs), {});
    expect(read.ok).toBe(false);
    const errors = read.ok ? [] : read.errors;
    const email = renderErrorEmail(errors, SHEET_URL, '2026-11-20');
    expect(email.subject).toMatch(/^Scheduled check could not run: the workbook has \d+ errors? to fix$/);
    expectNoMarkupFrom(email.html);
    expect(email.html).toContain('&lt;IMG SRC=X ONERROR=ALERT(1)&gt;');
    expect(email.text).toContain('\n- Securities, row 4, column Ticker: found "<IMG SRC=X ONERROR=ALERT(1)>"');
  });

  it('renders in headless Chromium: no script runs, no image loads; screenshot saved', async () => {
    const d = decideCheck({ household: hostileHousehold(), asOf: AS_OF, state: emptyScheduleState() });
    const email = renderCheckEmail(d, { spreadsheetUrl: SHEET_URL });
    mkdirSync(OUTPUT, { recursive: true });
    try {
      const page = await newPage({ width: 720, height: 900 });
      const dialogs: string[] = [];
      const requests: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on('request', (r) => requests.push(r.url()));
      await page.setContent(email.html, { waitUntil: 'load' });
      expect(dialogs).toEqual([]);
      expect(requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:'))).toEqual([]);
      expect(await page.locator('script, img, style').count()).toBe(0);
      expect(await page.locator('body').innerText()).toContain(IMG);
      // The drift bars are real boxes: US Small Cap (+46%, the largest) fills its half of the bar.
      const width = await page.locator('table[width="102"]').first().boundingBox();
      expect(width?.width).toBe(102);
      await page.screenshot({ path: `${OUTPUT}email.png`, fullPage: true });
      const plain = renderCheckEmail(decideCheck({ household: exampleHousehold(), asOf: AS_OF, state: emptyScheduleState() }), { spreadsheetUrl: SHEET_URL });
      await page.setContent(plain.html, { waitUntil: 'load' });
      await page.screenshot({ path: `${OUTPUT}email-example.png`, fullPage: true });
    } finally {
      await releasePages();
    }
  }, 30_000);
});
