import type { Decimal } from '../money';
import type { Lot, LotMethodName, Settings } from '../types';
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
  /**
   * Lot Method SpecID with no lots named: the planner chooses the lots (least tax first) and the
   * plan says so, listing each sale's lots for the user to name to the broker.
   */
  plannerChoosesLots: boolean;
  /** Days before an ex-dividend date in which a taxable account avoids buying the fund. */
  exDividendWindowDays: number;
}

export function resolveOptions(settings: Settings, options: PlanOptions): ResolvedOptions {
  const method = options.lotMethod ?? settings.lotMethod;
  const plannerChoosesLots = method === 'SpecID' && (options.specificLots ?? []).length === 0;
  return {
    cashFlows: options.cashFlows ?? {},
    mode: options.mode ?? 'threshold',
    lotMethod: plannerChoosesLots ? 'MinTax' : method,
    plannerChoosesLots,
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

/** Lots named for SpecID that the Lots tab does not hold: a plan cannot sell them. */
export function unknownSpecificLots(lots: readonly Lot[], options: PlanOptions): string[] {
  const ids = new Set(lots.map((l) => l.id));
  const missing = (options.specificLots ?? []).filter((id) => !ids.has(id));
  return missing.length === 0 ? [] : [`SpecID: no lot ${missing.map((id) => `"${id}"`).join(', ')} on the Lots tab; name lots by their Lot id.`];
}

export const PLANNER_CHOOSES_LOTS =
  'Lot Method is SpecID and no lots were named, so the plan chooses them (least tax first) and lists each sale\'s lots: name those lots to your broker when you place the sale (specific identification, Treas. Reg. 1.1012-1(c)).';
