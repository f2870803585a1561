/**
 * The tax engine: Schedule D netting with flat rates or the year's published federal tables
 * (brackets, the capital-gain worksheet, NIIT), the state's flat rate, and the shape of the tax
 * as a piecewise-linear function of realized gains.
 */
export * from './year-tax';
export { statusTable, taxYearsWithTables, type StatusTable, type Bracket } from './tables/table-for-year';
export type { TaxTableData, BracketRow } from './tables/table-types';
export { NIIT_RATE, NIIT_THRESHOLD, ordinaryLossLimit, householdYearTax, incomeLines, type HouseholdTaxProfile, type TaxParts, type NettedGains } from './household-tax';
export { federalIncomeTax, ordinaryTax, ordinaryRateAt, worksheetTax } from './federal';
export { freeLongTermGain, gainTaxSchedule, zeroRateRoom, taxShape, type GainSegment, type TaxShape } from './gain-schedule';
export { describeTaxDetail, planTaxDetail, type PlanTaxDetail } from './plan-tax-detail';
export { simulatedHouseholdFrom, simulatedTaxYear, simulatedYearRates, simulatedYearTax, simulatedTablesNote, type SimulatedHousehold, type SimulatedTaxYear } from './simulated-years';
export { longTermWait, quotedRate, saleRate, type LongTermWait } from './sale-rate';
