import vm from 'node:vm';
import type { FakeGlobals } from '../local-google/fake-google';
import { NODE_ONLY, NOT_IN_APPS_SCRIPT as NOT_GLOBALS } from '../gas/runtime-globals';

/**
 * Globals Node or V8 may put in a fresh vm context that Apps Script does not have, from the one
 * list shared with the diagnostics and docs/deploy-test.md (src/gas/runtime-globals.ts).
 * Removing them makes a bundle that leans on one fail here rather than in Google. `console` and
 * `WebAssembly` stay, as in Apps Script's V8 (the fakes inject a recording console).
 */
export const NOT_IN_APPS_SCRIPT: readonly string[] = [...NODE_ONLY, ...NOT_GLOBALS];

/**
 * Deletes the listed globals inside the context: V8's own (SharedArrayBuffer, Atomics, ...) live
 * on the context's inner global, which deleting from the sandbox object does not reach.
 */
export function removeGlobals(context: vm.Context): void {
  vm.runInContext(`for (const name of ${JSON.stringify(NOT_IN_APPS_SCRIPT)}) delete globalThis[name];`, context);
}

export type ServerFunction = (...args: unknown[]) => unknown;

export interface LoadedCode {
  /** Runs a top-level function with one execution's globals, the way one google.script.run request does. */
  run(name: string, args: readonly unknown[], globals: FakeGlobals): unknown;
  has(name: string): boolean;
}

/** dist/Code.js in a bare V8 context, as Apps Script runs it. */
export function loadCode(code: string, globals: FakeGlobals): LoadedCode {
  const context = vm.createContext({});
  removeGlobals(context);
  Object.assign(context, globals);
  vm.runInContext(code, context, { filename: 'Code.js' });
  const table = context as Record<string, unknown>;
  return {
    has: (name) => !name.endsWith('_') && typeof table[name] === 'function',
    run(name, args, execGlobals) {
      const fn = table[name];
      if (name.endsWith('_') || typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
      // Nested executions (a test playing a second trigger mid-run) get their globals back after.
      const before = Object.fromEntries(Object.keys(execGlobals).map((k) => [k, table[k]]));
      Object.assign(context, execGlobals);
      try {
        return (fn as ServerFunction)(...args);
      } finally {
        Object.assign(context, before);
      }
    },
  };
}
