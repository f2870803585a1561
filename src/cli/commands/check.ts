import { readFileSync, writeFileSync } from 'node:fs';
import { formatDollars, toPlain } from '../../engine/index';
import { decideCheck } from '../../engine/schedule/decide-check';
import { emptyScheduleState, parseScheduleState, type ScheduleState } from '../../engine/schedule/schedule-state';
import { slackWebhookProblem } from '../../engine/schedule/slack-webhook';
import { renderCheckEmail } from '../../engine/notify/check-email';
import { UsageError, flag, hasFlag, type ParsedArgs } from '../args';
import type { CommandResult } from '../io';
import { asOfFlag, loadHousehold, today, warningLines } from '../load-household';

export const usage = 'rebalance check <workbook> [--as-of YYYY-MM-DD] [--state FILE] [--html FILE] [--link URL] [--json]';

function readState(path: string | undefined): ScheduleState {
  if (path === undefined) return emptyScheduleState();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`--state: cannot read ${path}`);
  }
  try {
    return parseScheduleState(JSON.parse(text));
  } catch {
    throw new UsageError(`--state: ${path} is not JSON`);
  }
}

/**
 * The scheduled check, run locally: the same decision and the same email the daily trigger would
 * send, printed with whether it would be sent. The previous run's memory comes from --state
 * (the JSON the add-on keeps in document properties); without it, no previous run.
 */
export async function checkCommand(args: ParsedArgs): Promise<CommandResult> {
  const [path] = args.positionals;
  if (!path) throw new UsageError('check needs a workbook: an .xlsx file or a folder of CSV tabs');
  const state = readState(flag(args, 'state'));
  const loaded = await loadHousehold(path, args);
  if (!loaded.ok) return { stdout: '', stderr: loaded.message, exitCode: 1 };
  const asOf = asOfFlag(args) ?? loaded.household.settings.asOf ?? today();
  const settings = loaded.household.settings;
  const decision = decideCheck({ household: loaded.household, asOf, state });
  const problem = settings.slackWebhook === null ? null : slackWebhookProblem(settings.slackWebhook);
  const email = renderCheckEmail(decision, { spreadsheetUrl: flag(args, 'link') ?? null, notes: problem ? [problem] : [] });
  const htmlPath = flag(args, 'html');
  if (htmlPath) writeFileSync(htmlPath, email.html);
  const to = settings.email ?? '(the account the trigger runs as)';
  const cpa = decision.content.cpa;
  if (hasFlag(args, 'json')) {
    return {
      stdout: JSON.stringify(
        {
          asOf,
          kind: decision.kind,
          periodKey: decision.periodKey,
          reasons: decision.reasons,
          actionNeeded: decision.actionNeeded,
          wouldSend: decision.send,
          to,
          subject: email.subject,
          nextReview: decision.content.nextReview,
          plan: decision.content.plan ? { id: decision.content.plan.id, trades: decision.content.plan.trades.length, estimatedTax: toPlain(decision.content.plan.summary.estimatedTax) } : null,
          cpaNote: { due: cpa.due, harvested: toPlain(cpa.harvested), threshold: cpa.threshold === null ? null : toPlain(cpa.threshold), to: settings.cpaEmail },
          slack: settings.slackWebhook === null ? 'not set' : problem ?? 'would post a summary',
          text: email.text,
        },
        null,
        2,
      ),
      exitCode: 0,
    };
  }
  const head = [
    `Check as of ${asOf}: ${decision.kind}${decision.periodKey ? ` (${decision.periodKey})` : ''}.`,
    decision.send ? `Would send an email to ${to}.` : `Would send no email${decision.kind === 'nothing' ? ': nothing is due' : ': no action is needed and Notify is "only when action is needed"'}.`,
    cpa.due ? `Would send the CPA note to ${settings.cpaEmail}: losses harvested this year ${formatDollars(cpa.harvested)}.` : '',
    problem ? `Slack: ${problem}` : settings.slackWebhook && decision.send ? 'Would post a Slack summary.' : '',
    htmlPath ? `HTML written to ${htmlPath}.` : '',
  ].filter((line) => line !== '');
  return { stdout: [...head, '', `To: ${to}`, `Subject: ${email.subject}`, '', email.text].join('\n'), stderr: warningLines(loaded.warnings), exitCode: 0 };
}
