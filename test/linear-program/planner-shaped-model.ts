import { LinearProgramBuilder, type LinearProgram } from '../../src/engine/linear-program';

/**
 * A model shaped like the planner's: a sale column per lot (0 ≤ shares ≤ held; tax priced in the
 * one taxable account, losses saving), a buy column per account and fund, a cash row per account
 * with a reserve, a value row per asset class with over and under deviation columns priced above
 * any tax. Seeded, so a run is repeatable.
 */
export function plannerShapedModel(lots: number, seed: number): LinearProgram {
  let state = seed >>> 0;
  const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const accounts = 5;
  const classes = 8;
  const fundsPerClass = 2;
  const lp = new LinearProgramBuilder();
  const price = Array.from({ length: classes * fundsPerClass }, () => 20 + random() * 400);
  const cashTerms: [number, number][][] = Array.from({ length: accounts }, () => []);
  const classTerms: [number, number][][] = Array.from({ length: classes }, () => []);
  const held = new Array<number>(classes).fill(0);
  for (let l = 0; l < lots; l++) {
    const account = Math.floor(random() * accounts);
    const fund = Math.floor(random() * price.length);
    const shares = 1 + Math.floor(random() * 200);
    const taxable = account === 0;
    const gainPerShare = (random() - 0.3) * price[fund]!;
    const column = lp.column(`sell_${l}`, { upper: shares, cost: (taxable ? 0.2 * gainPerShare : 0) + 0.0002 * price[fund]! });
    cashTerms[account]!.push([column, price[fund]!]);
    classTerms[Math.floor(fund / fundsPerClass)]!.push([column, -price[fund]!]);
    held[Math.floor(fund / fundsPerClass)] += shares * price[fund]!;
  }
  for (let a = 0; a < accounts; a++) {
    for (let f = 0; f < price.length; f++) {
      const column = lp.column(`buy_${a}_${f}`, { cost: 0.0002 * price[f]! + f * 1e-6 });
      cashTerms[a]!.push([column, -price[f]!]);
      classTerms[Math.floor(f / fundsPerClass)]!.push([column, price[f]!]);
    }
    lp.row(`cash_${a}`, cashTerms[a]!, { lower: -1000 - random() * 5000 });
  }
  const total = held.reduce((s, v) => s + v, 0);
  for (let c = 0; c < classes; c++) {
    const over = lp.column(`over_${c}`, { cost: 1 });
    const under = lp.column(`under_${c}`, { cost: 1 });
    lp.row(`class_${c}`, [...classTerms[c]!, [over, -1], [under, 1]], { lower: total / classes - held[c]!, upper: total / classes - held[c]! });
  }
  return lp.build();
}

