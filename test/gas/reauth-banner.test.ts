/**
 * The re-authorization banner in the real sidebar, in headless Chromium over the workbench:
 * after a scheduled check found Google wanting consent to a new scope, the sidebar says the
 * check did not run and links Google's authorization page (in a new tab: the sidebar is a
 * sandboxed iframe). Screenshot: test-output/reauth-banner.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkbench } from '../../src/workbench/server';
import { E2E_TIMEOUT, WAIT, newPage, useE2eSession } from '../e2e/workbench';
import { SCOPES } from '../../src/local-google/scopes';

const fired = { authMode: 'FULL', year: 2026, month: 11, 'day-of-month': 20, hour: 12, minute: 3, second: 0, timezone: 'UTC', triggerUid: '1' };

describe('sidebar: the re-authorization banner', () => {
  useE2eSession('reauth', 'test-output');
  let bench: Awaited<ReturnType<typeof startWorkbench>>;
  beforeAll(async () => {
    bench = await startWorkbench(['examples/household.xlsx', '--port', '0']);
  }, E2E_TIMEOUT);
  afterAll(async () => {
    await bench?.close();
  });

  it('shows that the check did not run, with Google\'s link opening in a new tab, and the check time', async () => {
    const { world } = bench;
    expect(world.run('installSchedule')).toMatchObject({ ok: true });
    // An update added userinfo.email; the owner has not consented yet when the trigger fires.
    world.google.context.grantedScopes = [SCOPES.spreadsheetsCurrentOnly, SCOPES.containerUi, SCOPES.sendMail, SCOPES.scriptApp, SCOPES.externalRequest];
    expect(world.run('runScheduledCheck', [fired], 'timeDriven')).toMatchObject({ ok: true });
    expect(world.google.mail.sent).toEqual([]);

    const page = await newPage({ width: 300, height: 700 });
    await page.goto(`${bench.url}sidebar`);
    const banner = page.getByTestId('reauth-banner');
    await banner.waitFor({ timeout: WAIT });
    const text = await banner.innerText();
    expect(text).toContain('The scheduled check did not run on 2026-11-20.');
    expect(text).toContain('You still have to: Authorize the add-on.');
    const link = banner.locator('a');
    expect(await link.getAttribute('href')).toBe('https://script.google.com/macros/d/fake-script-id/authorize');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await page.getByTestId('schedule-line').innerText()).toBe('Scheduled check: daily around 7:00 (America/New_York).');
    await page.getByTestId('workbook-errors').count().then((n) => expect(n).toBe(0));
    await page.screenshot({ path: 'test-output/reauth-banner.png', clip: { x: 0, y: 0, width: 300, height: 420 } });
  }, E2E_TIMEOUT);
});
