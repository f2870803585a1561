import { FakeContext, type AuthMode } from './auth-mode';

export interface ClockSchedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  onWeekDay?: string;
  timeZone?: string;
}

export class FakeTrigger {
  constructor(
    private readonly id: string,
    private readonly handler: string,
    readonly userEmail: string,
    /** Fake-only: what the builder asked for, for tests to assert. */
    readonly schedule: Readonly<ClockSchedule>,
    /** Fake-only: the document the trigger was created in (an add-on's triggers are per document). */
    readonly documentId: string,
  ) {}

  getUniqueId(): string {
    return this.id;
  }

  getHandlerFunction(): string {
    return this.handler;
  }

  getEventType(): 'CLOCK' {
    return 'CLOCK';
  }

  getTriggerSource(): 'CLOCK' {
    return 'CLOCK';
  }

  getTriggerSourceId(): null {
    return null;
  }
}

/**
 * Installed triggers of this project for every user and every document (an add-on is one
 * project used in many documents), shared by every execution. `triggers` lists this world's
 * document's triggers only; `all` includes the other documents'.
 */
export class TriggerStore {
  readonly all: FakeTrigger[] = [];
  private nextId = 1;

  constructor(readonly documentId: string) {}

  /** The triggers created in this world's spreadsheet (every user's). */
  get triggers(): FakeTrigger[] {
    return this.all.filter((t) => t.documentId === this.documentId);
  }

  newId(): string {
    return String(this.nextId++);
  }

  /** Fake-only: a trigger this project holds in another document, e.g. the same user's other spreadsheet. */
  installElsewhere(handler: string, userEmail: string, documentId: string, schedule: ClockSchedule = { everyDays: 1, atHour: 7 }): FakeTrigger {
    const trigger = new FakeTrigger(this.newId(), handler, userEmail, schedule, documentId);
    this.all.push(trigger);
    return trigger;
  }

  remove(id: string): void {
    const index = this.all.findIndex((t) => t.getUniqueId() === id);
    if (index >= 0) this.all.splice(index, 1);
  }
}

export type AuthorizationStatus = 'REQUIRED' | 'NOT_REQUIRED';

/** ScriptApp.getAuthorizationInfo's answer: REQUIRED while the user has not granted every manifest scope. */
export class FakeAuthorizationInfo {
  constructor(
    private readonly context: FakeContext,
    private readonly missing: readonly string[],
    private readonly scriptId: string,
  ) {}

  getAuthorizationStatus(): AuthorizationStatus {
    this.context.call('AuthorizationInfo.getAuthorizationStatus');
    return this.missing.length > 0 ? 'REQUIRED' : 'NOT_REQUIRED';
  }

  /** null when no authorization is needed, as the reference says. */
  getAuthorizationUrl(): string | null {
    this.context.call('AuthorizationInfo.getAuthorizationUrl');
    return this.missing.length > 0 ? `https://script.google.com/macros/d/${this.scriptId}/authorize` : null;
  }

  getAuthorizedScopes(): string[] {
    this.context.call('AuthorizationInfo.getAuthorizedScopes');
    return [...this.context.granted()];
  }
}

const EVERY_HOURS = [1, 2, 4, 6, 8, 12];
const EVERY_MINUTES = [1, 5, 10, 15, 30];

class FakeClockTriggerBuilder {
  private readonly schedule: ClockSchedule = {};

  constructor(
    private readonly app: FakeScriptApp,
    private readonly handler: string,
  ) {}

  everyMinutes(n: number): FakeClockTriggerBuilder {
    if (!EVERY_MINUTES.includes(n)) throw new Error(`Invalid argument: minutes (${n}); use 1, 5, 10, 15 or 30.`);
    this.schedule.everyMinutes = n;
    return this;
  }

  everyHours(n: number): FakeClockTriggerBuilder {
    if (!EVERY_HOURS.includes(n)) throw new Error(`Invalid argument: hours (${n}); use 1, 2, 4, 6, 8 or 12.`);
    this.schedule.everyHours = n;
    return this;
  }

  everyDays(n: number): FakeClockTriggerBuilder {
    if (!Number.isInteger(n) || n < 1) throw new Error(`Invalid argument: days (${n})`);
    this.schedule.everyDays = n;
    return this;
  }

  everyWeeks(n: number): FakeClockTriggerBuilder {
    if (!Number.isInteger(n) || n < 1) throw new Error(`Invalid argument: weeks (${n})`);
    this.schedule.everyWeeks = n;
    return this;
  }

  /** The hour is honoured only roughly: Google runs the trigger at a random minute of it. */
  atHour(hour: number): FakeClockTriggerBuilder {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new Error(`Invalid argument: hour (${hour})`);
    this.schedule.atHour = hour;
    return this;
  }

  nearMinute(minute: number): FakeClockTriggerBuilder {
    this.schedule.nearMinute = minute;
    return this;
  }

  onWeekDay(day: string): FakeClockTriggerBuilder {
    this.schedule.onWeekDay = day;
    return this;
  }

  /** An IANA zone such as "America/New_York"; atHour is then that zone's hour, not the script's. */
  inTimezone(timeZone: string): FakeClockTriggerBuilder {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
    } catch {
      throw new Error(`Invalid argument: timezone (${timeZone})`);
    }
    this.schedule.timeZone = timeZone;
    return this;
  }

  create(): FakeTrigger {
    return this.app.install(this.handler, { ...this.schedule });
  }
}

class FakeTriggerBuilder {
  constructor(
    private readonly app: FakeScriptApp,
    private readonly handler: string,
  ) {}

  timeBased(): FakeClockTriggerBuilder {
    return new FakeClockTriggerBuilder(this.app, this.handler);
  }
}

/**
 * ScriptApp for an editor add-on: at most one time-driven trigger per user per document, and
 * none more often than hourly (Google's add-on trigger restrictions). getProjectTriggers lists
 * the user's triggers of this project in *every* document; getUserTriggers(ss) lists the
 * user's triggers in that spreadsheet but, assuming the worst, not clock triggers (the
 * reference does not promise them: a clock trigger has no source document).
 */
export class FakeScriptApp {
  readonly AuthMode: Readonly<Record<AuthMode, AuthMode>> = { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' };
  readonly AuthorizationStatus: Readonly<Record<AuthorizationStatus, AuthorizationStatus>> = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' };
  readonly EventType = { CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT', ON_FORM_SUBMIT: 'ON_FORM_SUBMIT', ON_CHANGE: 'ON_CHANGE' } as const;
  readonly WeekDay = {
    MONDAY: 'MONDAY',
    TUESDAY: 'TUESDAY',
    WEDNESDAY: 'WEDNESDAY',
    THURSDAY: 'THURSDAY',
    FRIDAY: 'FRIDAY',
    SATURDAY: 'SATURDAY',
    SUNDAY: 'SUNDAY',
  } as const;

  constructor(
    private readonly store: TriggerStore,
    private readonly userEmail: string,
    private readonly context: FakeContext,
    private readonly scriptId: string,
  ) {}

  newTrigger(functionName: string): FakeTriggerBuilder {
    this.context.call('ScriptApp.newTrigger', 'triggers');
    return new FakeTriggerBuilder(this, functionName);
  }

  /** The current user's triggers of this project, in every document. */
  getProjectTriggers(): FakeTrigger[] {
    this.context.call('ScriptApp.getProjectTriggers', 'triggers');
    return this.store.all.filter((t) => t.userEmail === this.userEmail);
  }

  /** The current user's triggers whose source is this spreadsheet: clock triggers are not among them. */
  getUserTriggers(container: { getId(): string }): FakeTrigger[] {
    this.context.call('ScriptApp.getUserTriggers', 'triggers');
    const id = container.getId();
    return this.store.all.filter((t) => t.userEmail === this.userEmail && t.documentId === id && t.getEventType() !== 'CLOCK');
  }

  deleteTrigger(trigger: FakeTrigger): void {
    this.context.call('ScriptApp.deleteTrigger', 'triggers');
    this.store.remove(trigger.getUniqueId());
  }

  /** Status and URL for the scopes the manifest lists that the user has not granted. */
  getAuthorizationInfo(authMode: AuthMode): FakeAuthorizationInfo {
    this.context.call('ScriptApp.getAuthorizationInfo');
    if (!(authMode in this.AuthMode)) throw new Error(`Invalid argument: authMode (${String(authMode)})`);
    const granted = this.context.granted();
    const missing = authMode === 'FULL' ? (this.context.manifestScopes ?? []).filter((s) => !granted.includes(s)) : [];
    return new FakeAuthorizationInfo(this.context, missing, this.scriptId);
  }

  getScriptId(): string {
    this.context.call('ScriptApp.getScriptId');
    return this.scriptId;
  }

  /** @internal called by the clock builder's create(). */
  install(handler: string, schedule: ClockSchedule): FakeTrigger {
    this.context.call('ClockTriggerBuilder.create', 'triggers');
    if (schedule.everyMinutes !== undefined) {
      throw new Error('Add-ons can not create time-based triggers that run more often than once per hour.');
    }
    if (this.store.triggers.some((t) => t.userEmail === this.userEmail && t.getEventType() === 'CLOCK')) {
      throw new Error('This add-on has created too many time-based triggers in this document for this Google user account.');
    }
    const trigger = new FakeTrigger(this.store.newId(), handler, this.userEmail, schedule, this.store.documentId);
    this.store.all.push(trigger);
    return trigger;
  }
}
