import { ACCOUNT_TREATMENT, type AccountType, type TaxTreatment } from '../engine/types';
import { normalizeHeader } from './headers';

/**
 * Spellings users write for each account type, normalized like headers ("401(k)" → "401k").
 * A plain "IRA" or "rollover IRA" is traditional; a plain "Roth" is a Roth IRA.
 */
const SPELLINGS: Record<AccountType, readonly string[]> = {
  Taxable: ['taxable', 'brokerage', 'taxable brokerage', 'individual', 'joint', 'individual brokerage', 'joint brokerage', 'trust'],
  'Traditional IRA': ['traditional ira', 'trad ira', 'traditional', 'ira', 'rollover ira', 'rollover', 'pretax ira'],
  'Roth IRA': ['roth ira', 'roth'],
  '401(k)': ['401(k)', '401k', 'traditional 401k', 'solo 401k'],
  'Roth 401(k)': ['roth 401(k)', 'roth 401k'],
  '403(b)': ['403(b)', '403b'],
  '457(b)': ['457(b)', '457b', '457'],
  'SEP IRA': ['sep ira', 'sep'],
  'SIMPLE IRA': ['simple ira', 'simple'],
  HSA: ['hsa', 'health savings account'],
  '529': ['529', '529 plan'],
};

const BY_SPELLING = new Map<string, AccountType>();
for (const [type, spellings] of Object.entries(SPELLINGS) as [AccountType, readonly string[]][]) {
  for (const s of spellings) BY_SPELLING.set(normalizeHeader(s), type);
}

export function parseAccountType(text: string): AccountType | null {
  return BY_SPELLING.get(normalizeHeader(text)) ?? null;
}

export function treatmentOf(type: AccountType): TaxTreatment {
  return ACCOUNT_TREATMENT[type];
}

const TREATMENT_SPELLINGS: Record<TaxTreatment, readonly string[]> = {
  deferred: ['deferred', 'tax-deferred', 'tax deferred', 'pretax', 'pre-tax', 'traditional', 'ira', 'traditional ira', '401k', '401(k)'],
  exempt: ['exempt', 'tax-exempt', 'tax exempt', 'tax-free', 'tax free', 'roth', 'roth ira', 'hsa'],
  taxable: ['taxable', 'brokerage'],
};

const TREATMENT_BY_SPELLING = new Map<string, TaxTreatment>();
for (const [treatment, spellings] of Object.entries(TREATMENT_SPELLINGS) as [TaxTreatment, readonly string[]][]) {
  for (const s of spellings) TREATMENT_BY_SPELLING.set(normalizeHeader(s), treatment);
}

export function parseTreatment(text: string): TaxTreatment | null {
  return TREATMENT_BY_SPELLING.get(normalizeHeader(text)) ?? null;
}

/**
 * A Location list: "deferred, exempt, taxable" (commas, semicolons, ">" or "/" between items;
 * spaces alone also work when every word is a treatment). Repeats are dropped. Null when an
 * item is not a treatment; the caller reports it.
 */
export function parseTreatmentList(text: string): { ok: true; value: TaxTreatment[] } | { ok: false; bad: string } {
  const out: TaxTreatment[] = [];
  for (const item of text.split(/[,;>/|]+/).map((s) => s.trim()).filter(Boolean)) {
    const whole = parseTreatment(item);
    const parts = whole ? [whole] : item.split(/\s+/).map(parseTreatment);
    if (parts.some((p) => p === null)) return { ok: false, bad: item };
    for (const p of parts) if (p && !out.includes(p)) out.push(p);
  }
  return { ok: true, value: out };
}

/** Tickers in a list cell: commas, semicolons or spaces between them. */
export function splitTickers(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((t) => t.trim().toUpperCase())
    .filter(Boolean);
}

/** Letters, digits and the punctuation of share classes (BRK.B, BRK/B, BF-B). */
export const TICKER = /^[A-Z0-9][A-Z0-9.\-/^:]*$/;
