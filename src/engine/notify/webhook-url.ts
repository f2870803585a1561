/**
 * Which automation webhooks the add-on posts to, and the one check every address passes before a
 * post. Apps Script refuses any fetch the manifest's `urlFetchWhitelist` does not allow, so the
 * manifest lists exactly `manifestPrefix` of each service (test/gas/webhook-allowlist.test.ts
 * holds the two lists together); our own check is narrower and comes first, so a refused address
 * gets a message naming what is allowed instead of Google's bare "not whitelisted".
 */
export interface WebhookService {
  name: string;
  /** What the user is told to paste, as they see it in the service. */
  shown: string;
  /** The manifest's urlFetchWhitelist entry (a wildcard only as the leading subdomain). */
  manifestPrefix: string;
  /** The whole address: host (lower case) and path prefix, with something after the prefix. */
  pattern: RegExp;
}

export const WEBHOOK_SERVICES: readonly WebhookService[] = [
  { name: 'Make', shown: 'https://hook.<region>.make.com/', manifestPrefix: 'https://*.make.com/', pattern: /^https:\/\/hook\.[a-z0-9-]+\.make\.com\/[^\s?#]+/ },
  { name: 'Zapier', shown: 'https://hooks.zapier.com/hooks/catch/', manifestPrefix: 'https://hooks.zapier.com/hooks/catch/', pattern: /^https:\/\/hooks\.zapier\.com\/hooks\/catch\/[^\s?#]+/ },
  { name: 'n8n cloud', shown: 'https://<name>.app.n8n.cloud/webhook/', manifestPrefix: 'https://*.app.n8n.cloud/webhook/', pattern: /^https:\/\/[a-z0-9-]+\.app\.n8n\.cloud\/webhook\/[^\s?#]+/ },
];

/** The Slack incoming-webhook prefix (Settings `Slack Webhook`), also in the manifest. */
export const SLACK_MANIFEST_PREFIX = 'https://hooks.slack.com/';

/** Every prefix appsscript.json's urlFetchWhitelist must list, in its order. */
export const URL_FETCH_ALLOWLIST: readonly string[] = [SLACK_MANIFEST_PREFIX, ...WEBHOOK_SERVICES.map((s) => s.manifestPrefix)];

export type WebhookUrlCheck = { ok: true; url: string; service: string } | { ok: false; problem: string };

/** Scheme and host lower-cased (they are case-insensitive); the path is kept: it is case-sensitive. */
function normalized(url: string): string {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)([^/?#]*)(.*)$/.exec(url.trim());
  return m ? `${m[1].toLowerCase()}${m[2].toLowerCase()}${m[3]}` : url.trim();
}

/**
 * Accepts a Make, Zapier or n8n cloud webhook address, else says which prefixes are allowed. The
 * message never repeats the address given: a webhook URL is a secret (anyone holding it can post).
 */
export function checkWebhookUrl(url: string): WebhookUrlCheck {
  const candidate = normalized(url);
  const service = /\s/.test(candidate) ? undefined : WEBHOOK_SERVICES.find((s) => s.pattern.test(candidate));
  if (service) return { ok: true, url: candidate, service: service.name };
  return {
    ok: false,
    problem: `Settings, Webhook URL: expected a webhook address starting with ${WEBHOOK_SERVICES.map((s) => `${s.shown} (${s.name})`).join(', ')}; the address given is refused and nothing was posted.`,
  };
}

/** Removes a webhook address (and any address of the allowed services) from text bound for the Journal. */
export function redactWebhookUrl(text: string, url: string | null): string {
  let out = text;
  for (const u of url ? [url.trim(), normalized(url)] : []) if (u !== '') out = out.split(u).join('[webhook]');
  return out.replace(/https:\/\/(hook\.[a-z0-9-]+\.make\.com|hooks\.zapier\.com|[a-z0-9-]+\.app\.n8n\.cloud)\/\S*/gi, '[webhook]');
}
