/**
 * Counts every call made to a fake Google service, by `Service.method` name, so a test can pin
 * batching ("one getValues per tab") and prove that loading the bundle touches no service.
 */
export class CallLog {
  private readonly counts = new Map<string, number>();

  record(api: string): void {
    this.counts.set(api, (this.counts.get(api) ?? 0) + 1);
  }

  /** Calls of one API, e.g. `count('Range.getValues')`. */
  count(api: string): number {
    return this.counts.get(api) ?? 0;
  }

  total(): number {
    let n = 0;
    for (const c of this.counts.values()) n += c;
    return n;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  reset(): void {
    this.counts.clear();
  }
}
