import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { IN_APPS_SCRIPT, NODE_ONLY, NOT_IN_APPS_SCRIPT } from '../../src/gas/runtime-globals';
import { removeGlobals } from '../../src/workbench/load-code';

const doc = readFileSync(fileURLToPath(new URL('../../docs/deploy-test.md', import.meta.url)), 'utf8');
const listed = (label: string) => [...(new RegExp(`^- ${label}: (.*)$`, 'm').exec(doc)?.[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]);

describe('the Apps Script runtime: one list for the vm context, the diagnostics and the docs', () => {
  it('docs/deploy-test.md lists exactly the globals src/gas/runtime-globals.ts does', () => {
    expect(listed('Present')).toEqual([...IN_APPS_SCRIPT]);
    expect(listed('Absent')).toEqual([...NOT_IN_APPS_SCRIPT]);
  });

  it('the bare context has WebAssembly and none of the absent or Node globals', () => {
    const context = vm.createContext({});
    removeGlobals(context);
    const probe = (name: string) => vm.runInContext(`typeof ${name}`, context);
    expect(probe('WebAssembly')).toBe('object');
    for (const name of [...NOT_IN_APPS_SCRIPT, ...NODE_ONLY]) expect(probe(name), name).toBe('undefined');
  });
});
