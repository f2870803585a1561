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

/** Installed triggers of one document, shared by every execution. */
export class TriggerStore {
  readonly triggers: FakeTrigger[] = [];
  private nextId = 1;

  newId(): string {
    return String(this.nextId++);
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

  inTimezone(timeZone: string): FakeClockTriggerBuilder {
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
 * none more often than hourly (Google's add-on trigger restrictions).
 */
export class FakeScriptApp {
  readonly AuthMode: Readonly<Record<AuthMode, AuthMode>> = { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' };
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

  /** The current user's triggers in this document. */
  getProjectTriggers(): FakeTrigger[] {
    this.context.call('ScriptApp.getProjectTriggers', 'triggers');
    return this.store.triggers.filter((t) => t.userEmail === this.userEmail);
  }

  getUserTriggers(container: unknown): FakeTrigger[] {
    void container;
    this.context.call('ScriptApp.getUserTriggers', 'triggers');
    return this.store.triggers.filter((t) => t.userEmail === this.userEmail);
  }

  deleteTrigger(trigger: FakeTrigger): void {
    this.context.call('ScriptApp.deleteTrigger', 'triggers');
    const index = this.store.triggers.findIndex((t) => t.getUniqueId() === trigger.getUniqueId());
    if (index >= 0) this.store.triggers.splice(index, 1);
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
    if (this.store.triggers.some((t) => t.userEmail === this.userEmail)) {
      throw new Error('This add-on has created too many time-based triggers in this document for this Google user account.');
    }
    const trigger = new FakeTrigger(this.store.newId(), handler, this.userEmail, schedule);
    this.store.triggers.push(trigger);
    return trigger;
  }
}
