/** A small argument parser: positionals, `--flag`, `--key value`, `--key=value`, repeatable keys. */
export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string[]>;
}

export function parseArgs(argv: readonly string[], booleanFlags: readonly string[] = []): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string[]>();
  const put = (key: string, value: string) => flags.set(key, [...(flags.get(key) ?? []), value]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 0) {
      put(arg.slice(2, eq), arg.slice(eq + 1));
    } else if (booleanFlags.includes(arg.slice(2)) || i + 1 >= argv.length || argv[i + 1].startsWith('--')) {
      put(arg.slice(2), 'true');
    } else {
      put(arg.slice(2), argv[++i]);
    }
  }
  return { positionals, flags };
}

export function flag(args: ParsedArgs, name: string): string | undefined {
  const values = args.flags.get(name);
  return values?.[values.length - 1];
}

export function hasFlag(args: ParsedArgs, name: string): boolean {
  return args.flags.has(name);
}

/** Thrown for a command-line mistake; the CLI prints the message and usage, exit code 2. */
export class UsageError extends Error {}
