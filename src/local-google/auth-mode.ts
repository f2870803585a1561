import { CallLog } from './call-log';

/**
 * The authorization an Apps Script execution runs with (ScriptApp.AuthMode). Editor add-ons
 * run `onOpen` and the bundle's top-level code in NONE or LIMITED; custom functions run with
 * no authorization at all (CUSTOM_FUNCTION); menu items, triggers and google.script.run in FULL.
 */
export type AuthMode = 'NONE' | 'CUSTOM_FUNCTION' | 'LIMITED' | 'FULL';

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

/** Shared by every fake of one world: the call log and the current authorization. */
export class FakeContext {
  readonly calls = new CallLog();
  authMode: AuthMode;

  constructor(authMode: AuthMode = 'FULL') {
    this.authMode = authMode;
  }

  /** Count the call, then refuse it the way Google does if the mode does not allow it. */
  call(api: string, needs?: Capability): void {
    this.calls.record(api);
    if (needs && !ALLOWED[this.authMode].includes(needs)) {
      throw new Error(`You do not have permission to call ${api}. (fake: not allowed in auth mode ${this.authMode})`);
    }
  }
}
