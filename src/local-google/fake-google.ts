import manifest from '../../appsscript.json';
import { DEFAULT_AUTH_MODE, FakeContext, type AuthMode, type RunContext } from './auth-mode';
import { FakeCache, FakeCacheService } from './cache-service';
import type { CallLog } from './call-log';
import { FakeHtmlService } from './html-service';
import { FakeLockService, LockTable } from './lock-service';
import { FakeConsole, FakeLogger } from './logger';
import { FakeMailApp } from './mail-app';
import { FakeProperties, FakePropertiesService } from './properties-service';
import { ScopedStores } from './scoped-stores';
import { FakeScriptApp, TriggerStore } from './script-app';
import { FakeSession } from './session';
import { InMemorySpreadsheet, type InMemorySpreadsheetOptions } from './spreadsheet';
import { FakeSpreadsheetApp } from './spreadsheet-app';
import { FakeUi } from './ui';
import { FakeUrlFetchApp } from './url-fetch-app';
import { FakeUtilities } from './utilities';

export interface FakeGoogleOptions {
  /** A spreadsheet to bind to, or the options to create one. */
  spreadsheet?: InMemorySpreadsheet | InMemorySpreadsheetOptions;
  /** The first execution's user. Default `owner@example.com`. */
  userEmail?: string;
  /** Default '' : Google often withholds the active user's address. */
  activeUserEmail?: string;
  /** The script's (manifest's) time zone; may differ from the spreadsheet's. */
  scriptTimeZone?: string;
  /** Project HTML files for HtmlService.createHtmlOutputFromFile, by name. */
  htmlFiles?: Record<string, string>;
  /** Email recipients left today (100 on a consumer account). */
  mailDailyQuota?: number;
  /** The manifest's urlFetchWhitelist; omit to allow every URL. */
  urlFetchWhitelist?: readonly string[];
  /** Default: what the first execution's context implies (FULL for a menu item). */
  authMode?: AuthMode;
  /** Where the first execution comes from. Default 'menu'. */
  runContext?: RunContext;
  /**
   * The manifest's oauthScopes: every call checks its scope against them, with Google's error.
   * Default: the scopes appsscript.json ships. `null` checks none.
   */
  oauthScopes?: readonly string[] | null;
  /** The scopes the user has granted (default: all the manifest lists); fewer models an update that added a scope. */
  grantedScopes?: readonly string[];
  /** False for a standalone script: no document lock, no document properties. */
  inDocument?: boolean;
  /** The clock the cache's time to live runs on. */
  now?: () => Date;
  scriptId?: string;
}

/** The globals one Apps Script execution sees, ready to inject into a vm context. */
export interface FakeGlobals {
  SpreadsheetApp: FakeSpreadsheetApp;
  LockService: FakeLockService;
  PropertiesService: FakePropertiesService;
  CacheService: FakeCacheService;
  HtmlService: FakeHtmlService;
  Session: FakeSession;
  MailApp: FakeMailApp;
  ScriptApp: FakeScriptApp;
  UrlFetchApp: FakeUrlFetchApp;
  Utilities: FakeUtilities;
  Logger: FakeLogger;
  console: FakeConsole;
}

/** One simulated run of the script, by one user; its locks go when it ends. */
export interface FakeExecution {
  readonly id: number;
  readonly userEmail: string;
  readonly globals: FakeGlobals;
  end(): void;
}

/**
 * One world of fakes around one spreadsheet: the globals of its first execution, plus the
 * recorders a test inspects (`calls`, `ui.menus`, `mail.sent`, `urlFetch.requests`, ...).
 */
export interface FakeGoogle {
  readonly context: FakeContext;
  readonly calls: CallLog;
  readonly spreadsheet: InMemorySpreadsheet;
  readonly ui: FakeUi;
  readonly mail: FakeMailApp;
  readonly urlFetch: FakeUrlFetchApp;
  readonly triggers: TriggerStore;
  readonly properties: ScopedStores<FakeProperties>;
  readonly locks: LockTable;
  readonly logger: FakeLogger;
  readonly console: FakeConsole;
  readonly utilities: FakeUtilities;
  readonly htmlService: FakeHtmlService;
  readonly caches: ScopedStores<FakeCache>;
  /** The first execution (the one `globals` belongs to). */
  readonly execution: FakeExecution;
  readonly globals: FakeGlobals;
  /**
   * Another execution over the same world, e.g. a second user or a concurrent trigger run, in
   * its own run context (default: the world's current one); `end()` puts the previous context back.
   */
  startExecution(options?: ExecutionOptions): FakeExecution;
  setAuthMode(mode: AuthMode): void;
  /** The context (and its default auth mode) later calls run in. */
  setRunContext(run: RunContext, authMode?: AuthMode): void;
}

export interface ExecutionOptions {
  userEmail?: string;
  context?: RunContext;
  authMode?: AuthMode;
}

export function createFakeGoogle(options: FakeGoogleOptions = {}): FakeGoogle {
  const given = options.spreadsheet;
  const context = given instanceof InMemorySpreadsheet ? given.context : new FakeContext();
  context.run = options.runContext ?? (options.authMode === 'CUSTOM_FUNCTION' ? 'customFunction' : 'menu');
  context.authMode = options.authMode ?? DEFAULT_AUTH_MODE[context.run];
  context.manifestScopes = options.oauthScopes === undefined ? manifest.oauthScopes : options.oauthScopes;
  context.grantedScopes = options.grantedScopes ?? null;
  const spreadsheet = given instanceof InMemorySpreadsheet ? given : new InMemorySpreadsheet(given, context);
  const inDocument = options.inDocument ?? true;
  const scriptTimeZone = options.scriptTimeZone ?? 'America/New_York';
  const now = options.now ?? (() => new Date());

  const ui = new FakeUi(context);
  const spreadsheetApp = new FakeSpreadsheetApp(spreadsheet, ui);
  const mail = new FakeMailApp(context, options.mailDailyQuota ?? 100);
  const urlFetch = new FakeUrlFetchApp(context, options.urlFetchWhitelist);
  const triggers = new TriggerStore(spreadsheet.idRaw());
  const properties = new ScopedStores(() => new FakeProperties(context));
  const locks = new LockTable();
  const logger = new FakeLogger();
  const fakeConsole = new FakeConsole();
  const utilities = new FakeUtilities(context);
  const htmlService = new FakeHtmlService(options.htmlFiles ?? {}, context);
  const caches = new ScopedStores(() => new FakeCache(context, now));
  let nextExecution = 1;

  const startExecution = (opts: ExecutionOptions = {}): FakeExecution => {
    const id = nextExecution++;
    const before = { run: context.run, authMode: context.authMode };
    if (opts.context) {
      context.run = opts.context;
      context.authMode = opts.authMode ?? DEFAULT_AUTH_MODE[opts.context];
    } else if (opts.authMode) context.authMode = opts.authMode;
    const userEmail = opts.userEmail ?? options.userEmail ?? 'owner@example.com';
    const globals: FakeGlobals = {
      SpreadsheetApp: spreadsheetApp,
      LockService: new FakeLockService(locks, id, userEmail, context, inDocument),
      PropertiesService: new FakePropertiesService(properties, userEmail, context, inDocument),
      CacheService: new FakeCacheService(caches, userEmail, context),
      HtmlService: htmlService,
      Session: new FakeSession(context, userEmail, options.activeUserEmail ?? '', scriptTimeZone),
      MailApp: mail,
      ScriptApp: new FakeScriptApp(triggers, userEmail, context, options.scriptId ?? 'fake-script-id'),
      UrlFetchApp: urlFetch,
      Utilities: utilities,
      Logger: logger,
      console: fakeConsole,
    };
    const end = () => {
      locks.releaseAll(id);
      if (opts.context || opts.authMode) Object.assign(context, before);
    };
    return { id, userEmail, globals, end };
  };

  const execution = startExecution();
  return {
    context,
    calls: context.calls,
    spreadsheet,
    ui,
    mail,
    urlFetch,
    triggers,
    properties,
    locks,
    logger,
    console: fakeConsole,
    utilities,
    htmlService,
    caches,
    execution,
    globals: execution.globals,
    startExecution,
    setAuthMode: (mode) => {
      context.authMode = mode;
    },
    setRunContext: (run, authMode) => {
      context.run = run;
      context.authMode = authMode ?? DEFAULT_AUTH_MODE[run];
    },
  };
}
