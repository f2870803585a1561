/**
 * End to end: the sidebar's Import from broker in headless Chromium, served by the workbench
 * (the real dist/Sidebar.html and dist/Code.js over an in-memory copy of the example workbook).
 * Files are chosen with the real file input; the browser reads them and sends their text.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { E2E_TIMEOUT, WAIT, clickWhenReady, openPage, shootSidebar, startWorkbench, tabs, useE2eSession, type RunningWorkbench } from './workbench';

const OUT = fileURLToPath(new URL('../../test-output/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../import/fixtures/', import.meta.url));
const session = useE2eSession('import', OUT);
const { temp } = session;

let workbench: RunningWorkbench;

beforeAll(async () => {
  workbench = await startWorkbench();
  session.running.push(workbench);
}, E2E_TIMEOUT);

const shoot = (page: Page, name: string) => shootSidebar(page, join(OUT, name));

async function rpc(name: string, args: unknown[] = []): Promise<unknown> {
  const res = await fetch(`${workbench.url}rpc`, { method: 'POST', body: JSON.stringify({ name, args }) });
  return res.json();
}

describe('Import from broker in the sidebar', () => {
  it('previews per ticker, imports, refuses nothing-to-do, reports unknown tickers, and Undo takes it back', async () => {
    const { page, sidebar, errors } = await openPage(workbench.url);
    await sidebar.locator('#import-section').waitFor({ timeout: WAIT });
    const before = await tabs(workbench.url);

    // The user picks two files and the account (the example Accounts tab has no Broker IDs).
    await sidebar.locator('#import-files').setInputFiles([join(FIXTURES, 'schwab-lots-voo.csv'), join(FIXTURES, 'schwab-realized.csv')]);
    await sidebar.locator('#import-account').selectOption('Taxable Brokerage');
    await clickWhenReady(sidebar.locator('#import-preview-button'));
    const voo = sidebar.locator('.import-change[data-ticker="VOO"]');
    await voo.waitFor({ timeout: WAIT });
    expect(await voo.textContent()).toContain('1 added · 2 unchanged');
    expect(await voo.locator('dd').allTextContents()).toEqual(['260 → 265', '$62,286.00 → $65,149.30']);
    expect(await sidebar.locator('.import-sales li').allTextContents()).toEqual(['2026-11-02 VWO 40 sh: proceeds $2,064.00, basis $2,085.63']);
    expect(await sidebar.locator('[data-testid="import-warnings"]').textContent()).toContain('AAPL 09/16/2026 337.50 C');
    // Nothing is written by a preview.
    expect(await tabs(workbench.url)).toEqual(before);
    await shoot(page, 'sidebar-import-preview.png');
    await sidebar.locator('#import-section').screenshot({ path: join(OUT, 'import-section-preview.png') });

    await clickWhenReady(sidebar.locator('#import-confirm'));
    await expect.poll(() => sidebar.locator('[data-testid="import-ok"]').textContent(), { timeout: WAIT }).toContain('Imported schwab-lots-voo.csv');
    const after = await tabs(workbench.url);
    expect(after.Lots.some((r) => r[0] === 'Taxable Brokerage' && r[1] === 'VOO' && r[2] === '5' && r[4] === '2026-10-02')).toBe(true);
    expect(after.Lots.length).toBe(before.Lots.length + 1);
    expect(after.Sales.at(-1)!.slice(0, 7)).toEqual(['2026-11-02', 'Taxable Brokerage', 'VWO', '40', '2064', '2085.63', '2026-03-03']);
    expect(after.Journal.at(-1)![2]).toBe('imported');
    await shoot(page, 'sidebar-import-done.png');
    await sidebar.locator('#import-section').screenshot({ path: join(OUT, 'import-section-done.png') });

    // The same files again: nothing to change, no Import button.
    await sidebar.locator('#import-files').setInputFiles([join(FIXTURES, 'schwab-lots-voo.csv'), join(FIXTURES, 'schwab-realized.csv')]);
    await clickWhenReady(sidebar.locator('#import-preview-button'));
    await sidebar.locator('[data-testid="import-nothing"]').waitFor({ timeout: WAIT });
    expect(await sidebar.locator('#import-confirm').count()).toBe(0);

    // A ticker the Securities tab lacks: every one listed, nothing written.
    const other = join(temp, 'other-broker.csv');
    writeFileSync(other, 'Symbol,Quantity,Cost Basis,Date Acquired\nXYZ,1,$10,01/02/2026\nQQQM,2,$300,01/03/2026\n');
    await sidebar.locator('#import-files').setInputFiles(other);
    await clickWhenReady(sidebar.locator('#import-preview-button'));
    await expect.poll(() => sidebar.locator('[data-testid="import-error"]').textContent(), { timeout: WAIT }).toContain('2 tickers are not on the Securities tab: QQQM (other-broker.csv), XYZ (other-broker.csv)');
    await shoot(page, 'sidebar-import-error.png');
    await sidebar.locator('#import-section').screenshot({ path: join(OUT, 'import-section-error.png') });
    expect(await tabs(workbench.url)).toEqual(after);

    // Undo last recording (the menu item) takes the import back.
    // (The menu item answers with dialogs, not a value: the tabs show what it did.)
    expect(await rpc('undoLastRecording')).toMatchObject({ ok: true });
    const restored = await tabs(workbench.url);
    expect(restored.Lots).toEqual(before.Lots);
    expect(restored.Sales).toEqual(before.Sales);
    expect(errors).toEqual([]);
  }, E2E_TIMEOUT);
});
