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

/**
 * ECMAScript built-ins the bundle reaches for in its hot loops (Math.imul hashing a plan id,
 * Math.abs in the LP's ratio test, Number/Array/Object everywhere), all of them in Apps Script.
 */
const BUILT_INS = [
  'Math', 'Number', 'Object', 'Array', 'String', 'Boolean', 'JSON', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Symbol', 'BigInt',
  'Error', 'TypeError', 'RangeError', 'Date', 'RegExp', 'Reflect', 'Intl', 'parseInt', 'parseFloat', 'isFinite', 'isNaN',
  'Infinity', 'NaN', 'Float64Array', 'Int32Array', 'Uint32Array', 'Uint8Array', 'encodeURIComponent', 'decodeURIComponent',
].filter((name) => !NOT_IN_APPS_SCRIPT.includes(name));

/**
 * Runs the bundle's text in `context` as if at its top level, with the built-ins above bound as
 * parameters of a wrapper function. In a vm context every global lookup goes through the
 * context's property interceptor, 60 times slower than in Apps Script (measured: a backtest spent
 * a fifth of its time looking up `Math` while hashing plan ids), so the bundle's own speed was
 * the harness's. Bound, they are the context's own built-ins, read once. The top-level functions
 * and vars (the entry points, RebalancerApp) are then put on the context's global, where Apps
 * Script keeps them; everything else, the injected services included, is still looked up as a
 * global at the moment it is used. The wrapper opens on the code's first line, so stack lines
 * stay the file's.
 */
export function runAtTopLevel(code: string, context: vm.Context, filename: string): void {
  const names = [...code.matchAll(/^(?:function\s+|var\s+)([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]);
  const publish = names.map((n) => `globalThis[${JSON.stringify(n)}] = ${n};`).join(' ');
  const wrapped = `(function (${BUILT_INS.join(', ')}) {${code}\n;${publish}\n}).call(this, ${BUILT_INS.join(', ')});`;
  vm.runInContext(wrapped, context, { filename });
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
  runAtTopLevel(code, context, 'Code.js');
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
