import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { E2E_TIMEOUT, WAIT, editedExample, closePages, sharedChromium, startWorkbench, type RunningWorkbench } from '../e2e/workbench';

/** The sidebar's plan summary under the 2026 tables: federal / NIIT / state, marginal rates, 0% room. */
describe('the sidebar summary under the tax tables, in headless Chromium', () => {
  let browser: Browser | undefined;
  let wb: RunningWorkbench | null = null;
  afterAll(async () => {
    await closePages(browser);
    wb?.stop();
  });

  it('shows the split, the rates the last dollar meets and the 0% room', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tax-sidebar-'));
    const file = await editedExample(join(dir, 'tables.xlsx'), (book) => {
      const settings = book.getWorksheet('Settings')!;
      settings.addRow(['Filing Status', 'Married Filing Jointly']);
      settings.addRow(['Income', 112200]);
      // The example's loss sales, carryforward and harvest make the year a net loss (no 0% room):
      // without them the couple has 98,900 - 80,000 = 18,900 of room before the plan.
      book.removeWorksheet(book.getWorksheet('Sales')!.id);
      settings.eachRow((row) => {
        if (row.getCell(1).value === 'LT Loss Carryforward') row.getCell(2).value = 0;
        if (row.getCell(1).value === 'Harvest Losses') row.getCell(2).value = 'no';
      });
    });
    wb = await startWorkbench(file);
    browser = await sharedChromium();
    const page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
    await page.goto(wb.url);
    const sidebar = page.frameLocator('#sidebar');
    await sidebar.locator('details.trade').first().waitFor({ timeout: WAIT });
    const parts = await sidebar.locator('dd[data-summary="tax-parts"]').textContent();
    expect(parts).toMatch(/^[−-]?\$[\d,.]+ \/ \$0\.00 \/ [−-]?\$[\d,.]+$/);
    expect(await sidebar.locator('dd[data-summary="marginal"]').textContent()).toMatch(/% short, .*% long/);
    const room = await sidebar.locator('dd[data-summary="zero-room"]').textContent();
    expect(room).toMatch(/^\$[\d,]+/);
    expect(room).not.toBe('$0.00');
    await page.locator('#sidebar').screenshot({ path: join('test-output', 'sidebar-tax-tables.png') });
  }, E2E_TIMEOUT);
});
