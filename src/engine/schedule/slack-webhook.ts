/** Slack incoming webhooks live under this prefix; the manifest's urlFetchWhitelist allows only it. */
export const SLACK_WEBHOOK_PREFIX = 'https://hooks.slack.com/';

/**
 * Null when `url` is a Slack incoming-webhook address, else a message naming the setting. The
 * message never repeats the address: a webhook URL is a secret (anyone holding it can post).
 */
export function slackWebhookProblem(url: string): string | null {
  const trimmed = url.trim();
  if (trimmed.startsWith(SLACK_WEBHOOK_PREFIX) && trimmed.length > SLACK_WEBHOOK_PREFIX.length && !/\s/.test(trimmed)) return null;
  return `Settings, Slack Webhook: expected a Slack incoming-webhook address starting with ${SLACK_WEBHOOK_PREFIX}; the address given is refused and nothing was posted.`;
}

/** Removes a webhook address from text (an error from the fetch service may quote it). */
export function redactWebhook(text: string, url: string | null): string {
  let out = text;
  if (url && url.trim() !== '') out = out.split(url.trim()).join('[Slack webhook]');
  return out.replace(/https:\/\/hooks\.slack\.com\/\S*/g, '[Slack webhook]');
}
