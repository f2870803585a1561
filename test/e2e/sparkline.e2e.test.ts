/**
 * The sidebar's drift sparkline, from the History tab the scheduled checks append to: the real
 * dist/Sidebar.html in headless Chromium over the workbench. Screenshot in test-output/.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { E2E_TIMEOUT, WAIT, editedExample, shootSidebar, useE2eSession } from './workbench';

const OUT = fileURLToPath(new URL('../../test-output/', import.meta.url));
const XSS = '<img src=x onerror=alert(1)>';
const session = useE2eSession('sparkline', OUT);
const { running, temp } = session;

async function openWith(rows: (string | number)[][]) {
  const file = await editedExample(join(temp, `history-${running.length}.xlsx`), (wb) => {
    // ExcelJS (like Excel) refuses a sheet named exactly "History"; tab names match case-insensitively.
    const sheet = wb.addWorksheet('history');
    sheet.addRows([['Date', 'Household Drift', 'Value', 'Plan Tax'], ...rows]);
  });
  const opened = await session.open(file);
  await opened.sidebar.locator('.bar-row').first().waitFor({ timeout: WAIT });
  return opened;
}

describe('the drift sparkline in the sidebar', () => {
  it('draws household drift at each check from History, with a caption; screenshot', async () => {
    const { page, sidebar, errors } = await openWith([
      ['2026-08-01', 0.021, 700000, ''],
      ['2026-09-01', 0.035, 705000, ''],
      ['2026-10-01', 0.041, 712000, -12.5],
      ['2026-11-01', 0.066, 731000, ''],
      ['2026-11-20', 0.110426, 742246.21, -90.65],
    ]);
    const spark = sidebar.locator('.sparkline');
    await spark.waitFor();
    expect(await spark.getAttribute('data-points')).toBe('5');
    expect(await spark.locator('.muted').textContent()).toBe('Household drift at each check: 2.1% on 2026-08-01 → 11.0% on 2026-11-20');
    const box = await spark.locator('img').boundingBox();
    expect(box?.width).toBe(268);
    // The image really decoded (a broken data URI has no natural width).
    expect(await spark.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(268);
    expect(errors).toEqual([]);
    await shootSidebar(page, join(OUT, 'sidebar-sparkline.png'));
    await page.locator('#sidebar').screenshot({ path: join(OUT, 'sidebar-sparkline-top.png') });
  }, E2E_TIMEOUT);

  it('rows typed over by hand (text, markup) are skipped; one check is not a line yet', async () => {
    const { sidebar, errors, dialogs } = await openWith([
      [XSS, 0.05, 1, ''],
      ['2026-11-01', XSS, 1, ''],
      ['2026-11-20', 0.11, 1, ''],
    ]);
    await sidebar.locator('.bar-row').first().waitFor();
    expect(await sidebar.locator('.sparkline').count()).toBe(0);
    expect(await sidebar.locator('img[src="x"]').count()).toBe(0);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
  }, E2E_TIMEOUT);
});
