import { FakeContext } from './auth-mode';

export type SandboxMode = 'EMULATED' | 'IFRAME' | 'NATIVE';
export type XFrameOptionsMode = 'ALLOWALL' | 'DEFAULT';

/** HtmlOutput: building one needs no authorization; showing it is the Ui's business. */
export class FakeHtmlOutput {
  private title = '';
  private width = 0;
  private height = 0;
  private sandboxMode: SandboxMode = 'IFRAME';
  private xFrameOptionsMode: XFrameOptionsMode = 'DEFAULT';
  readonly metaTags: { name: string; content: string }[] = [];

  constructor(
    private content: string,
    private readonly context: FakeContext,
  ) {}

  getContent(): string {
    this.context.call('HtmlOutput.getContent');
    return this.content;
  }

  setContent(content: string): FakeHtmlOutput {
    this.context.call('HtmlOutput.setContent');
    this.content = content;
    return this;
  }

  append(addedContent: string): FakeHtmlOutput {
    this.context.call('HtmlOutput.append');
    this.content += addedContent;
    return this;
  }

  getTitle(): string {
    this.context.call('HtmlOutput.getTitle');
    return this.title;
  }

  setTitle(title: string): FakeHtmlOutput {
    this.context.call('HtmlOutput.setTitle');
    this.title = title;
    return this;
  }

  getWidth(): number {
    this.context.call('HtmlOutput.getWidth');
    return this.width;
  }

  /** Ignored for sidebars, which are always 300 px wide. */
  setWidth(width: number): FakeHtmlOutput {
    this.context.call('HtmlOutput.setWidth');
    this.width = width;
    return this;
  }

  getHeight(): number {
    this.context.call('HtmlOutput.getHeight');
    return this.height;
  }

  setHeight(height: number): FakeHtmlOutput {
    this.context.call('HtmlOutput.setHeight');
    this.height = height;
    return this;
  }

  /** Only IFRAME exists today; the others are accepted and ignored, as Google does. */
  setSandboxMode(mode: SandboxMode): FakeHtmlOutput {
    this.context.call('HtmlOutput.setSandboxMode');
    this.sandboxMode = mode;
    return this;
  }

  getSandboxMode(): SandboxMode {
    return this.sandboxMode;
  }

  setXFrameOptionsMode(mode: XFrameOptionsMode): FakeHtmlOutput {
    this.context.call('HtmlOutput.setXFrameOptionsMode');
    this.xFrameOptionsMode = mode;
    return this;
  }

  getXFrameOptionsMode(): XFrameOptionsMode {
    return this.xFrameOptionsMode;
  }

  addMetaTag(name: string, content: string): FakeHtmlOutput {
    this.context.call('HtmlOutput.addMetaTag');
    this.metaTags.push({ name, content });
    return this;
  }
}

/** HtmlService over a map of project files: `{ Sidebar: '<html>…' }` (the `.html` is optional). */
export class FakeHtmlService {
  readonly SandboxMode: Readonly<Record<SandboxMode, SandboxMode>> = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' };
  readonly XFrameOptionsMode: Readonly<Record<XFrameOptionsMode, XFrameOptionsMode>> = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' };

  constructor(
    private readonly files: Readonly<Record<string, string>>,
    private readonly context: FakeContext,
  ) {}

  createHtmlOutput(html = ''): FakeHtmlOutput {
    this.context.call('HtmlService.createHtmlOutput');
    return new FakeHtmlOutput(html, this.context);
  }

  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    this.context.call('HtmlService.createHtmlOutputFromFile');
    const base = filename.replace(/\.html$/, '');
    const content = this.files[base] ?? this.files[`${base}.html`];
    if (content === undefined) throw new Error(`No HTML file named ${filename} was found.`);
    return new FakeHtmlOutput(content, this.context);
  }
}
