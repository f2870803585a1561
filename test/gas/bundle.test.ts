import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { createFakeGoogle } from '../../src/local-google/fake-google';
import { createScriptRun, serverFromGlobals } from '../../src/local-google/script-run';
import { loadBundle } from '../support/load-bundle';
import { exampleGrid } from '../support/example-grids';

const sidebarHtml = () => readFileSync(fileURLToPath(new URL('../../dist/Sidebar.html', import.meta.url)), 'utf8');

describe('dist/Code.js in a bare V8 context, as Apps Script runs it', () => {
  it('loads without touching any service, then answers custom functions', () => {
    const google = createFakeGoogle({ authMode: 'CUSTOM_FUNCTION' });
    const ctx = loadBundle(google.globals);
    expect(google.calls.total()).toBe(0);
    const table = ctx.DRIFT(exampleGrid('Targets'), exampleGrid('Securities'), exampleGrid('Lots'), exampleGrid('Accounts'), exampleGrid('Settings')) as unknown[][];
    expect(table[0].slice(0, 4)).toEqual(['Asset Class', 'Value', 'Weight', 'Target']);
    // The example household: $742,246.21 in all; US Large Cap $307,342.67 against a 35% target.
    expect(table.find((r) => r[0] === 'US Large Cap')!.slice(0, 2)).toEqual(['US Large Cap', 307342.67]);
    expect(table[table.length - 1].slice(0, 2)).toEqual(['Total', 742246.21]);
    expect(google.calls.total()).toBe(0);
  });

  it('has no Node globals in its world', () => {
    const ctx = loadBundle({});
    const probe = (name: string) => vm.runInContext(`typeof ${name}`, ctx);
    for (const name of ['process', 'require', 'setTimeout', 'TextEncoder', 'URL', 'fetch', 'atob', 'crypto', 'structuredClone', 'global', 'window']) {
      expect(probe(name), name).toBe('undefined');
    }
    expect(probe('globalThis')).toBe('object');
    expect(probe('RebalancerApp')).toBe('object');
  });

  it('onOpen in LIMITED mode adds the add-on menu and nothing else', () => {
    const google = createFakeGoogle({ authMode: 'LIMITED', htmlFiles: { Sidebar: sidebarHtml() } });
    const ctx = loadBundle(google.globals);
    ctx.onOpen({ authMode: 'LIMITED' });
    const item = (caption: string, functionName: string) => ({ kind: 'item', caption, functionName });
    expect(google.ui.menus).toEqual([
      {
        kind: 'addon',
        caption: '(add-on)',
        entries: [
          item('Open trade planner', 'showSidebar'),
          item('Set up tabs…', 'setUpTabs'),
          { kind: 'separator' },
          item('Record executed plan', 'showRecordDialog'),
          item('Undo last recording', 'undoLastRecording'),
          { kind: 'separator' },
          {
            kind: 'submenu',
            caption: 'Schedule',
            entries: [
              item('Install monthly check', 'installSchedule'),
              item('Pause checks', 'pauseSchedule'),
              item('Resume checks', 'resumeSchedule'),
              item('Remove schedule', 'removeSchedule'),
              item('Send a test email', 'sendTestEmail'),
              item('Send a test webhook', 'sendTestWebhook'),
              item('Schedule status', 'showScheduleStatus'),
            ],
          },
          { kind: 'separator' },
          { kind: 'submenu', caption: 'Help', entries: [item('How it works', 'showHelp'), item('Diagnostics', 'showDiagnostics')] },
        ],
      },
    ]);
    // Menus only: no document, no Properties (NONE mode allows nothing else).
    const apis = Object.keys(google.calls.snapshot());
    // The call log saw the menu being built (an empty log would make the check below pass vacuously).
    expect(apis).toContain('SpreadsheetApp.getUi');
    expect(apis.filter((api) => !/^(SpreadsheetApp\.getUi|Ui\.create(Addon)?Menu|Menu\.)/.test(api))).toEqual([]);
    expect(google.calls.count('Menu.addToUi')).toBe(1);
    // A sidebar needs full authorization: the same call from onOpen would fail.
    expect(() => ctx.showSidebar()).toThrow('You do not have permission to call Ui.showSidebar');
  });

  it('the menu item opens dist/Sidebar.html, 300 px wide', () => {
    const google = createFakeGoogle({ htmlFiles: { Sidebar: sidebarHtml() } });
    const ctx = loadBundle(google.globals);
    ctx.showSidebar();
    expect(google.ui.shown).toHaveLength(1);
    expect(google.ui.shown[0]).toMatchObject({ kind: 'sidebar', title: 'Rebalancer', width: 300 });
    expect(google.ui.shown[0].content).toBe(sidebarHtml());
  });

  it('is callable through the google.script.run emulator', async () => {
    const ctx = loadBundle(createFakeGoogle().globals);
    const { run, idle } = createScriptRun(serverFromGlobals(ctx));
    const results: unknown[] = [];
    run.withSuccessHandler((r) => results.push(r)).DRIFT(exampleGrid('Targets'), exampleGrid('Securities'), exampleGrid('Lots'), exampleGrid('Accounts'));
    await idle();
    expect((results[0] as unknown[][])[0][0]).toBe('Asset Class');
  });
});

describe('loadBundle refuses what Apps Script would refuse', () => {
  const dir = mkdtempSync(join(tmpdir(), 'load-bundle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const bundle = (name: string, code: string) => {
    const path = join(dir, name);
    writeFileSync(path, code);
    return path;
  };

  it('a bundle that calls a service at top level', () => {
    const google = createFakeGoogle();
    const path = bundle('top-level.js', 'var sheet = SpreadsheetApp.getActive();\nfunction F() { return 1; }\n');
    expect(() => loadBundle(google.globals, path)).toThrow('the bundle touched SpreadsheetApp.getActive while loading');
    expect(google.calls.total()).toBe(0);
  });

  it('a bundle that leans on a Node or browser global', () => {
    const path = bundle('timer.js', 'setTimeout(function () {}, 0);\n');
    expect(() => loadBundle({}, path)).toThrow('setTimeout is not defined');
  });

  it('a missing bundle, with the fix in the message', () => {
    expect(() => loadBundle({}, join(dir, 'nope.js'))).toThrow('run npm run build first');
  });
});
