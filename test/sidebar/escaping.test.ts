import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SIDEBAR = fileURLToPath(new URL('../../sidebar/', import.meta.url));

/**
 * The sidebar shows text from cells (tickers, account names, reader messages). It builds DOM with
 * createElement + textContent only (sidebar/dom.ts); this pins that no source file reaches for
 * an HTML-parsing or code-evaluating API. The browser test (test/e2e) shows a hostile ticker
 * and account name rendering as text.
 */
describe('sidebar sources never parse data as HTML or code', () => {
  const files = readdirSync(SIDEBAR).filter((f) => /\.(ts|html)$/.test(f));

  it.each(files)('%s', (file) => {
    const text = readFileSync(`${SIDEBAR}${file}`, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    for (const banned of [/\.innerHTML\b/, /\.outerHTML\b/, /insertAdjacentHTML/, /document\.write/, /\beval\s*\(/, /new Function\b/, /\bon[a-z]+\s*=\s*["'{]/i, /setAttribute\(\s*['"]on/i]) {
      expect(text, `${file} uses ${banned}`).not.toMatch(banned);
    }
  });
});
