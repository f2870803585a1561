import { UsageError, parseArgs, wantsHelp, type CommandSpec } from './args';
import { COMMANDS } from './commands/index';
import { closest } from './did-you-mean';
import { errorLine, systemErrorLine } from './error-line';
import { helpText, overview, synopsis } from './help';
import { CommandFailure, type CommandResult } from './io';

function usageError(command: CommandSpec, message: string): CommandResult {
  return { stdout: '', stderr: `error: ${message}\nUsage: ${synopsis(command)}\nRun "rebalance ${command.name} --help" for what each option means.`, exitCode: 2 };
}

/** Runs one CLI invocation; returns what to print and the exit code (tests call this directly). */
export async function runCli(argv: readonly string[], commands: readonly CommandSpec[] = COMMANDS): Promise<CommandResult> {
  const [name, ...rest] = argv;
  if (name === undefined || ['help', '--help', '-h'].includes(name)) {
    const about = rest[0] === undefined ? undefined : commands.find((c) => c.name === rest[0]);
    return { stdout: about ? helpText(about) : overview(commands), exitCode: 0 };
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    const near = closest(name, commands.map((c) => c.name));
    const what = name.startsWith('-') ? `"${name}" is not a command` : `unknown command "${name}"`;
    return { stdout: '', stderr: `error: ${what}${near ? `; did you mean ${near}?` : ''}\n\n${overview(commands)}`, exitCode: 2 };
  }
  if (wantsHelp(rest)) return { stdout: helpText(command), exitCode: 0 };
  try {
    const args = parseArgs(rest, command, commands);
    return await command.run(args);
  } catch (error) {
    if (error instanceof UsageError) return usageError(command, error.message);
    if (error instanceof CommandFailure) return { stdout: '', stderr: error.message, exitCode: 1 };
    throw error;
  }
}

/**
 * The `rebalance` binary: prints a command's result. Anything a command did not expect is still
 * one line (file errors name the file and the reason); `--debug` adds the stack.
 */
export async function main(argv: readonly string[], commands: readonly CommandSpec[] = COMMANDS): Promise<number> {
  try {
    const result = await runCli(argv, commands);
    if (result.stdout) process.stdout.write(result.stdout.endsWith('\n') ? result.stdout : `${result.stdout}\n`);
    if (result.stderr) process.stderr.write(result.stderr.endsWith('\n') ? result.stderr : `${result.stderr}\n`);
    return result.exitCode;
  } catch (error) {
    const debug = argv.includes('--debug');
    const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
    const hint = debug || systemErrorLine(error) ? '' : ' (run again with --debug to see where)';
    process.stderr.write(`rebalance: ${errorLine(error)}${hint}${stack}\n`);
    return 1;
  }
}
