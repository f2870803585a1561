/**
 * The busy lock (sidebar/busy.ts) end to end, over a workbench that answers every call 2.5 s
 * late, as a slow Apps Script does: while the start-up request runs, the buttons it draws (Run
 * backtest appears before the first plan is made) are disabled and busy, so a click or a key
 * press there is never silently dropped; once they say they are ready, a press is acted on.
 * While one action runs, its button spins and every other action button waits.
 * 2.5 s leaves room for the few browser round trips each check makes on a loaded machine; the
 * file waits it six times, so every second more is six seconds of the suite.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { BACKTEST_WAIT, E2E_TIMEOUT, WAIT, openPage, shootSidebar, startWorkbench, useE2eSession, whenReady, type RunningWorkbench } from './workbench';

const OUT = fileURLToPath(new URL('../../test-output/', import.meta.url));
const LATENCY = 2_500;

const TALL = { width: 1200, height: 1400 };
const session = useE2eSession('busy', OUT);

let bench: RunningWorkbench;

beforeAll(async () => {
  bench = await startWorkbench(undefined, { latency: LATENCY });
  session.running.push(bench);
}, E2E_TIMEOUT);

/** 'disabled busy', 'disabled' or 'ready': what the user sees on the button. */
const stateOf = (button: Locator) =>
  button.evaluate((b) => [(b as HTMLButtonElement).disabled ? 'disabled' : '', b.getAttribute('aria-busy') === 'true' ? 'busy' : ''].filter(Boolean).join(' ') || 'ready');

describe('sidebar buttons while a request runs', () => {
  it('Run backtest drawn during the start-up request waits for it, and a press once it is ready runs the backtest', async () => {
    const { sidebar, errors } = await openPage(bench.url, TALL);
    const run = sidebar.locator('#run-backtest');

    // The state is read, the first plan is not made yet (that call takes 2.5 s more).
    await run.waitFor({ timeout: WAIT });
    expect(await stateOf(run)).toBe('disabled busy');
    expect(await sidebar.locator('#plan .trade').count()).toBe(0);

    // 2-year windows: the same five policies at a fifth of the CPU of 10-year ones.
    await sidebar.locator('#bt-years').fill('2');
    // A keyboard user presses Enter on it as soon as it says it is ready: the backtest runs.
    // (Before the lock the button looked ready at once, and the press, made while the first plan
    // was still being made, was dropped, silently: this test failed there.)
    await whenReady(run);
    await run.press('Enter');
    expect(await stateOf(run)).toBe('disabled busy');
    // The other actions wait, greyed but not spinning: only the pressed button is busy.
    expect(await stateOf(sidebar.locator('#update-plan'))).toBe('disabled');
    expect(await stateOf(sidebar.locator('#write-plan'))).toBe('disabled');
    await expect.poll(() => sidebar.locator('#bt-table tbody tr').count(), { timeout: BACKTEST_WAIT }).toBe(5);
    await expect.poll(() => stateOf(run), { timeout: WAIT }).toBe('ready');
    expect(await stateOf(sidebar.locator('#update-plan'))).toBe('ready');
    expect(await stateOf(sidebar.locator('#write-plan'))).toBe('ready');
    expect(errors).toEqual([]);
  }, E2E_TIMEOUT);

  it('Update plan: pressed while the start-up request runs it cannot submit; once ready, Enter in a cash field makes the new plan', async () => {
    const { page, sidebar } = await openPage(bench.url, TALL);
    const update = sidebar.locator('#update-plan');
    const cash = sidebar.locator('input[data-account="Roth IRA"]');
    await update.waitFor({ timeout: WAIT });
    expect(await stateOf(update)).toBe('disabled busy');
    await shootSidebar(page, join(OUT, 'sidebar-busy-start-up.png'));

    await whenReady(update);
    const first = await sidebar.locator('#plan-id').textContent();
    expect(first).toMatch(/^Plan P-/);
    await cash.fill('20000');
    await cash.press('Enter');
    expect(await stateOf(update)).toBe('disabled busy');
    await expect.poll(() => sidebar.locator('#plan-id').textContent(), { timeout: WAIT }).not.toBe(first);
    await expect.poll(() => stateOf(update), { timeout: WAIT }).toBe('ready');
  }, E2E_TIMEOUT);
});
