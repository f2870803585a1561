import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { removeGlobals, runAtTopLevel } from '../../src/workbench/load-code';

export const BUNDLE_PATH = fileURLToPath(new URL('../../dist/Code.js', import.meta.url));


/** A top-level function of the bundle; other globals (e.g. `RebalancerApp`) are there too. */
export type BundleFunction = (...args: unknown[]) => unknown;
export type BundleContext = Record<string, BundleFunction>;

/**
 * Runs dist/Code.js in a bare vm context (ECMAScript built-ins plus `globals`) the way Apps
 * Script runs it, and returns the context: `ctx.HELLO_REBALANCER('x')`.
 *
 * The bundle's top-level code runs with no authorization (NONE mode before any onOpen), so
 * during the load every injected global is armed: touching any property of one throws,
 * naming it. After the load they behave normally.
 *
 * Values cross realms: a Date or plain object made by the fakes is not `instanceof` the
 * context's Date/Object. Check dates with Object.prototype.toString, not instanceof.
 */
export function loadBundle(globals: object = {}, bundlePath: string = BUNDLE_PATH): BundleContext {
  if (!existsSync(bundlePath)) throw new Error(`${bundlePath} is missing: run npm run build first`);
  const code = readFileSync(bundlePath, 'utf8');
  let loading = true;
  const touched: string[] = [];
  const guarded: Record<string, unknown> = {};
  for (const [name, service] of Object.entries(globals)) {
    guarded[name] =
      typeof service === 'object' && service !== null
        ? new Proxy(service, {
            get(target, prop, receiver) {
              if (loading) {
                touched.push(`${name}.${String(prop)}`);
                throw new Error(`the bundle touched ${name}.${String(prop)} while loading (no service may run at top level)`);
              }
              return Reflect.get(target, prop, receiver);
            },
          })
        : service;
  }
  const context = vm.createContext({});
  removeGlobals(context);
  Object.assign(context, guarded);
  try {
    runAtTopLevel(code, context, 'Code.js');
  } finally {
    loading = false;
  }
  if (touched.length > 0) throw new Error(`the bundle touched services while loading: ${touched.join(', ')}`);
  return context as BundleContext;
}
