import { findChromium, installAdvice } from '../../scripts/chromium.mjs';

/** The browser the tests drive: the same search `npm test` ran first (scripts/chromium.mjs). */
export function chromiumPath(): string {
  const found = findChromium();
  if (!found.ok) throw new Error(installAdvice(found.problem));
  return found.path;
}
