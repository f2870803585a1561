/**
 * The command line's one mechanism. Every command declares its positionals and flags in one table
 * (a `CommandSpec`); the parser, the "did you mean --json?" suggestions, the usage line and
 * `rebalance <command> --help` are all read from that table, so they cannot disagree.
 *
 * Adding a command (e.g. `rebalance washes`):
 *   1. Write src/cli/commands/washes.ts exporting
 *        export const command: CommandSpec = {
 *          name: 'washes',
 *          summary: 'every wash sale the history holds, and whether the tabs record it',
 *          positionals: [WORKBOOK],                        // from ./common-flags
 *          flags: [JSON_FLAG, AS_OF, switchFlag('fix', 'record the unrecorded ones'), OUT],
 *          run: washesCommand,                             // (args: ParsedArgs) => Promise<CommandResult>
 *        };
 *      A flag is `switchFlag(name, help)` (no value) or `valueFlag(name, kind, help, options)`;
 *      the kinds in ./flag-kinds.ts (date, amount, count, choice, text, outPath, ...) check and
 *      convert the value while parsing, so `run` only ever sees well-formed values.
 *   2. Add `washes.command` to COMMANDS in src/cli/commands/index.ts. Nothing else: usage, help,
 *      the overview and unknown-flag suggestions follow from the table. `--help` and `--debug`
 *      are added to every command.
 *   In `run`, read values with `value(args, FLAG)` (typed; the last one given), `values(args, FLAG)`
 *   for a repeatable flag and `has(args, FLAG)` for a switch (`flag`/`hasFlag` by name still work).
 *   Throw `UsageError` for a mistake the table cannot express (exit 2, with the usage line);
 *   return a `CommandResult` (./io) otherwise, or throw `CommandFailure` (exit 1, one message).
 */
import { closest } from './did-you-mean';
import type { CommandResult } from './io';

/** How a flag's value is read: what the usage shows, the accepted values, and the parse. */
export interface ValueKind<T> {
  /** Shown after the flag in usage: `YYYY-MM-DD`, `threshold|full|cash-only`, `AMOUNT`. */
  metavar: string;
  /** Every accepted value when the set is finite (listed in help, used for "did you mean"). */
  choices?: readonly string[];
  /** The value, or what was expected ("expected a date as YYYY-MM-DD; found ..."). */
  parse(text: string): Parsed<T>;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

export interface SwitchFlag {
  name: string;
  help: string;
  kind: null;
}

export interface ValueFlag<T> {
  name: string;
  help: string;
  kind: ValueKind<T>;
  /** May be given several times (`--cash A=1 --cash B=2`); otherwise once. */
  repeatable: boolean;
  /** Must be given (`apply --plan`). */
  required: boolean;
}

/** A table holds flags of many value types; the typed accessors below take the flag itself. */
export type FlagSpec = SwitchFlag | ValueFlag<unknown>;

export interface PositionalSpec {
  /** Shown in usage: `<workbook>`. */
  metavar: string;
  help: string;
  required: boolean;
  /** Said when a required one is missing: "a workbook: an .xlsx file or a folder of CSV tabs". */
  what: string;
  /** The last positional may take several values (`import <workbook> <file.csv>...`). */
  variadic?: boolean;
}

export interface CommandSpec {
  name: string;
  /** One line for the overview. */
  summary: string;
  positionals: readonly PositionalSpec[];
  flags: readonly FlagSpec[];
  /** Extra help paragraphs after the options (examples, notes). */
  notes?: readonly string[];
  run(args: ParsedArgs): Promise<CommandResult>;
}

export interface ParsedArgs {
  positionals: string[];
  /** Each given flag's text as typed (`'true'` for a switch), in order. */
  flags: Map<string, string[]>;
  /** Each given flag's values as its kind parsed them, in order. */
  values: Map<string, unknown[]>;
}

/** Thrown for a command-line mistake; the CLI prints the message and usage, exit code 2. */
export class UsageError extends Error {}

export function switchFlag(name: string, help: string): SwitchFlag {
  return { name, help, kind: null };
}

export function valueFlag<T>(name: string, kind: ValueKind<T>, help: string, options: { repeatable?: boolean; required?: boolean } = {}): ValueFlag<T> {
  return { name, help, kind, repeatable: options.repeatable ?? false, required: options.required ?? false };
}

/** The flags every command takes, whatever its table says. */
export const HELP_FLAG = switchFlag('help', 'print this help');
export const DEBUG_FLAG = switchFlag('debug', 'on an unexpected error, print the JavaScript stack too');
const UNIVERSAL: readonly FlagSpec[] = [HELP_FLAG, DEBUG_FLAG];

export function allFlags(command: Pick<CommandSpec, 'flags'>): readonly FlagSpec[] {
  return [...command.flags, ...UNIVERSAL.filter((u) => !command.flags.some((f) => f.name === u.name))];
}

/** True when argv asks for help (`--help`, `-h`), whatever else it holds. */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h' || a.startsWith('--help='));
}

/**
 * Parses argv against a command's table: `--flag`, `--key value`, `--key=value`, `--` ends the
 * flags. Any unknown flag, missing or malformed value, repeated single flag, missing required
 * flag or positional, or extra positional is a UsageError naming it; `others` (every command's
 * table) lets an option of another command say so.
 */
export function parseArgs(argv: readonly string[], command: Pick<CommandSpec, 'name' | 'flags' | 'positionals'>, others: readonly Pick<CommandSpec, 'name' | 'flags'>[] = []): ParsedArgs {
  const specs = allFlags(command);
  const byName = new Map(specs.map((s) => [s.name, s]));
  const positionals: string[] = [];
  const flags = new Map<string, string[]>();
  const values = new Map<string, unknown[]>();
  const put = <K, V>(map: Map<K, V[]>, key: K, value: V) => map.set(key, [...(map.get(key) ?? []), value]);
  let flagsEnded = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (flagsEnded || !isFlagLike(arg)) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      flagsEnded = true;
      continue;
    }
    if (!arg.startsWith('--')) throw new UsageError(singleDash(arg, command, specs));
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    const spec = byName.get(name);
    if (!spec) throw new UsageError(unknownFlag(name, command, specs, others));
    if (spec.kind === null) {
      if (eq > 0) throw new UsageError(`--${name} takes no value; found "${arg}"`);
      put(flags, name, 'true');
      put(values, name, true);
      continue;
    }
    let text: string;
    if (eq > 0) text = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) text = argv[++i];
    else throw new UsageError(`--${name} needs a value: ${spec.kind.metavar}`);
    const parsed = spec.kind.parse(text);
    if (!parsed.ok) throw new UsageError(`--${name}: ${parsed.problem}`);
    const earlier = flags.get(name);
    if (earlier && !spec.repeatable && !earlier.includes(text)) {
      throw new UsageError(`--${name} is given twice ("${earlier[0]}" and "${text}"); give it once`);
    }
    if (earlier?.includes(text) && !spec.repeatable) continue;
    put(flags, name, text);
    put(values, name, parsed.value);
  }
  for (const spec of specs) {
    if (spec.kind !== null && spec.required && !flags.has(spec.name)) {
      throw new UsageError(`${command.name} needs --${spec.name} ${spec.kind.metavar}`);
    }
  }
  command.positionals.forEach((p, i) => {
    if (p.required && positionals[i] === undefined) throw new UsageError(`${command.name} needs ${p.what}`);
  });
  if (positionals.length > command.positionals.length && !command.positionals[command.positionals.length - 1]?.variadic) {
    const extra = positionals.slice(command.positionals.length);
    const takes = command.positionals.length === 0 ? 'takes no positional arguments' : `takes ${command.positionals.map((p) => p.metavar).join(' ')}`;
    throw new UsageError(`${command.name} ${takes}; found also ${extra.map((e) => `"${e}"`).join(', ')}`);
  }
  return { positionals, flags, values };
}

/** `--x`, `-x` and `--` are flags; `-5` (a negative number) and `-` are not. */
function isFlagLike(arg: string): boolean {
  return arg.startsWith('--') || /^-[A-Za-z]/.test(arg);
}

function singleDash(arg: string, command: Pick<CommandSpec, 'name'>, specs: readonly FlagSpec[]): string {
  const name = arg.slice(1).split('=')[0];
  const near = closest(name, specs.map((s) => s.name));
  const hint = near ? `: did you mean --${near}?` : `; rebalance ${command.name} --help lists them`;
  return `unknown option ${arg} for rebalance ${command.name}: options start with two dashes${hint}`;
}

function unknownFlag(name: string, command: Pick<CommandSpec, 'name'>, specs: readonly FlagSpec[], others: readonly Pick<CommandSpec, 'name' | 'flags'>[]): string {
  const head = `unknown option --${name} for rebalance ${command.name}`;
  const near = closest(name, specs.map((s) => s.name));
  if (near) return `${head}; did you mean --${near}?`;
  const owners = others.filter((o) => o.name !== command.name && o.flags.some((f) => f.name === name)).map((o) => `rebalance ${o.name}`);
  const elsewhere = owners.length > 0 ? ` (--${name} is an option of ${owners.join(', ')})` : '';
  return `${head}${elsewhere}; its options are ${specs.map((s) => `--${s.name}`).join(', ')}`;
}

/** The last value given for a value flag, as its kind parsed it. */
export function value<T>(args: ParsedArgs, spec: ValueFlag<T>): T | undefined {
  const all = args.values.get(spec.name) as T[] | undefined;
  return all?.[all.length - 1];
}

/** Every value given for a repeatable flag, in order. */
export function values<T>(args: ParsedArgs, spec: ValueFlag<T>): T[] {
  return (args.values.get(spec.name) as T[] | undefined) ?? [];
}

export function has(args: ParsedArgs, spec: FlagSpec): boolean {
  return args.flags.has(spec.name);
}

/** The last text given for a flag, by name. */
export function flag(args: ParsedArgs, name: string): string | undefined {
  const given = args.flags.get(name);
  return given?.[given.length - 1];
}

export function hasFlag(args: ParsedArgs, name: string): boolean {
  return args.flags.has(name);
}

/** Arguments with nothing given: for calling a command's helpers from code. */
export function noArgs(): ParsedArgs {
  return { positionals: [], flags: new Map(), values: new Map() };
}

/** `args` with one flag's value replaced (its text and parsed value). */
export function withValue<T>(args: ParsedArgs, spec: ValueFlag<T>, text: string, parsed: T): ParsedArgs {
  return {
    positionals: args.positionals,
    flags: new Map([...args.flags, [spec.name, [text]]]),
    values: new Map([...args.values, [spec.name, [parsed]]]),
  };
}
