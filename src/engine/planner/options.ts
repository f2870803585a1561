import { Decimal, ZERO } from '../money';
import type { LotMethodName, Settings } from '../types';
import type { PlanOptions, RebalanceMode } from '../plan-types';

/** Per-run options with every gap filled from Settings. */
export interface ResolvedOptions {
  cashFlows: Record<string, Decimal>;
  mode: RebalanceMode;
  lotMethod: LotMethodName;
  band: Decimal;
  minTrade: Decimal;
  harvestLosses: boolean;
  harvestMinLoss: Decimal;
  gainBudget: Decimal | null;
  longTermWaitDays: number;
  specificLots: string[];
  /** Days before an ex-dividend date in which a taxable account avoids buying the fund. */
  exDividendWindowDays: number;
}

export function resolveOptions(settings: Settings, options: PlanOptions): ResolvedOptions {
  return {
    cashFlows: options.cashFlows ?? {},
    mode: options.mode ?? 'threshold',
    lotMethod: options.lotMethod ?? settings.lotMethod,
    band: options.band ?? settings.band,
    minTrade: options.minTrade ?? settings.minTrade,
    harvestLosses: options.harvestLosses ?? settings.harvestLosses,
    harvestMinLoss: options.harvestMinLoss ?? settings.harvestMinLoss,
    gainBudget: options.gainBudget === undefined ? settings.gainBudget : options.gainBudget,
    longTermWaitDays: options.longTermWaitDays ?? settings.longTermWaitDays,
    specificLots: options.specificLots ?? [],
    exDividendWindowDays: 14,
  };
}

export function cashFlowOf(options: ResolvedOptions, account: string): Decimal {
  return options.cashFlows[account] ?? ZERO;
}
