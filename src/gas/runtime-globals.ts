/**
 * The Apps Script V8 runtime's globals, as far as we know them: one list for the bare vm context
 * the tests and the workbench run dist/Code.js in (src/workbench/load-code.ts), for the
 * diagnostics run that checks them inside Google (Help > Diagnostics reports which exist), and
 * for docs/deploy-test.md, whose table a test compares with these lists.
 */

/** In Apps Script's V8: `console` logs to Cloud Logging; `WebAssembly` exists (Google's own samples use it). */
export const IN_APPS_SCRIPT = ['console', 'WebAssembly'] as const;

/**
 * Not in Apps Script: no timers (a Promise resolves, but nothing is ever scheduled), no Web
 * platform APIs. structuredClone, SharedArrayBuffer and Atomics are unconfirmed: assumed absent
 * until a diagnostics run inside Google says otherwise.
 */
export const NOT_IN_APPS_SCRIPT = [
  'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'queueMicrotask',
  'TextEncoder', 'TextDecoder', 'URL', 'URLSearchParams', 'fetch', 'atob', 'btoa', 'crypto',
  'structuredClone', 'window', 'self', 'SharedArrayBuffer', 'Atomics',
] as const;

/** Node's own globals, which a vm context may also carry; never in Apps Script. */
export const NODE_ONLY = ['process', 'require', 'module', 'exports', 'global', 'Buffer', 'setImmediate'] as const;

/** Which of the listed globals this runtime has: `{ setTimeout: false, console: true, ... }`. */
export function probeGlobals(scope: object = globalThis): Record<string, boolean> {
  const table = scope as Record<string, unknown>;
  const out: Record<string, boolean> = {};
  for (const name of [...IN_APPS_SCRIPT, ...NOT_IN_APPS_SCRIPT]) out[name] = typeof table[name] !== 'undefined';
  return out;
}
