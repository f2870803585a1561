import { formatDollars, type Decimal } from '../money';

/**
 * Tax as every text surface says it (the email, Slack, the CLI; the sidebar and the Plan tab's
 * number format say the same): a saving (negative tax: a harvested loss) is "saves $90.65",
 * never a bare "-$90.65"; a cost is the dollars after `costLabel` ("tax $412.00").
 */
export function taxCell(tax: Decimal, costLabel = ''): string {
  return tax.lessThan(0) ? `saves ${formatDollars(tax.negated())}` : `${costLabel}${formatDollars(tax)}`;
}

/** "estimated tax $412.00", or "estimated tax saved $90.65". */
export function estimatedTaxPhrase(tax: Decimal): string {
  return tax.lessThan(0) ? `estimated tax saved ${formatDollars(tax.negated())}` : `estimated tax ${formatDollars(tax)}`;
}

/** A sale's tax after its amount in a text line: ", est. tax $0.00" or ", saves $90.65". */
export function saleTaxSuffix(tax: Decimal): string {
  return `, ${taxCell(tax, 'est. tax ')}`;
}
