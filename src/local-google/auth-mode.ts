import { CallLog } from './call-log';
import { AUTHORIZATION_REQUIRED_MESSAGE, missingScopeMessage, scopesFor } from './scopes';

/**
 * The authorization an Apps Script execution runs with (ScriptApp.AuthMode). Editor add-ons
 * run `onOpen` and the bundle's top-level code in NONE or LIMITED; custom functions run with
 * no authorization at all (CUSTOM_FUNCTION); menu items, triggers and google.script.run in FULL.
 */
export type AuthMode = 'NONE' | 'CUSTOM_FUNCTION' | 'LIMITED' | 'FULL';

/**
 * Where an execution came from, which decides what it may do beyond its AuthMode:
 * - `menu`: a menu item (or the script editor): FULL, with the spreadsheet's UI.
 * - `sidebar`: a google.script.run call from the sidebar: FULL, the UI is there.
 * - `timeDriven`: an installable clock trigger: FULL, but no UI ("Cannot call
 *   SpreadsheetApp.getUi() from this context.").
 * - `customFunction`: a formula cell: CUSTOM_FUNCTION, read-only, no UI.
 * - `onOpen`: the simple trigger: NONE (add-on not yet used in this document) or LIMITED.
 */
export type RunContext = 'menu' | 'sidebar' | 'timeDriven' | 'customFunction' | 'onOpen';

export const DEFAULT_AUTH_MODE: Record<RunContext, AuthMode> = {
  menu: 'FULL',
  sidebar: 'FULL',
  timeDriven: 'FULL',
  customFunction: 'CUSTOM_FUNCTION',
  onOpen: 'NONE',
};

/** What a call needs; each fake method names one. */
export type Capability =
  | 'readDocument'
  | 'writeDocument'
  | 'menus'
  | 'showUi'
  | 'storage'
  | 'mail'
  | 'triggers'
  | 'urlFetch';

/**
 * From Google's "Authorization modes" table for editor add-ons and the custom-function service
 * list (see /work/shared/APPS_SCRIPT.md): NONE may only build menus; LIMITED reads and writes
 * the document and Properties but may not fetch URLs or open UI; custom functions read the
 * document, Properties/Cache/Lock and URL Fetch, but never write, mail, schedule or show UI.
 */
const ALLOWED: Record<AuthMode, readonly Capability[]> = {
  NONE: ['menus'],
  CUSTOM_FUNCTION: ['readDocument', 'storage', 'urlFetch'],
  LIMITED: ['readDocument', 'writeDocument', 'menus', 'storage'],
  FULL: ['readDocument', 'writeDocument', 'menus', 'showUi', 'storage', 'mail', 'triggers', 'urlFetch'],
};

const NO_UI = 'Cannot call SpreadsheetApp.getUi() from this context.';

/**
 * Shared by every fake of one world: the call log, the current execution's run context and
 * authorization, the scopes the manifest lists and the scopes the user has granted.
 */
export class FakeContext {
  readonly calls = new CallLog();
  authMode: AuthMode;
  run: RunContext = 'menu';
  /** The manifest's oauthScopes; null checks no scope (a fake used outside any manifest). */
  manifestScopes: readonly string[] | null = null;
  /** What the user consented to; null means everything the manifest lists. */
  grantedScopes: readonly string[] | null = null;

  constructor(authMode: AuthMode = 'FULL') {
    this.authMode = authMode;
  }

  granted(): readonly string[] {
    return this.grantedScopes ?? this.manifestScopes ?? [];
  }

  /** Count the call, then refuse it the way Google does if the context, mode or scopes do not allow it. */
  call(api: string, needs?: Capability): void {
    this.calls.record(api);
    if (api === 'SpreadsheetApp.getUi' && (this.run === 'timeDriven' || this.run === 'customFunction')) throw new Error(NO_UI);
    if (needs && !ALLOWED[this.authMode].includes(needs)) {
      throw new Error(`You do not have permission to call ${api}. (fake: not allowed in auth mode ${this.authMode}, ${this.run} context)`);
    }
    // Custom functions and NONE run without any authorization: their limits are the mode's.
    if (this.manifestScopes === null || this.authMode === 'NONE' || this.authMode === 'CUSTOM_FUNCTION') return;
    const scopes = scopesFor(api);
    if (scopes === undefined) throw new Error(`fake: ${api} is not in src/local-google/scopes.ts; add its scope from Google's reference`);
    if (scopes.length === 0) return;
    if (!scopes.some((s) => this.manifestScopes!.includes(s))) throw new Error(missingScopeMessage(api, scopes));
    if (!scopes.some((s) => this.granted().includes(s))) throw new Error(AUTHORIZATION_REQUIRED_MESSAGE);
  }
}
