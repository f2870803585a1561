import { readFileSync, writeFileSync } from 'node:fs';
import { formatDollars, toPlain } from '../../engine/index';
import { decideCheck } from '../../engine/schedule/decide-check';
import { emptyScheduleState, parseScheduleState, type ScheduleState } from '../../engine/schedule/schedule-state';
import { slackWebhookProblem } from '../../engine/schedule/slack-webhook';
import { checkWebhookUrl } from '../../engine/notify/webhook-url';
import { renderCheckEmail } from '../../engine/notify/check-email';
import { has, value, valueFlag, type CommandSpec, type ParsedArgs } from '../args';
import { AS_OF, JSON_FLAG, WORKBOOK } from '../common-flags';
import { errorLine } from '../error-line';
import { text as textKind, url } from '../flag-kinds';
import { CommandFailure, type CommandResult } from '../io';
import { asOfFlag, loadHousehold, today, warningLines } from '../load-household';

const STATE = valueFlag('state', textKind('FILE', 'a file'), "the previous run's memory: the JSON the add-on keeps in document properties (default: no previous run)");
const HTML = valueFlag('html', textKind('FILE', 'a file'), 'also write the email as HTML to this file');
const LINK = valueFlag('link', url, "the spreadsheet's address, for the email's link");

function readState(path: string | undefined): ScheduleState {
  if (path === undefined) return emptyScheduleState();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CommandFailure(`--state: ${errorLine(error)}`);
  }
  try {
    return parseScheduleState(JSON.parse(text));
  } catch (error) {
    throw new CommandFailure(`--state: ${path} is not JSON (${(error as Error).message})`);
  }
}

/**
 * The scheduled check, run locally: the same decision and the same email the daily trigger would
 * send, printed with whether it would be sent. The previous run's memory comes from --state
 * (the JSON the add-on keeps in document properties); without it, no previous run.
 */
export async function checkCommand(args: ParsedArgs): Promise<CommandResult> {
  const [path] = args.positionals;
  const state = readState(value(args, STATE));
  const loaded = await loadHousehold(path, args);
  if (!loaded.ok) return { stdout: '', stderr: loaded.message, exitCode: 1 };
  const asOf = asOfFlag(args) ?? loaded.household.settings.asOf ?? today();
  const settings = loaded.household.settings;
  const decision = decideCheck({ household: loaded.household, asOf, state });
  const problem = settings.slackWebhook === null ? null : slackWebhookProblem(settings.slackWebhook);
  const hook = settings.webhookUrl === null ? null : checkWebhookUrl(settings.webhookUrl);
  const hookProblem = hook && !hook.ok ? hook.problem : null;
  const email = renderCheckEmail(decision, { spreadsheetUrl: value(args, LINK) ?? null, notes: [problem, hookProblem].filter((p): p is string => p !== null) });
  // The daily check posts check.done once it has handled a period (docs/automation.md).
  const webhook = hook === null ? 'not set' : !hook.ok ? hook.problem : decision.kind !== 'nothing' ? `would post check.done to ${hook.service}` : 'nothing to post: nothing is due';
  const htmlPath = value(args, HTML);
  if (htmlPath) {
    try {
      writeFileSync(htmlPath, email.html);
    } catch (error) {
      throw new CommandFailure(`--html: ${errorLine(error)}`);
    }
  }
  const to = settings.email ?? '(the account the trigger runs as)';
  const cpa = decision.content.cpa;
  if (has(args, JSON_FLAG)) {
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
          webhook,
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
    hook === null ? '' : `Webhook: ${webhook}${webhook.endsWith('.') ? '' : '.'}`,
    htmlPath ? `HTML written to ${htmlPath}.` : '',
  ].filter((line) => line !== '');
  return { stdout: [...head, '', `To: ${to}`, `Subject: ${email.subject}`, '', email.text].join('\n'), stderr: warningLines(loaded.warnings), exitCode: 0 };
}

export const command: CommandSpec = {
  name: 'check',
  summary: 'the scheduled check, run here: whether it would email, and the email it would send',
  positionals: [WORKBOOK],
  flags: [JSON_FLAG, AS_OF, STATE, HTML, LINK],
  run: checkCommand,
};
