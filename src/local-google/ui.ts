import { FakeContext } from './auth-mode';

export type Button = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';
export type ButtonSet = 'OK' | 'OK_CANCEL' | 'YES_NO' | 'YES_NO_CANCEL';

const BUTTON_SETS: Record<ButtonSet, readonly Button[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; caption: string; entries: MenuEntry[] };

export interface RecordedMenu {
  /** `addon` menus live under Extensions > (add-on name); `menu` menus sit in the menu bar. */
  kind: 'menu' | 'addon';
  caption: string;
  entries: MenuEntry[];
}

export interface DialogRequest {
  kind: 'alert' | 'prompt';
  title: string;
  message: string;
  buttons: ButtonSet;
}

export interface DialogAnswer {
  button: Button;
  text?: string;
}

/** What a test scripts in place of the user: default, the first button and no text. */
export type DialogResponder = (request: DialogRequest) => DialogAnswer;

/** Anything with HtmlOutput's getters (our FakeHtmlOutput, or a test's stand-in). */
export interface ShowableHtml {
  getContent(): string;
  getTitle(): string;
  getWidth?(): number;
  getHeight?(): number;
}

export interface ShownHtml {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  content: string;
  /** The width Sheets really uses: a sidebar is always 300 px, whatever setWidth said. */
  width: number;
  /** A dialog's height (setHeight, else Apps Script's default); a sidebar's is the window's. */
  height?: number;
}

class FakeMenu {
  readonly entries: MenuEntry[] = [];

  constructor(
    private readonly ui: FakeUi,
    private readonly kind: RecordedMenu['kind'],
    readonly caption: string,
  ) {}

  addItem(caption: string, functionName: string): FakeMenu {
    this.ui.context.call('Menu.addItem', 'menus');
    this.entries.push({ kind: 'item', caption, functionName });
    return this;
  }

  addSeparator(): FakeMenu {
    this.ui.context.call('Menu.addSeparator', 'menus');
    this.entries.push({ kind: 'separator' });
    return this;
  }

  addSubMenu(menu: FakeMenu): FakeMenu {
    this.ui.context.call('Menu.addSubMenu', 'menus');
    this.entries.push({ kind: 'submenu', caption: menu.caption, entries: menu.entries });
    return this;
  }

  addToUi(): void {
    this.ui.context.call('Menu.addToUi', 'menus');
    this.ui.menus.push({ kind: this.kind, caption: this.caption, entries: this.entries });
  }
}

class FakePromptResponse {
  constructor(
    private readonly text: string,
    private readonly button: Button,
  ) {}

  getResponseText(): string {
    return this.text;
  }

  getSelectedButton(): Button {
    return this.button;
  }
}

/** SpreadsheetApp.getUi(): records menus, sidebars, dialogs; answers alerts through a responder. */
export class FakeUi {
  readonly Button: Readonly<Record<Button, Button>> = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' };
  readonly ButtonSet: Readonly<Record<ButtonSet, ButtonSet>> = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' };
  readonly menus: RecordedMenu[] = [];
  readonly shown: ShownHtml[] = [];
  readonly dialogs: DialogRequest[] = [];
  responder: DialogResponder = (request) => ({ button: BUTTON_SETS[request.buttons][0], text: '' });

  constructor(readonly context: FakeContext) {}

  createMenu(caption: string): FakeMenu {
    this.context.call('Ui.createMenu', 'menus');
    return new FakeMenu(this, 'menu', caption);
  }

  createAddonMenu(): FakeMenu {
    this.context.call('Ui.createAddonMenu', 'menus');
    return new FakeMenu(this, 'addon', '(add-on)');
  }

  showSidebar(html: ShowableHtml): void {
    this.context.call('Ui.showSidebar', 'showUi');
    this.shown.push({ kind: 'sidebar', title: html.getTitle(), content: html.getContent(), width: 300 });
  }

  showModalDialog(html: ShowableHtml, title: string): void {
    this.context.call('Ui.showModalDialog', 'showUi');
    this.shown.push({ kind: 'modal', title, content: html.getContent(), width: html.getWidth?.() ?? 600, height: html.getHeight?.() ?? 400 });
  }

  showModelessDialog(html: ShowableHtml, title: string): void {
    this.context.call('Ui.showModelessDialog', 'showUi');
    this.shown.push({ kind: 'modeless', title, content: html.getContent(), width: html.getWidth?.() ?? 600, height: html.getHeight?.() ?? 400 });
  }

  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons) */
  alert(a: string, b?: string, c?: ButtonSet): Button {
    this.context.call('Ui.alert', 'showUi');
    return this.ask('alert', a, b, c).button;
  }

  /** prompt(prompt) | prompt(prompt, buttons) | prompt(title, prompt, buttons) */
  prompt(a: string, b?: string, c?: ButtonSet): FakePromptResponse {
    this.context.call('Ui.prompt', 'showUi');
    const answer = this.ask('prompt', a, b, c);
    return new FakePromptResponse(answer.text ?? '', answer.button);
  }

  private ask(kind: DialogRequest['kind'], a: string, b?: string, c?: ButtonSet): DialogAnswer {
    let request: DialogRequest;
    if (c !== undefined) request = { kind, title: a, message: b ?? '', buttons: c };
    else if (b !== undefined && b in BUTTON_SETS) request = { kind, title: '', message: a, buttons: b as ButtonSet };
    else if (b !== undefined) request = { kind, title: a, message: b, buttons: 'OK' };
    else request = { kind, title: '', message: a, buttons: 'OK' };
    this.dialogs.push(request);
    const answer = this.responder(request);
    if (!BUTTON_SETS[request.buttons].includes(answer.button)) {
      throw new Error(`fake Ui: responder answered ${answer.button}, not one of ${request.buttons}`);
    }
    return answer;
  }
}
