/** Usage lines and `--help` pages, written from the commands' tables (./args). */
import { allFlags, type CommandSpec, type FlagSpec } from './args';

function flagUsage(f: FlagSpec): string {
  return f.kind === null ? `--${f.name}` : `--${f.name} ${f.kind.metavar}`;
}

/** One line with every positional, flag and accepted value: `rebalance plan <workbook> [--json] ...`. */
export function synopsis(command: CommandSpec): string {
  const positionals = command.positionals.map((p) => (p.required ? p.metavar : `[${p.metavar}]`));
  const flags = command.flags.map((f) => {
    const text = flagUsage(f);
    const repeat = f.kind !== null && f.repeatable ? '...' : '';
    return f.kind !== null && f.required ? `${text}${repeat}` : `[${text}]${repeat}`;
  });
  return ['rebalance', command.name, ...positionals, ...flags].join(' ');
}

const COLUMN = 28;

function row(left: string, help: string): string[] {
  if (left.length + 2 > COLUMN) return [`  ${left}`, `  ${' '.repeat(COLUMN)}${help}`];
  return [`  ${left.padEnd(COLUMN)}${help}`];
}

/** `rebalance <command> --help`. */
export function helpText(command: CommandSpec): string {
  const lines = [`Usage: ${synopsis(command)}`, '', `${command.summary.charAt(0).toUpperCase()}${command.summary.slice(1)}.`, ''];
  if (command.positionals.length > 0) {
    for (const p of command.positionals) lines.push(...row(p.metavar, `${p.help}${p.required ? '' : ' (optional)'}`));
    lines.push('');
  }
  lines.push('Options:');
  for (const f of allFlags(command)) {
    const notes: string[] = [];
    if (f.kind !== null && f.kind.choices && f.kind.metavar !== f.kind.choices.join('|')) notes.push(`one of ${f.kind.choices.join(', ')}`);
    if (f.kind !== null && f.repeatable) notes.push('may be repeated');
    if (f.kind !== null && f.required) notes.push('required');
    lines.push(...row(flagUsage(f), notes.length > 0 ? `${f.help} (${notes.join('; ')})` : f.help));
  }
  if (command.notes && command.notes.length > 0) lines.push('', ...command.notes);
  return lines.join('\n');
}

/** `rebalance --help`: every command, one line each, then every command's full usage line. */
export function overview(commands: readonly CommandSpec[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    'Usage: rebalance <command> [arguments] [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    ...commands.map((c) => `  ${synopsis(c)}`),
    '',
    '"rebalance <command> --help" explains each option and the values it accepts.',
  ].join('\n');
}
