/**
 * Starting allocations offered by Set up tabs. Targets are whole percents so each template sums
 * to exactly 100 (checked by test). Bands are relative (a 10% band on a 30% target allows 27-33%):
 * 5% for bonds and cash, 10% for broad equity, 15% for emerging markets and alternatives, which
 * swing more and would otherwise trigger trades on noise.
 */
export type TemplateName = 'conservative' | 'moderate' | 'aggressive';

export interface TemplateRow {
  assetClass: string;
  /** Percent of the household, 0-100. */
  target: number;
  /** Relative band, percent of the target. */
  band: number;
  /** A low-cost fund to hold it with, for the example Securities rows. */
  ticker: string;
}

const BAND = { bonds: 5, broadEquity: 10, emerging: 15 } as const;

const row = (assetClass: string, target: number, band: number, ticker: string): TemplateRow => ({ assetClass, target, band, ticker });

/** Stocks then bonds; the split inside each follows a market-weight-ish tilt to the US. */
export const ALLOCATION_TEMPLATES: Record<TemplateName, { label: string; rows: readonly TemplateRow[] }> = {
  conservative: {
    label: 'Conservative 40/60',
    rows: [
      row('US Large Cap', 20, BAND.broadEquity, 'VOO'),
      row('US Small Cap', 5, BAND.broadEquity, 'VB'),
      row('International Developed', 10, BAND.broadEquity, 'VEA'),
      row('Emerging Markets', 5, BAND.emerging, 'VWO'),
      row('Government Bonds', 30, BAND.bonds, 'VGIT'),
      row('Corporate Bonds', 20, BAND.bonds, 'VCIT'),
      row('International Bonds', 10, BAND.bonds, 'BNDX'),
    ],
  },
  moderate: {
    label: 'Moderate 60/40',
    rows: [
      row('US Large Cap', 30, BAND.broadEquity, 'VOO'),
      row('US Small Cap', 8, BAND.broadEquity, 'VB'),
      row('International Developed', 15, BAND.broadEquity, 'VEA'),
      row('Emerging Markets', 7, BAND.emerging, 'VWO'),
      row('Government Bonds', 20, BAND.bonds, 'VGIT'),
      row('Corporate Bonds', 12, BAND.bonds, 'VCIT'),
      row('International Bonds', 8, BAND.bonds, 'BNDX'),
    ],
  },
  aggressive: {
    label: 'Aggressive 80/20',
    rows: [
      row('US Large Cap', 40, BAND.broadEquity, 'VOO'),
      row('US Small Cap', 10, BAND.broadEquity, 'VB'),
      row('International Developed', 20, BAND.broadEquity, 'VEA'),
      row('Emerging Markets', 10, BAND.emerging, 'VWO'),
      row('Government Bonds', 10, BAND.bonds, 'VGIT'),
      row('Corporate Bonds', 6, BAND.bonds, 'VCIT'),
      row('International Bonds', 4, BAND.bonds, 'BNDX'),
    ],
  },
};

export const TEMPLATE_NAMES = Object.keys(ALLOCATION_TEMPLATES) as TemplateName[];

/** 'moderate', 'Moderate 60/40', '60/40' or '2' all choose the moderate template. */
export function templateNamed(text: string): TemplateName | null {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  const byIndex = TEMPLATE_NAMES[Number(t) - 1];
  if (/^\d$/.test(t) && byIndex) return byIndex;
  return TEMPLATE_NAMES.find((name) => t.startsWith(name.slice(0, 3)) || ALLOCATION_TEMPLATES[name].label.toLowerCase().includes(t)) ?? null;
}
