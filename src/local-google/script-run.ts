/**
 * A local `google.script.run` for the workbench and tests, with Google's transport rules:
 * only numbers, booleans, strings, null and plain objects/arrays of those cross between the
 * sidebar and the server. A Date, a function, a class instance (a Decimal!), a DOM node or a
 * circular structure fails the call; `undefined` in an array arrives as null and an undefined
 * property is dropped; what arrives is a copy. At most 10 calls are in flight; later ones wait.
 *
 * One deliberate difference: Google fails an illegal *argument* with "Failed due to illegal
 * value in property: N" but silently hands the success handler `null` for an illegal *result*.
 * Here an illegal result goes to the failure handler with the same message, so tests see it.
 */

/** Runs a server function by name; rejects with the server's error. */
export type CallServer = (functionName: string, args: unknown[]) => Promise<unknown>;

export type SuccessHandler<T = unknown> = (result: T, userObject: unknown) => void;
export type FailureHandler = (error: Error, userObject: unknown) => void;

export interface ScriptRunnerBase {
  withSuccessHandler<T>(handler: SuccessHandler<T>): ScriptRunner;
  /** `null` turns off the console report of an unhandled failure, as in Google. */
  withFailureHandler(handler: FailureHandler | null): ScriptRunner;
  withUserObject(userObject: unknown): ScriptRunner;
}

/** `run.NAME(...args)` for any server function NAME; returns nothing, like Google's. */
export type ScriptRunner = ScriptRunnerBase & Readonly<Record<string, (...args: unknown[]) => void>>;

export interface ScriptRunOptions {
  /** Default 10. */
  maxInFlight?: number;
  /** A failure with no failure handler; Google logs it to the browser console. Default console.error. */
  onUnhandledFailure?: (error: Error, functionName: string) => void;
}

export interface ScriptRunEmulator {
  readonly run: ScriptRunner;
  /** Resolves when no call is queued or in flight; rejects with the first error a handler threw. */
  idle(): Promise<void>;
  inFlight(): number;
  /** The most calls in flight at once so far (never above maxInFlight). */
  peakInFlight(): number;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const childPath = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;

function illegal(path: string, why: string): TypeError {
  return new TypeError(`Failed due to illegal value in property: ${path} (${why})`);
}

function isDomNode(value: object): boolean {
  const v = value as { nodeType?: unknown; nodeName?: unknown };
  return typeof v.nodeType === 'number' && typeof v.nodeName === 'string';
}

/**
 * Checks that `value` may cross google.script.run and returns the copy the other side gets.
 * Throws a TypeError naming the path (e.g. `args[0].lots[2].price`) of the first illegal value.
 * Plain objects from another realm (a vm context) count as plain: their prototype's prototype is null.
 */
export function checkTransportable(value: unknown, path: string): unknown {
  return copy(value, path, new Set());
}

function copy(value: unknown, path: string, seen: Set<object>): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value === undefined) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw illegal(path, `the number ${value}`);
    return value;
  }
  if (typeof value === 'function') throw illegal(path, 'a function');
  if (typeof value !== 'object') throw illegal(path, `a ${typeof value}`);
  if (Object.prototype.toString.call(value) === '[object Date]') throw illegal(path, 'a Date; send an ISO date string');
  if (isDomNode(value)) throw illegal(path, 'a DOM node');
  if (seen.has(value)) throw illegal(path, 'a circular reference');
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item, i) => copy(item, childPath(path, i), seen));
    const proto = Object.getPrototypeOf(value) as object | null;
    if (proto !== null && Object.getPrototypeOf(proto) !== null) {
      const name = (proto as { constructor?: { name?: string } }).constructor?.name || 'a class';
      throw illegal(path, `an instance of ${name}; send plain data (money as a decimal string)`);
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) out[key] = copy(item, childPath(path, key), seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

interface RunnerState {
  success?: SuccessHandler;
  failure?: FailureHandler | null;
  userObject?: unknown;
}

export function createScriptRun(callServer: CallServer, options: ScriptRunOptions = {}): ScriptRunEmulator {
  const maxInFlight = options.maxInFlight ?? 10;
  const onUnhandled = options.onUnhandledFailure ?? ((error, name) => console.error(`google.script.run.${name} failed:`, error));
  const queue: (() => void)[] = [];
  const pending = new Set<Promise<void>>();
  const handlerErrors: unknown[] = [];
  let active = 0;
  let peak = 0;

  const settle = (state: RunnerState, name: string, outcome: { result: unknown } | { error: Error }) => {
    try {
      if ('result' in outcome) state.success?.(outcome.result, state.userObject);
      else if (state.failure) state.failure(outcome.error, state.userObject);
      else if (state.failure === undefined) onUnhandled(outcome.error, name);
    } catch (error) {
      handlerErrors.push(error);
    }
  };

  const execute = async (state: RunnerState, name: string, args: unknown[]): Promise<void> => {
    active++;
    peak = Math.max(peak, active);
    try {
      const raw = await callServer(name, args);
      settle(state, name, { result: checkTransportable(raw, 'result') });
    } catch (error) {
      settle(state, name, { error: error instanceof Error ? error : new Error(String(error)) });
    } finally {
      active--;
      queue.shift()?.();
    }
  };

  const invoke = (state: RunnerState, name: string, rawArgs: unknown[]): void => {
    // Like Google: an illegal argument throws here, in the caller, before any request.
    const args = rawArgs.map((a, i) => checkTransportable(a, `args[${i}]`));
    const job = new Promise<void>((resolve) => {
      const start = () => {
        if (name.endsWith('_')) {
          // Private functions are invisible to the client, so this is "not found".
          settle(state, name, { error: new Error(`Script function not found: ${name}`) });
          resolve();
          return;
        }
        void execute(state, name, args).then(resolve);
      };
      if (active < maxInFlight) start();
      else queue.push(start);
    });
    pending.add(job);
    void job.then(() => pending.delete(job));
  };

  const makeRunner = (state: RunnerState): ScriptRunner =>
    new Proxy({} as ScriptRunner, {
      get(_target, prop) {
        if (typeof prop !== 'string' || prop === 'then') return undefined;
        if (prop === 'withSuccessHandler') return (h: SuccessHandler) => makeRunner({ ...state, success: h });
        if (prop === 'withFailureHandler') return (h: FailureHandler | null) => makeRunner({ ...state, failure: h });
        if (prop === 'withUserObject') return (o: unknown) => makeRunner({ ...state, userObject: o });
        return (...args: unknown[]) => invoke(state, prop, args);
      },
    });

  return {
    run: makeRunner({}),
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
      if (handlerErrors.length > 0) throw handlerErrors.shift();
    },
    inFlight: () => active,
    peakInFlight: () => peak,
  };
}

/**
 * The server side for a loaded bundle (see test/support/load-bundle.ts): only top-level
 * functions whose names do not end in `_` answer, each call a separate asynchronous request.
 */
export function serverFromGlobals(globals: Readonly<Record<string, unknown>>): CallServer {
  return async (name, args) => {
    const fn = globals[name];
    if (name.endsWith('_') || typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
    return (fn as (...a: unknown[]) => unknown)(...args);
  };
}
