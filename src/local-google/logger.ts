/** Logger and console for the bundle's globals: both record instead of printing. */
export class FakeLogger {
  readonly lines: string[] = [];

  log(format: unknown, ...values: unknown[]): FakeLogger {
    let i = 0;
    const text = typeof format === 'string' ? format.replace(/%s/g, () => String(values[i++])) : String(format);
    this.lines.push([text, ...values.slice(i).map(String)].join(' '));
    return this;
  }

  getLog(): string {
    return this.lines.join('\n');
  }

  clear(): void {
    this.lines.length = 0;
  }
}

export interface ConsoleLine {
  level: 'log' | 'info' | 'warn' | 'error';
  text: string;
}

export class FakeConsole {
  readonly lines: ConsoleLine[] = [];

  log(...values: unknown[]): void {
    this.lines.push({ level: 'log', text: values.map(String).join(' ') });
  }

  info(...values: unknown[]): void {
    this.lines.push({ level: 'info', text: values.map(String).join(' ') });
  }

  warn(...values: unknown[]): void {
    this.lines.push({ level: 'warn', text: values.map(String).join(' ') });
  }

  error(...values: unknown[]): void {
    this.lines.push({ level: 'error', text: values.map(String).join(' ') });
  }
}
