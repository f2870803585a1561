import { parseNumberCell } from '../workbook/cells';
import { LOT_METHODS, type Decimal, type LotMethodName, type PlanOptions, type RebalanceMode } from '../engine/index';

/** What the sidebar's Options section sends: every field text, as typed (google.script.run carries no Decimal). */
export interface SidebarOptionsInput {
  /** Cash to add (positive) or withdraw (negative) per account name; '' or '0' for none. */
  cash?: Record<string, string>;
  mode?: string;
  lotMethod?: string;
  /** Dollars, or '' / 'none' for no budget. */
  gainBudget?: string;
  /** 'yes' / 'no' (a boolean is accepted too). */
  harvest?: string | boolean;
}

export type OptionsResult = { ok: true; options: PlanOptions } | { ok: false; errors: string[] };

export const MODES: readonly RebalanceMode[] = ['threshold', 'full', 'cash-only'];
/** Dollars as a workbook cell takes them: ",000" or "1,00" is an error, never 0 or 100. */
function money(text: string): Decimal | null {
  const parsed = parseNumberCell(text, 'dollars');
  return parsed.ok ? parsed.value : null;
}

/**
 * Planner options from the sidebar form. Every bad field is reported (named as the form names
 * it); an empty field means "use Settings". Cash is only accepted for accounts that exist, so a
 * typo never silently drops a deposit.
 */
export function planOptionsFromSidebar(input: unknown, accountNames: readonly string[]): OptionsResult {
  const errors: string[] = [];
  const options: PlanOptions = {};
  if (input !== null && input !== undefined && typeof input !== 'object') return { ok: false, errors: ['Options: expected an object.'] };
  const given = (input ?? {}) as SidebarOptionsInput;

  if (given.cash !== undefined && given.cash !== null) {
    if (typeof given.cash !== 'object') errors.push('Cash: expected an amount per account.');
    else {
      const flows: Record<string, Decimal> = {};
      for (const [account, raw] of Object.entries(given.cash)) {
        const text = String(raw ?? '').trim();
        if (text === '') continue;
        if (!accountNames.includes(account)) {
          errors.push(`Cash: no account named "${account}" on the Accounts tab.`);
          continue;
        }
        const amount = money(text);
        if (amount === null) errors.push(`Cash for ${account}: expected dollars (negative to withdraw); found "${text}".`);
        else if (!amount.isZero()) flows[account] = amount;
      }
      if (Object.keys(flows).length > 0) options.cashFlows = flows;
    }
  }

  const mode = String(given.mode ?? '').trim();
  if (mode !== '') {
    if (MODES.includes(mode as RebalanceMode)) options.mode = mode as RebalanceMode;
    else errors.push(`Mode: expected one of ${MODES.join(', ')}; found "${mode}".`);
  }

  const method = String(given.lotMethod ?? '').trim();
  if (method !== '') {
    const found = LOT_METHODS.find((m) => m.toLowerCase() === method.toLowerCase());
    if (found) options.lotMethod = found as LotMethodName;
    else errors.push(`Lot method: expected one of ${LOT_METHODS.join(', ')}; found "${method}".`);
  }

  const budget = String(given.gainBudget ?? '').trim();
  if (/^none$/i.test(budget)) options.gainBudget = null;
  else if (budget !== '') {
    const amount = money(budget);
    if (amount === null || amount.isNegative()) errors.push(`Gain budget: expected dollars (or "none"); found "${budget}".`);
    else options.gainBudget = amount;
  }

  const harvest = given.harvest;
  if (typeof harvest === 'boolean') options.harvestLosses = harvest;
  else if (harvest !== undefined && harvest !== null && String(harvest).trim() !== '') {
    const text = String(harvest).trim();
    if (/^(yes|on|true)$/i.test(text)) options.harvestLosses = true;
    else if (/^(no|off|false)$/i.test(text)) options.harvestLosses = false;
    else errors.push(`Harvest losses: expected yes or no; found "${text}".`);
  }

  return errors.length > 0 ? { ok: false, errors } : { ok: true, options };
}
