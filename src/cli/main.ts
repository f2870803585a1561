import { parseArgs, UsageError, type ParsedArgs } from './args';
import type { CommandResult } from './io';
import * as drift from './commands/drift';
import * as lots from './commands/lots';
import * as plan from './commands/plan';
import * as apply from './commands/apply';

interface Command {
  usage: string;
  run(args: ParsedArgs): Promise<CommandResult>;
  booleanFlags?: readonly string[];
}

const COMMON_BOOLEANS = ['json', 'help'];

const COMMANDS: Record<string, Command> = {
  drift: { usage: drift.usage, run: drift.driftCommand },
  lots: { usage: lots.usage, run: lots.lotsCommand },
  plan: { usage: plan.usage, run: plan.planCommand },
  apply: { usage: apply.usage, run: apply.applyCommand },
};

function usageText(): string {
  return ['Usage:', ...Object.values(COMMANDS).map((c) => `  ${c.usage}`)].join('\n');
}

/** Runs one CLI invocation; returns what to print and the exit code (tests call this directly). */
export async function runCli(argv: readonly string[]): Promise<CommandResult> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    const known = name && !['help', '--help', '-h'].includes(name) ? `Unknown command "${name}".\n` : '';
    return { stdout: '', stderr: `${known}${usageText()}`, exitCode: name && known ? 2 : 0 };
  }
  const args = parseArgs(rest, [...COMMON_BOOLEANS, ...(command.booleanFlags ?? [])]);
  if (args.flags.has('help')) return { stdout: `Usage: ${command.usage}`, exitCode: 0 };
  try {
    return await command.run(args);
  } catch (error) {
    if (error instanceof UsageError) return { stdout: '', stderr: `${error.message}\nUsage: ${command.usage}`, exitCode: 2 };
    throw error;
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const result = await runCli(argv);
    if (result.stdout) process.stdout.write(result.stdout.endsWith('\n') ? result.stdout : `${result.stdout}\n`);
    if (result.stderr) process.stderr.write(result.stderr.endsWith('\n') ? result.stderr : `${result.stderr}\n`);
    return result.exitCode;
  } catch (error) {
    process.stderr.write(`rebalance: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    return 1;
  }
}
