import { FakeContext } from './auth-mode';

/** Who holds which lock, across every simulated execution of one world. */
export class LockTable {
  private readonly holders = new Map<string, number>();

  holder(key: string): number | undefined {
    return this.holders.get(key);
  }

  acquire(key: string, execution: number): boolean {
    const current = this.holders.get(key);
    if (current !== undefined && current !== execution) return false;
    this.holders.set(key, execution);
    return true;
  }

  release(key: string, execution: number): void {
    if (this.holders.get(key) === execution) this.holders.delete(key);
  }

  /** Apps Script releases an execution's locks when it ends. */
  releaseAll(execution: number): void {
    for (const [key, holder] of this.holders) if (holder === execution) this.holders.delete(key);
  }
}

/**
 * One execution's view of a lock. Executions are explicit (a number) so a test can play two
 * concurrent callers: while execution 1 holds the document lock, execution 2's tryLock returns
 * false and its waitLock throws. Time never passes in the fake: the timeout is not waited out.
 */
export class FakeLock {
  constructor(
    private readonly table: LockTable,
    private readonly key: string,
    private readonly execution: number,
    private readonly context: FakeContext,
  ) {}

  tryLock(timeoutInMillis: number): boolean {
    void timeoutInMillis;
    this.context.call('Lock.tryLock', 'storage');
    return this.table.acquire(this.key, this.execution);
  }

  waitLock(timeoutInMillis: number): void {
    void timeoutInMillis;
    this.context.call('Lock.waitLock', 'storage');
    if (!this.table.acquire(this.key, this.execution)) {
      throw new Error('Lock timeout: another process was holding the lock for too long.');
    }
  }

  /** No effect when this execution does not hold it. */
  releaseLock(): void {
    this.context.call('Lock.releaseLock', 'storage');
    this.table.release(this.key, this.execution);
  }

  hasLock(): boolean {
    this.context.call('Lock.hasLock', 'storage');
    return this.table.holder(this.key) === this.execution;
  }
}

export class FakeLockService {
  constructor(
    private readonly table: LockTable,
    private readonly execution: number,
    private readonly userEmail: string,
    private readonly context: FakeContext,
    /** False for a standalone script: getDocumentLock returns null outside a document. */
    private readonly inDocument: boolean,
  ) {}

  getDocumentLock(): FakeLock | null {
    this.context.call('LockService.getDocumentLock', 'storage');
    return this.inDocument ? new FakeLock(this.table, 'document', this.execution, this.context) : null;
  }

  getScriptLock(): FakeLock {
    this.context.call('LockService.getScriptLock', 'storage');
    return new FakeLock(this.table, 'script', this.execution, this.context);
  }

  getUserLock(): FakeLock {
    this.context.call('LockService.getUserLock', 'storage');
    return new FakeLock(this.table, `user:${this.userEmail}`, this.execution, this.context);
  }
}
