import { formatDollars } from '../money';
import { yearOf } from '../dates';
import type { CpaStatus } from '../schedule/decide-check';
import type { IsoDate } from '../dates';
import { oneLine, safeHttpsUrl } from './escape';
import { page, paragraph } from './html-kit';
import type { RenderedEmail } from './check-email';

/** The note to the CPA when this year's harvested losses pass CPA Threshold. */
export function renderCpaNote(cpa: CpaStatus, asOf: IsoDate, spreadsheetUrl: string | null, from: string | null): RenderedEmail {
  const year = yearOf(asOf);
  const subject = oneLine(`Tax-loss harvesting ${year}: ${formatDollars(cpa.harvested, 0)} of losses realized so far`);
  const lines = [
    `Losses harvested in taxable accounts in ${year}, as of ${asOf}: ${formatDollars(cpa.harvested)} (after losses disallowed by wash sales), past the ${formatDollars(cpa.threshold ?? cpa.harvested)} threshold set for this note.`,
    'The realized sales, with dates, proceeds, cost basis and any disallowed loss, are on the Sales tab of the household workbook.',
    from ? `Sent on behalf of ${from} by the Rebalancer add-on; reply to them with any question.` : 'Sent by the Rebalancer add-on.',
  ];
  const url = safeHttpsUrl(spreadsheetUrl);
  void url; // The CPA may not have access to the spreadsheet: no link, the numbers are in the note.
  return { subject, html: page(subject, lines.map((l) => paragraph(l)).join('')), text: lines.join('\n\n') };
}
