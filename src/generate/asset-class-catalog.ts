/**
 * Asset classes and real fund tickers for generated households. Within a class, the first
 * ticker is the primary (rank 1) and the second the harvest replacement (rank 2): they track
 * different indexes, so they are not "substantially identical" (IRC 1091) and get different
 * wash groups. Where `thirdTracksFirst` is true the third fund tracks the same index as the
 * first (VOO and IVV both track the S&P 500), so those two share a wash group.
 */
export type ClassKind = 'stock' | 'bond' | 'real-estate' | 'alternative';

export interface CatalogClass {
  name: string;
  kind: ClassKind;
  tickers: readonly [string, string, string];
  thirdTracksFirst: boolean;
}

export const ASSET_CLASS_CATALOG: readonly CatalogClass[] = [
  { name: 'US Large Cap', kind: 'stock', tickers: ['VOO', 'SCHX', 'IVV'], thirdTracksFirst: true },
  { name: 'US Total Bond', kind: 'bond', tickers: ['BND', 'SCHZ', 'AGG'], thirdTracksFirst: true },
  { name: 'Intl Developed', kind: 'stock', tickers: ['VEA', 'IEFA', 'SCHF'], thirdTracksFirst: false },
  { name: 'US Small Cap', kind: 'stock', tickers: ['VB', 'IJR', 'SCHA'], thirdTracksFirst: false },
  { name: 'Emerging Markets', kind: 'stock', tickers: ['VWO', 'IEMG', 'SCHE'], thirdTracksFirst: false },
  { name: 'US REIT', kind: 'real-estate', tickers: ['VNQ', 'SCHH', 'USRT'], thirdTracksFirst: false },
  { name: 'TIPS', kind: 'bond', tickers: ['SCHP', 'TIP', 'SPIP'], thirdTracksFirst: true },
  { name: 'US Mid Cap', kind: 'stock', tickers: ['VO', 'IJH', 'SCHM'], thirdTracksFirst: false },
  { name: 'US Small Value', kind: 'stock', tickers: ['AVUV', 'VBR', 'IJS'], thirdTracksFirst: false },
  { name: 'Short-Term Treasury', kind: 'bond', tickers: ['VGSH', 'SCHO', 'SPTS'], thirdTracksFirst: true },
  { name: 'Intermediate Treasury', kind: 'bond', tickers: ['VGIT', 'IEI', 'SCHR'], thirdTracksFirst: true },
  { name: 'Long-Term Treasury', kind: 'bond', tickers: ['VGLT', 'TLT', 'SPTL'], thirdTracksFirst: true },
  { name: 'Municipal Bonds', kind: 'bond', tickers: ['VTEB', 'MUB', 'TFI'], thirdTracksFirst: false },
  { name: 'Intl Bonds', kind: 'bond', tickers: ['BNDX', 'IAGG', 'BWX'], thirdTracksFirst: false },
  { name: 'Intl Small Cap', kind: 'stock', tickers: ['VSS', 'SCZ', 'SCHC'], thirdTracksFirst: false },
  { name: 'US Growth', kind: 'stock', tickers: ['VUG', 'IWF', 'SCHG'], thirdTracksFirst: false },
  { name: 'US Value', kind: 'stock', tickers: ['VTV', 'IWD', 'SCHV'], thirdTracksFirst: false },
  { name: 'Intl REIT', kind: 'real-estate', tickers: ['VNQI', 'REET', 'IFGL'], thirdTracksFirst: false },
  { name: 'Corporate Bonds', kind: 'bond', tickers: ['VCIT', 'IGIB', 'LQD'], thirdTracksFirst: true },
  { name: 'High Yield', kind: 'bond', tickers: ['USHY', 'HYG', 'JNK'], thirdTracksFirst: false },
  { name: 'Commodities', kind: 'alternative', tickers: ['PDBC', 'DBC', 'GSG'], thirdTracksFirst: false },
  { name: 'Gold', kind: 'alternative', tickers: ['GLDM', 'GLD', 'IAU'], thirdTracksFirst: true },
  { name: 'US Dividend', kind: 'stock', tickers: ['SCHD', 'VIG', 'DGRO'], thirdTracksFirst: false },
  { name: 'US ESG', kind: 'stock', tickers: ['ESGV', 'ESGU', 'SUSA'], thirdTracksFirst: false },
  { name: 'Mortgage-Backed', kind: 'bond', tickers: ['VMBS', 'MBB', 'SPMB'], thirdTracksFirst: true },
  { name: 'Short-Term Corporate', kind: 'bond', tickers: ['VCSH', 'IGSB', 'SPSB'], thirdTracksFirst: true },
  { name: 'Emerging Bonds', kind: 'bond', tickers: ['VWOB', 'EMB', 'PCY'], thirdTracksFirst: false },
  { name: 'Global ex-US', kind: 'stock', tickers: ['VXUS', 'IXUS', 'ACWX'], thirdTracksFirst: false },
  { name: 'Managed Futures', kind: 'alternative', tickers: ['DBMF', 'KMLM', 'CTA'], thirdTracksFirst: false },
  { name: 'US Quality', kind: 'stock', tickers: ['QUAL', 'SPHQ', 'JQUA'], thirdTracksFirst: false },
];

/** The class at `index`; beyond the catalogue, synthetic classes with made-up tickers. */
export function catalogClass(index: number): CatalogClass {
  if (index < ASSET_CLASS_CATALOG.length) return ASSET_CLASS_CATALOG[index];
  const n = index + 1;
  return {
    name: `Sleeve ${n}`,
    kind: n % 3 === 0 ? 'bond' : 'stock',
    tickers: [`S${n}A`, `S${n}B`, `S${n}C`],
    thirdTracksFirst: n % 2 === 0,
  };
}
