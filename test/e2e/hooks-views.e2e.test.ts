/**
 * End to end, in headless Chromium over the workbench: the By account view against each
 * account's share of the plan, the backtest chart at the sidebar's 300 px with its "Open larger"
 * dialog (an overlay in the workbench, a modal dialog in Sheets), and selects wide enough for
 * their choices. Screenshots go to test-output/ (gitignored).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BACKTEST_WAIT, E2E_TIMEOUT, WAIT, clickWhenReady, editedExample, shootSidebar, useE2eSession } from './workbench';

const OUT = fileURLToPath(new URL('../../test-output/', import.meta.url));
const session = useE2eSession('hooks', OUT);
const { temp } = session;

const open = (workbook?: string) => session.open(workbook);

/** How much of a select's widest choice does not fit its box, in px (0: all of it shows). */
function cutOff(sidebar: FrameLocator, selector: string): Promise<number> {
  return sidebar.locator(selector).evaluate((node) => {
    const select = node as HTMLSelectElement;
    const style = getComputedStyle(select);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `${style.fontSize} ${style.fontFamily}`;
    const widest = Math.max(...Array.from(select.options, (o) => ctx.measureText(o.text).width));
    // Room for text: the box less its padding and the arrow (about 20 px in Chromium).
    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
    return Math.max(0, Math.ceil(widest - room));
  });
}

describe('By account, the backtest chart and its larger dialog, in headless Chromium', () => {
  it('By account: the Traditional IRA\'s bonds are within its plan; every account says how it stands', async () => {
    const { page, sidebar, errors } = await open();
    await sidebar.locator('button[data-view="accounts"]').waitFor({ timeout: WAIT });
    await sidebar.locator('button[data-view="accounts"]').click();
    await expect.poll(() => sidebar.locator('.account-drift').count(), { timeout: WAIT }).toBe(5);
    expect(await sidebar.locator('.account-plan-note').textContent()).toContain('household plan');
    const bonds = sidebar.locator('.account-drift[data-account="Traditional IRA"] .bar-row[data-class="US Bonds"]');
    expect(await bonds.getAttribute('data-status')).toBe('within');
    expect(await bonds.locator('.nums').textContent()).toBe('42.6% / 42.6%');
    expect(await bonds.getAttribute('title')).toContain('planned 42.6%');
    expect(await sidebar.locator('.account-drift[data-account="Taxable Brokerage"] h3').textContent()).toContain('within plan');
    await shootSidebar(page, OUT + 'sidebar-by-account.png');
    await sidebar.locator('#drift-section').screenshot({ path: join(OUT, 'sidebar-by-account-section.png') });
    expect(errors).toEqual([]);
  }, E2E_TIMEOUT);

  it('backtest at 300 px: the chart is drawn at its width; Open larger shows the wide chart over the page', async () => {
    const { page, sidebar, errors } = await open();
    await sidebar.locator('#run-backtest').waitFor({ timeout: WAIT });
    expect(await cutOff(sidebar, '#bt-account')).toBe(0);
    // 2-year windows: the chart and dialog are the same at a fifth of the 10-year default's CPU.
    await sidebar.locator('#bt-years').fill('2');
    await clickWhenReady(sidebar.locator('#run-backtest'));
    const img = sidebar.locator('#bt-chart');
    await img.waitFor({ timeout: BACKTEST_WAIT });
    await expect.poll(() => img.evaluate((n) => (n as HTMLImageElement).complete && (n as HTMLImageElement).naturalWidth), { timeout: WAIT }).toBe(280);
    // Shown at (nearly) its own size: its 10 px labels are not scaled down to unreadable.
    const shown = await img.evaluate((n) => n.getBoundingClientRect().width);
    expect(shown).toBeGreaterThanOrEqual(260);
    expect(shown).toBeLessThanOrEqual(280);
    // Whole numbers where a count is shown.
    for (const t of await sidebar.locator('#bt-table td:nth-child(8) .median').allTextContents()) expect(t).toMatch(/^\d+$/);
    await sidebar.locator('#backtest').screenshot({ path: join(OUT, 'sidebar-backtest-300.png') });
    await shootSidebar(page, OUT + 'sidebar-backtest-full.png');

    await sidebar.locator('#bt-open-larger').click();
    const overlay = page.locator('#dialog-overlay');
    await overlay.waitFor({ state: 'visible', timeout: WAIT });
    expect(await page.locator('#dialog-title').textContent()).toBe('Backtest: value and drift');
    const big = page.frameLocator('#dialog-frame').locator('img');
    await expect.poll(() => big.evaluate((n) => (n as HTMLImageElement).complete && (n as HTMLImageElement).naturalWidth), { timeout: WAIT }).toBe(760);
    await page.screenshot({ path: join(OUT, 'backtest-dialog.png') });
    await page.locator('#dialog-close').click();
    await overlay.waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
  }, E2E_TIMEOUT);

  it('the import and backtest account selects show their longest choice whole, long account names included', async () => {
    // As long as a name can be and still fit 276 px at 13 px (the tooltip holds any longer one).
    const long = 'Fidelity Rollover IRA (Acme 401k)';
    const named = await editedExample(join(temp, 'long-account.xlsx'), (wb) => {
      for (const tab of ['Accounts', 'Lots', 'Sales']) {
        wb.getWorksheet(tab)?.eachRow((row) => {
          if (row.getCell(1).value === 'Traditional IRA') row.getCell(1).value = long;
        });
      }
    });
    const { page, sidebar, errors } = await open(named);
    await sidebar.locator('#import-account').waitFor({ timeout: WAIT });
    await sidebar.locator('#import-account').selectOption(long);
    expect(await cutOff(sidebar, '#import-account')).toBe(0);
    expect(await sidebar.locator('#import-account').getAttribute('title')).toBe(long);
    await sidebar.locator('#import-section').screenshot({ path: join(OUT, 'sidebar-import-long-account.png') });
    void page;
    expect(errors).toEqual([]);
  }, E2E_TIMEOUT);
});
