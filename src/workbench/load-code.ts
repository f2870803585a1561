import vm from 'node:vm';
import type { FakeGlobals } from '../local-google/fake-google';

/**
 * Globals Node or V8 may put in a fresh vm context that Apps Script does not have. Removing them
 * makes a bundle that leans on one fail here rather than in Google. `console` goes too: the fakes
 * inject a recording console.
 */
export const NOT_IN_APPS_SCRIPT = [
  'process', 'require', 'module', 'exports', 'global', 'Buffer',
  'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'queueMicrotask',
  'TextEncoder', 'TextDecoder', 'URL', 'URLSearchParams', 'fetch', 'atob', 'btoa', 'crypto',
  'structuredClone', 'window', 'self', 'console', 'WebAssembly', 'SharedArrayBuffer', 'Atomics',
];

export type ServerFunction = (...args: unknown[]) => unknown;

export interface LoadedCode {
  /** Runs a top-level function with one execution's globals, the way one google.script.run request does. */
  run(name: string, args: readonly unknown[], globals: FakeGlobals): unknown;
  has(name: string): boolean;
}

/** dist/Code.js in a bare V8 context, as Apps Script runs it. */
export function loadCode(code: string, globals: FakeGlobals): LoadedCode {
  const context = vm.createContext({});
  for (const name of NOT_IN_APPS_SCRIPT) delete (context as Record<string, unknown>)[name];
  Object.assign(context, globals);
  vm.runInContext(code, context, { filename: 'Code.js' });
  const table = context as Record<string, unknown>;
  return {
    has: (name) => !name.endsWith('_') && typeof table[name] === 'function',
    run(name, args, execGlobals) {
      const fn = table[name];
      if (name.endsWith('_') || typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
      Object.assign(context, execGlobals);
      return (fn as ServerFunction)(...args);
    },
  };
}
