import { parseNumberCell } from '../workbook/cells';
import { LOT_METHODS, type LotMethodName, type PlanOptions, type RebalanceMode, type Decimal } from '../engine/index';
import { UsageError, flag, type ParsedArgs } from './args';

const MODES: readonly RebalanceMode[] = ['threshold', 'full', 'cash-only'];

/** Dollars as a workbook cell takes them ("1,234.50", "$500", "-10000"): "=,000" or "1,00" is an error, never 0 or 100. */
function money(text: string, what: string): Decimal {
  const parsed = parseNumberCell(text, 'an amount of dollars');
  if (!parsed.ok || text.trim() === '') throw new UsageError(`${what}: expected an amount of dollars (like 7000, -10,000 or $1,234.50); found "${text}"`);
  return parsed.value;
}

function yesNo(text: string, what: string): boolean {
  if (/^(yes|y|true|on|1)$/i.test(text)) return true;
  if (/^(no|n|false|off|0)$/i.test(text)) return false;
  throw new UsageError(`${what}: expected yes or no; found "${text}"`);
}

/** Planner options from the command line; anything not given comes from Settings. */
export function planOptionsFrom(args: ParsedArgs): PlanOptions {
  const options: PlanOptions = {};
  const mode = flag(args, 'mode');
  if (mode !== undefined) {
    if (!MODES.includes(mode as RebalanceMode)) throw new UsageError(`--mode: expected one of ${MODES.join(', ')}; found "${mode}"`);
    options.mode = mode as RebalanceMode;
  }
  const cash = args.flags.get('cash') ?? [];
  if (cash.length > 0) {
    options.cashFlows = {};
    for (const entry of cash) {
      const eq = entry.lastIndexOf('=');
      if (eq <= 0) throw new UsageError(`--cash: expected ACCOUNT=AMOUNT (negative to withdraw); found "${entry}"`);
      const account = entry.slice(0, eq);
      // Two amounts for one account would silently keep only the last: say so instead.
      if (options.cashFlows[account] !== undefined) throw new UsageError(`--cash: "${account}" is given twice; give one amount per account (the total to add, negative to withdraw)`);
      options.cashFlows[account] = money(entry.slice(eq + 1), `--cash ${account}`);
    }
  }
  const method = flag(args, 'lot-method');
  if (method !== undefined) {
    const found = LOT_METHODS.find((m) => m.toLowerCase() === method.toLowerCase());
    if (!found) throw new UsageError(`--lot-method: expected one of ${LOT_METHODS.join(', ')}; found "${method}"`);
    options.lotMethod = found as LotMethodName;
  }
  const budget = flag(args, 'gain-budget');
  if (budget !== undefined) options.gainBudget = /^none$/i.test(budget) ? null : money(budget, '--gain-budget');
  const minTrade = flag(args, 'min-trade');
  if (minTrade !== undefined) options.minTrade = money(minTrade, '--min-trade');
  const harvest = flag(args, 'harvest');
  if (harvest !== undefined) options.harvestLosses = yesNo(harvest, '--harvest');
  return options;
}

export const PLAN_OPTION_USAGE = '[--mode threshold|full|cash-only] [--cash ACCOUNT=AMOUNT]... [--lot-method MinTax|HIFO|FIFO|LIFO] [--gain-budget AMOUNT|none] [--min-trade AMOUNT] [--harvest yes|no]';
