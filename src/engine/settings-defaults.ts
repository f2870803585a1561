import type { Settings } from './types';
import { dec } from './money';

/** PRODUCT.md's Settings table: what every setting is when the Settings tab leaves it out. */
export function defaultSettings(): Settings {
  return {
    asOf: null,
    shortTermRate: dec('0.37'),
    longTermRate: dec('0.2'),
    stateRate: dec(0),
    lotMethod: 'MinTax',
    band: dec('0.1'),
    absBand: null,
    minTrade: dec(100),
    harvestLosses: true,
    harvestMinLoss: dec(500),
    gainBudget: null,
    longTermWaitDays: 30,
    stLossCarryforward: dec(0),
    ltLossCarryforward: dec(0),
    spread: dec('0.0002'),
    schedule: 'monthly',
    overrideThreshold: dec('0.2'),
    automation: 'notify',
    notify: 'action',
    email: null,
    cpaEmail: null,
    cpaThreshold: null,
    slackWebhook: null,
    webhookUrl: null,
    filingStatus: null,
    income: dec(0),
    deductions: null,
    qualifiedDividends: dec(0),
    investmentIncome: dec(0),
    harvestGains: false,
  };
}
