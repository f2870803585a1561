import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { removeGlobals, runAtTopLevel } from '../../src/workbench/load-code';

/** A bare context as the workbench makes one, with `code` run at its top level. */
function contextWith(code: string): Record<string, unknown> {
  const context = vm.createContext({});
  removeGlobals(context);
  runAtTopLevel(code, context, 'Code.js');
  return context as Record<string, unknown>;
}

describe('runAtTopLevel: the bundle in a bare context with its built-ins bound', () => {
  it('puts top-level functions and vars on the context, as Apps Script does, and they see each other', () => {
    const ctx = contextWith('var App = (() => ({ twice: (n) => n * 2 }))();\nfunction TWICE(n) { return App.twice(n); }\n');
    expect((ctx.TWICE as (n: number) => number)(21)).toBe(42);
    expect(typeof ctx.App).toBe('object');
    expect(vm.runInContext('TWICE(2)', ctx as vm.Context)).toBe(4);
  });

  it('binds the context\'s own built-ins (not Node\'s), and what Apps Script lacks stays absent', () => {
    const ctx = contextWith('function probe() { return [Math === globalThis.Math, Math === PROBE_OUTER_MATH, typeof setTimeout, Infinity, Math.imul(3, 5)]; }\n');
    (ctx as Record<string, unknown>).PROBE_OUTER_MATH = Math;
    expect((ctx.probe as () => unknown[])()).toEqual([true, false, 'undefined', Infinity, 15]);
  });

  it('looks up injected services when used, so each execution\'s globals are the ones seen', () => {
    const ctx = contextWith('function who() { return Session.user; }\n');
    Object.assign(ctx, { Session: { user: 'a' } });
    expect((ctx.who as () => string)()).toBe('a');
    Object.assign(ctx, { Session: { user: 'b' } });
    expect((ctx.who as () => string)()).toBe('b');
  });

  it('keeps stack lines the file\'s: an error thrown on line 5 says Code.js:5', () => {
    const ctx = contextWith('function a() {\n  return 1;\n  }\nfunction boom() {\n  throw new Error("x");\n}\n');
    try {
      (ctx.boom as () => void)();
      expect.unreachable();
    } catch (error) {
      expect((error as Error).stack).toMatch(/Code\.js:5:/);
    }
  });
});
