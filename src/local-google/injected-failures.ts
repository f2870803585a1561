/** A queue of failures a test arms: the next `count` calls throw `message`. */
export class InjectedFailures {
  private remaining = 0;
  private message = '';

  failNext(count: number, message: string): void {
    this.remaining = count;
    this.message = message;
  }

  /** Throws when a failure is armed. */
  check(): void {
    if (this.remaining > 0) {
      this.remaining--;
      throw new Error(this.message);
    }
  }
}
