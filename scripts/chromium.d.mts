// Types for scripts/chromium.mjs, so TypeScript tests can find the browser the same way npm test does.
export const DEBIAN_CHROMIUM: string;
export function findChromium(options?: { env?: Record<string, string | undefined>; fixed?: string[] }): { ok: true; path: string } | { ok: false; problem: string };
export function installAdvice(problem: string): string;
export function ensureChromium(options?: {
  env?: Record<string, string | undefined>;
  fixed?: string[];
  root?: boolean;
  run?: (cmd: string, args: string[]) => number | null;
  log?: (line: string) => void;
}): { ok: true; path: string; installed: boolean } | { ok: false; problem: string };
