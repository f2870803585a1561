import { LOT_METHODS, type LotMethodName, type PlanOptions, type RebalanceMode } from '../engine/index';
import { UsageError, value, valueFlag, values, type FlagSpec, type ParsedArgs } from './args';
import { accountAmount, amount, amountOrNone, choice, nameList, yesNo } from './flag-kinds';

const MODES: readonly RebalanceMode[] = ['threshold', 'full', 'cash-only'];

export const MODE = valueFlag('mode', choice(MODES), 'threshold: trade only classes outside their bands; full: back to every target; cash-only: invest or raise cash, no other sales (default: Settings)');
export const CASH = valueFlag('cash', accountAmount, 'cash to add to an account, negative to withdraw, e.g. "Roth IRA=7000"; once per account', { repeatable: true });
export const LOT_METHOD = valueFlag('lot-method', choice(LOT_METHODS), 'which lots a sale takes; SpecID sells only the lots named by --lots (default: Settings)');
export const LOTS = valueFlag('lots', nameList('LOT,LOT,...', 'lot ids'), 'with --lot-method SpecID: the lots to sell, in order, by their Lot id (rebalance lots lists them)');
export const GAIN_BUDGET = valueFlag('gain-budget', amountOrNone(amount({ min: 0 })), 'the most net capital gain the plan may realize, or none for no limit (default: Settings)');
export const MIN_TRADE = valueFlag('min-trade', amount({ min: 0 }), 'skip trades smaller than this many dollars (default: Settings)');
export const HARVEST = valueFlag('harvest', yesNo, 'sell lots at a loss to offset gains (default: Settings)');

/** The planner's options, in the order usage and help list them. */
export const PLAN_OPTION_FLAGS: readonly FlagSpec[] = [MODE, CASH, LOT_METHOD, LOTS, GAIN_BUDGET, MIN_TRADE, HARVEST];

/** Planner options from the command line (already checked by the parser); anything not given comes from Settings. */
export function planOptionsFrom(args: ParsedArgs): PlanOptions {
  const options: PlanOptions = {};
  const mode = value(args, MODE);
  if (mode !== undefined) options.mode = mode;
  const cash = values(args, CASH);
  if (cash.length > 0) {
    options.cashFlows = {};
    for (const { account, amount: dollars } of cash) {
      if (options.cashFlows[account] !== undefined) throw new UsageError(`--cash: ${account} is given twice; give one amount per account`);
      options.cashFlows[account] = dollars;
    }
  }
  const method = value(args, LOT_METHOD);
  if (method !== undefined) options.lotMethod = method as LotMethodName;
  const lots = value(args, LOTS);
  // SpecID with no lots named would sell nothing and say nothing; lots without SpecID would be ignored.
  if (method === 'SpecID' && lots === undefined) throw new UsageError('--lot-method SpecID sells only the lots you name: add --lots LOT,LOT,... (rebalance lots <workbook> lists each lot id)');
  if (lots !== undefined && method !== 'SpecID') throw new UsageError('--lots names the lots for --lot-method SpecID; add --lot-method SpecID or drop --lots');
  if (lots !== undefined) options.specificLots = lots;
  const budget = value(args, GAIN_BUDGET);
  if (budget !== undefined) options.gainBudget = budget;
  const minTrade = value(args, MIN_TRADE);
  if (minTrade !== undefined) options.minTrade = minTrade;
  const harvest = value(args, HARVEST);
  if (harvest !== undefined) options.harvestLosses = harvest;
  return options;
}
