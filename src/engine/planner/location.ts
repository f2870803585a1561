import type { TargetClass, TaxTreatment } from '../types';

/**
 * Asset location: which kind of account a class should be bought in first when several could.
 * Tax-inefficient income (bonds, TIPS, REITs) belongs in tax-deferred accounts; the highest
 * expected growth (small cap, emerging markets) in tax-exempt Roth accounts, where growth is
 * never taxed; broad equity (qualified dividends, foreign tax credit) and munis in taxable.
 * A class's own `Location` column overrides this.
 */
const INCOME = /bond|tips|reit|real estate|fixed|treasur|corporate|credit|income|aggregate/i;
const MUNI = /muni/i;
const GROWTH = /emerging|small|growth|value|frontier/i;

export function defaultLocation(assetClass: string): TaxTreatment[] {
  if (MUNI.test(assetClass)) return ['taxable', 'deferred', 'exempt'];
  if (INCOME.test(assetClass)) return ['deferred', 'exempt', 'taxable'];
  if (GROWTH.test(assetClass)) return ['exempt', 'taxable', 'deferred'];
  return ['taxable', 'exempt', 'deferred'];
}

/** 0 for the most preferred treatment, larger for less preferred. */
export function locationRank(target: TargetClass | undefined, assetClass: string, treatment: TaxTreatment): number {
  const order = target?.location ?? defaultLocation(assetClass);
  const i = order.indexOf(treatment);
  return i < 0 ? order.length : i;
}
