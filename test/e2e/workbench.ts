import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type BrowserContext, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { chromiumPath } from '../support/chromium';
import { EXAMPLE_XLSX } from '../support/example-grids';
import { startWorkbench as startWorkbenchServer } from '../../src/workbench/server';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * How long any wait for the sidebar may take: sized for a 2-core CI machine that other jobs load
 * (a plan takes about a second there idle and several under load; expect.poll's default is 1 s).
 * Every expect.poll, waitFor and waitForFunction in the browser tests uses it.
 */
export const WAIT = 30_000;
/**
 * A backtest over every window of 1928-2025 through the workbench: about 10 s of CPU, so several
 * times WAIT when other jobs share the two cores.
 */
export const BACKTEST_WAIT = 10 * WAIT;
/** A whole browser test or hook: several waits in a row, plus Chromium's start on a loaded machine. */
export const E2E_TIMEOUT = 600_000;

export interface RunningWorkbench {
  url: string;
  stop(): Promise<void>;
}

export interface WorkbenchOptions {
  /** Answer every sidebar call this many milliseconds late (the workbench's --latency). */
  latency?: number;
  /**
   * Run the shipped `node lib/workbench.mjs` (what `npm start` runs) in a process of its own.
   * Otherwise the workbench's server (src/workbench/server.ts, the same code) runs in this test
   * worker: a workbench process cost about 1 s of CPU to start, for each of some twenty tests.
   */
  ownProcess?: boolean;
}

/** Starts a workbench on `workbook` on a free port (see WorkbenchOptions.ownProcess for where). */
export async function startWorkbench(workbook: string = EXAMPLE_XLSX, options: WorkbenchOptions = {}): Promise<RunningWorkbench> {
  const argv = [workbook, '--port', '0', ...(options.latency ? ['--latency', String(options.latency)] : [])];
  if (options.ownProcess) return spawnWorkbench(argv);
  const bench = await startWorkbenchServer(argv);
  return { url: bench.url, stop: bench.close };
}

/** Starts `node lib/workbench.mjs ...argv` and waits for its address line. */
function spawnWorkbench(argv: string[]): Promise<RunningWorkbench> {
  const child: ChildProcess = spawn(process.execPath, ['lib/workbench.mjs', ...argv], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    // A fresh Node process that bundles the shim and reads the workbook: slower than one wait
    // when the machine is loaded (it once took more than 30 s with two busy loops running).
    const timer = setTimeout(() => reject(new Error(`workbench did not start:\n${out}`)), 4 * WAIT);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/localhost:\d+\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[0],
          stop: async () => {
            child.kill();
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`workbench exited (${code}):\n${out}`));
    });
  });
}

/** Headless Chromium: $CHROMIUM_PATH, Debian's /usr/bin/chromium or one on PATH (scripts/chromium.mjs). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    // --in-process-gpu: the GPU process as a thread of the browser's, about a tenth less Chromium CPU here.
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--in-process-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

let workerChromium: Promise<Browser> | undefined;
let workerContext: Promise<BrowserContext> | undefined;
/** Pages given back by finished tests, blank, for the next test to navigate (see newPage). */
const idlePages: Page[] = [];
const pagesInUse = new Set<Page>();

/**
 * This worker's Chromium, launched by the first browser test file it runs and shared by the
 * rest (the suite runs files without isolation, vitest.config.ts): a launch costs about 2 s of
 * CPU and 5 s on a loaded machine. Do not close it: Playwright kills it when the worker exits;
 * a crashed one is relaunched.
 */
export function sharedChromium(): Promise<Browser> {
  workerChromium ??= launchChromium().then(
    (browser) => {
      browser.on('disconnected', () => {
        workerChromium = undefined;
        forgetContext();
      });
      return browser;
    },
    (error: unknown) => {
      workerChromium = undefined;
      throw error;
    },
  );
  return workerChromium;
}

/** The context is gone (closed, or its Chromium crashed): the next page opens a new one. */
function forgetContext(): void {
  workerContext = undefined;
  idlePages.length = 0;
  pagesInUse.clear();
}

/**
 * This worker's one browser context, in which every test page opens. Measured here: the first
 * page of a fresh context costs about 2.5 s of Chromium CPU (a renderer starting up), another
 * page in a used one about 0.8 s, and the suite opens some forty pages. Nothing leaks from one
 * test to the next through it: the sidebar and workbench keep no cookies or storage, each
 * workbench listens on its own port (so its own origin), and the workbench sends no-store.
 */
export function sharedContext(): Promise<BrowserContext> {
  workerContext ??= sharedChromium()
    .then((browser) => browser.newContext())
    .then(
      (context) => {
        context.on('close', forgetContext);
        return context;
      },
      (error: unknown) => {
        forgetContext();
        throw error;
      },
    );
  return workerContext;
}

/**
 * A page of `viewport` in this worker's context (see sharedContext). It may be one an earlier
 * test gave back (releasePages): closing a page ends its renderer process, and starting the next
 * one cost about 1 s of Chromium CPU here, where navigating a kept page cost 0.4 s.
 */
export async function newPage(viewport: { width: number; height: number }): Promise<Page> {
  const page = idlePages.pop() ?? (await (await sharedContext()).newPage());
  pagesInUse.add(page);
  await page.setViewportSize(viewport);
  return page;
}

/**
 * Gives back every page the tests opened (one a test closed itself is dropped): its listeners
 * removed and about:blank loaded, so nothing of one test's page is left for the next.
 */
export async function releasePages(): Promise<void> {
  const pages = [...pagesInUse];
  pagesInUse.clear();
  for (const page of pages) {
    if (page.isClosed()) continue;
    page.removeAllListeners();
    await page.goto('about:blank');
    idlePages.push(page);
  }
}

/** A page on the workbench, with what went wrong in it collected for the test to assert on. */
export interface OpenedSidebar {
  page: Page;
  sidebar: FrameLocator;
  /** Uncaught errors in the page or the sidebar. */
  errors: string[];
  /** Every alert/confirm/prompt shown (each dismissed, as Playwright does by default). */
  dialogs: string[];
}

const VIEWPORT = { width: 1200, height: 900 };

/** Opens `url` in a new page, listening for errors and dialogs from the start. */
export async function openPage(url: string, viewport: { width: number; height: number } = VIEWPORT): Promise<OpenedSidebar> {
  const page = await newPage(viewport);
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  return { page, sidebar: page.frameLocator('#sidebar'), errors, dialogs };
}

/** A browser test file's workbenches and its scratch folder. */
export interface E2eSession {
  readonly running: RunningWorkbench[];
  readonly temp: string;
  /** Starts a workbench on `workbook` (stopped after the file) and opens it in a new page. */
  open(workbook?: string, options?: WorkbenchOptions & { viewport?: { width: number; height: number } }): Promise<OpenedSidebar & { url: string }>;
}

/**
 * Opens the worker's shared Chromium context before the file's tests (making `out` for
 * screenshots); after each test gives back the pages it opened; after them all stops every
 * workbench pushed on `running` and removes `temp`.
 */
export function useE2eSession(prefix: string, out: string, setupTimeout: number = E2E_TIMEOUT): E2eSession {
  const running: RunningWorkbench[] = [];
  const temp = mkdtempSync(join(tmpdir(), `${prefix}-e2e-`));
  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    await sharedContext();
  }, setupTimeout);
  afterEach(releasePages);
  afterAll(async () => {
    await releasePages();
    await Promise.all(running.map((w) => w.stop()));
    rmSync(temp, { recursive: true, force: true });
  });
  return {
    running,
    temp,
    async open(workbook, options = {}) {
      const wb = await startWorkbench(workbook, options);
      running.push(wb);
      return { url: wb.url, ...(await openPage(wb.url, options.viewport)) };
    },
  };
}

/** A copy of the example workbook with `edit` applied, written to `out`. */
export async function editedExample(out: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(EXAMPLE_XLSX);
  edit(wb);
  await wb.xlsx.writeFile(out);
  return out;
}

export interface TabView {
  name: string;
  rows: string[][];
}

export async function tabs(url: string): Promise<Record<string, string[][]>> {
  const res = await fetch(`${url}tabs`);
  const list = (await res.json()) as TabView[];
  return Object.fromEntries(list.map((t) => [t.name, t.rows]));
}

/** The sidebar's whole height in one picture: the frame grows to its content first. */
export async function shootSidebar(page: Page, path: string): Promise<void> {
  await page.evaluate(() => {
    const frame = document.getElementById('sidebar') as HTMLIFrameElement;
    frame.style.flex = 'none';
    frame.style.height = `${frame.contentDocument!.documentElement.scrollHeight + 20}px`;
    document.body.style.height = 'auto';
  });
  await page.locator('#sidebar').screenshot({ path });
  await page.evaluate(() => {
    const frame = document.getElementById('sidebar') as HTMLIFrameElement;
    frame.style.flex = '';
    frame.style.height = '';
    document.body.style.height = '';
  });
}

/**
 * Waits until an action button is ready for a click: attached, enabled and not aria-busy (the
 * sidebar's busy lock, sidebar/busy.ts, holds every action button while a request runs, the
 * start-up request included). A click then is one the sidebar acts on.
 */
export async function whenReady(button: Locator): Promise<Locator> {
  await button.waitFor({ timeout: WAIT });
  await expect
    .poll(() => button.evaluate((b) => (b as HTMLButtonElement).disabled || b.getAttribute('aria-busy') === 'true' ? 'busy' : 'ready'), { timeout: WAIT })
    .toBe('ready');
  return button;
}

/** Clicks an action button once the sidebar has said it is ready (see whenReady). */
export async function clickWhenReady(button: Locator): Promise<void> {
  await (await whenReady(button)).click({ timeout: WAIT });
}
