import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { E2E_TIMEOUT, WAIT, editedExample, useE2eSession } from '../e2e/workbench';

/** The sidebar's plan summary under the 2026 tables: federal / NIIT / state, marginal rates, 0% room. */
describe('the sidebar summary under the tax tables, in headless Chromium', () => {
  const session = useE2eSession('tax-sidebar', 'test-output');

  it('shows the split, the rates the last dollar meets and the 0% room', async () => {
    const file = await editedExample(join(session.temp, 'tables.xlsx'), (book) => {
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
    const { page, sidebar } = await session.open(file, { viewport: { width: 1200, height: 1400 } });
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
