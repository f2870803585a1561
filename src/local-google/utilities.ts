import { FakeContext } from './auth-mode';
import { formatDate } from './time-zone';

/** Utilities: formatDate through Intl, a sleep that only records, and predictable UUIDs. */
export class FakeUtilities {
  readonly sleeps: number[] = [];
  private uuids = 0;

  constructor(private readonly context: FakeContext) {}

  formatDate(date: Date, timeZone: string, format: string): string {
    this.context.call('Utilities.formatDate');
    return formatDate(date, timeZone, format);
  }

  sleep(milliseconds: number): void {
    this.context.call('Utilities.sleep');
    this.sleeps.push(milliseconds);
  }

  /** 00000000-0000-4000-8000-000000000001, …02, … : tests can pin ids. */
  getUuid(): string {
    this.context.call('Utilities.getUuid');
    this.uuids++;
    return `00000000-0000-4000-8000-${String(this.uuids).padStart(12, '0')}`;
  }
}
