import { redactWebhook } from '../../engine/schedule/slack-webhook';
import type { RenderedEmail } from '../../engine/notify/check-email';

export type Delivery = { ok: true; id: string } | { ok: false; error: string };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Sends one email with its plain-text alternative. The daily recipient quota is checked first
 * (100 a day on a consumer account) so an exhausted quota is a logged failure, retried on the
 * next run, not an exception. MailApp returns no message id: `id` is the notice's own key.
 */
export function sendEmail(to: string, email: RenderedEmail, noticeId: string): Delivery {
  if (to.trim() === '') return { ok: false, error: 'no recipient: Google gave no address for your account; set Email on the Settings tab' };
  try {
    const left = MailApp.getRemainingDailyQuota();
    if (left < 1) return { ok: false, error: `the daily email quota is used up (${left} left); retried on the next run` };
    MailApp.sendEmail({ to, subject: email.subject, body: email.text, htmlBody: email.html, name: 'Rebalancer' });
    return { ok: true, id: noticeId };
  } catch (error) {
    return { ok: false, error: `sending failed: ${message(error)}` };
  }
}

/**
 * Posts to a Slack incoming webhook (already checked against the hooks.slack.com prefix). HTTP
 * errors are muted so a non-2xx answer is read, not thrown; any failure text has the webhook
 * address removed, since it would end up in the Journal.
 */
export function postSlack(url: string, text: string): Delivery {
  try {
    const response = UrlFetchApp.fetch(url, {
      method: 'post',
      contentType: 'application/json',
      payload: JSON.stringify({ text }),
      muteHttpExceptions: true,
    });
    const code = response.getResponseCode();
    if (code >= 200 && code < 300) return { ok: true, id: `slack:${code}` };
    return { ok: false, error: redactWebhook(`Slack answered HTTP ${code}: ${response.getContentText().slice(0, 120)}`, url) };
  } catch (error) {
    return { ok: false, error: redactWebhook(`Slack post failed: ${message(error)}`, url) };
  }
}
