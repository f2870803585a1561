import { FakeContext } from './auth-mode';
import { InjectedFailures } from './injected-failures';

export interface MailMessage {
  to: string;
  subject: string;
  body?: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  cc?: string;
  bcc?: string;
  noReply?: boolean;
}

export type MailOptions = Omit<MailMessage, 'to' | 'subject' | 'body'>;

/** Recipients as the quota counts them: every address in to, cc and bcc. */
function recipientCount(message: MailMessage): number {
  return [message.to, message.cc, message.bcc]
    .flatMap((list) => (list ?? '').split(','))
    .filter((address) => address.trim() !== '').length;
}

/**
 * A recording MailApp. The daily quota counts recipients (100 a day on a consumer account,
 * 1,500 on Workspace); `failNextSends` makes the next sends throw, as a mail outage would.
 */
export class FakeMailApp {
  readonly sent: MailMessage[] = [];
  private readonly failures = new InjectedFailures();

  constructor(
    private readonly context: FakeContext,
    private remainingQuota = 100,
  ) {}

  sendEmail(message: MailMessage): void;
  sendEmail(recipient: string, subject: string, body: string, options?: MailOptions): void;
  sendEmail(messageOrTo: MailMessage | string, subject?: string, body?: string, options: MailOptions = {}): void {
    this.context.call('MailApp.sendEmail', 'mail');
    const message: MailMessage =
      typeof messageOrTo === 'string' ? { ...options, to: messageOrTo, subject: subject ?? '', body: body ?? '' } : { ...messageOrTo };
    const recipients = recipientCount(message);
    if (recipients === 0) throw new Error('Failed to send email: no recipient');
    if (message.subject === undefined) throw new Error('Invalid argument: subject');
    if (recipients > this.remainingQuota) throw new Error('Service invoked too many times for one day: email.');
    this.failures.check();
    this.remainingQuota -= recipients;
    this.sent.push(message);
  }

  getRemainingDailyQuota(): number {
    this.context.call('MailApp.getRemainingDailyQuota', 'mail');
    return this.remainingQuota;
  }

  failNextSends(count: number, message = 'Service unavailable: Gmail'): void {
    this.failures.failNext(count, message);
  }
}
