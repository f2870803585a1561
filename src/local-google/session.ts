import { FakeContext } from './auth-mode';

export class FakeUser {
  constructor(private readonly email: string) {}

  getEmail(): string {
    return this.email;
  }
}

/**
 * Session for one execution. The active user's email is often "" for consumer accounts and in
 * simple triggers, so it is set apart from the effective user.
 */
export class FakeSession {
  constructor(
    private readonly context: FakeContext,
    private readonly effectiveUserEmail: string,
    private readonly activeUserEmail: string,
    private readonly scriptTimeZone: string,
  ) {}

  getEffectiveUser(): FakeUser {
    this.context.call('Session.getEffectiveUser');
    return new FakeUser(this.effectiveUserEmail);
  }

  getActiveUser(): FakeUser {
    this.context.call('Session.getActiveUser');
    return new FakeUser(this.activeUserEmail);
  }

  getScriptTimeZone(): string {
    this.context.call('Session.getScriptTimeZone');
    return this.scriptTimeZone;
  }

  getActiveUserLocale(): string {
    this.context.call('Session.getActiveUserLocale');
    return 'en';
  }

  getTemporaryActiveUserKey(): string {
    this.context.call('Session.getTemporaryActiveUserKey');
    return `temp-key-${this.effectiveUserEmail}`;
  }
}
