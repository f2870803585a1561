/**
 * A promise over `google.script.run`, typed from the server module itself: rename a server
 * function or change its result and the sidebar stops compiling. Only the functions listed in
 * `Server` are callable, and the type check below refuses any whose arguments or result could not
 * cross google.script.run (a Date, a Decimal or a function fails the call at run time).
 */
type Api = typeof import('../src/gas/sidebar-api') & typeof import('../src/gas/backtest-api') & typeof import('../src/gas/import-api') & typeof import('../src/gas/wash-api');
export type Server = Pick<
  Api,
  'getPlannerState' | 'makePlan' | 'writePlanToSheet' | 'recordExecuted' | 'runBacktestForSidebar' | 'showBacktestChart' | 'previewImport' | 'applyImport' | 'getWashNotice' | 'recordWashAdjustments'
>;

/** What google.script.run can carry: strings, numbers, booleans, null, arrays and plain objects of those. */
type Transportable<T> = T extends string | number | boolean | null
  ? T
  : T extends (...args: never[]) => unknown
    ? never
    : T extends Date
      ? never
      : T extends readonly (infer U)[]
        ? readonly Transportable<U>[]
        : T extends object
          ? { [K in keyof T]: Transportable<T[K]> }
          : never;

type OnlyTransportable<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? ([A] extends [Transportable<A>] ? ([R] extends [Transportable<R>] ? T[K] : never) : never) : never;
};
// Compile-time proof: assigning fails if any server function takes or returns something untransportable.
const proof = (server: Server): OnlyTransportable<Server> => server;
void proof;

type ScriptRunner = {
  withSuccessHandler(handler: (result: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: Error) => void): ScriptRunner;
} & { [K in keyof Server]: (...args: Parameters<Server[K]>) => void };

declare const google: { script: { run: ScriptRunner } };

/** `await call('makePlan', options)` */
export function call<K extends keyof Server>(name: K, ...args: Parameters<Server[K]>): Promise<ReturnType<Server[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((result) => resolve(result as ReturnType<Server[K]>))
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))));
    (runner[name] as (...a: Parameters<Server[K]>) => void)(...args);
  });
}
