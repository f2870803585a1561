import { parseArgs, UsageError, type ParsedArgs } from './args';
import type { CommandResult } from './io';
import * as drift from './commands/drift';
import * as lots from './commands/lots';
import * as plan from './commands/plan';
import * as apply from './commands/apply';
import * as check from './commands/check';
import * as importFiles from './commands/import';
import * as washes from './commands/washes';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { backtestCommand } from './commands/backtest';
import { targetsOn } from '../engine/index';
import { loadHousehold } from './load-household';

interface Command {
  usage: string;
  run(args: ParsedArgs, argv: readonly string[]): Promise<CommandResult>;
  booleanFlags?: readonly string[];
}

const COMMON_BOOLEANS = ['json', 'help'];

const COMMANDS: Record<string, Command> = {
  drift: { usage: drift.usage, run: drift.driftCommand },
  lots: { usage: lots.usage, run: lots.lotsCommand },
  plan: { usage: plan.usage, run: plan.planCommand },
  apply: { usage: apply.usage, run: apply.applyCommand },
  check: { usage: check.usage, run: check.checkCommand },
  import: { usage: importFiles.usage, run: importFiles.importCommand, booleanFlags: importFiles.IMPORT_FLAGS.booleans },
  washes: { usage: washes.usage, run: washes.washesCommand, booleanFlags: washes.booleanFlags },
  backtest: {
    usage: 'rebalance backtest [<workbook>] [--policy never,annual,...] [--years N] [--mix 70/30] [--start 500000] [--constant 8%,4%] [--json] (--help for all options)',
    run: (_args, argv) => backtestCommand([...argv], { readFile: (p) => readFileSync(p, 'utf8'), loadHousehold: backtestTargets, dataPath: dataFile() }),
  },
};

/** The returns data ships with the package: find it beside the bundle, not the working directory. */
function dataFile(): string {
  return fileURLToPath(new URL('../data/us-annual-returns.csv', import.meta.url));
}

async function backtestTargets(path: string) {
  const loaded = await loadHousehold(path, { positionals: [], flags: new Map() });
  if (!loaded.ok) throw new UsageError(loaded.message);
  const { household } = loaded;
  const inForce = targetsOn(household.targets, household.settings.asOf);
  return {
    classes: household.targets.map((t, i) => ({ name: t.assetClass, target: inForce[i].target, band: t.band, absBand: t.absBand })),
  };
}

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
  if (args.flags.has('help') && name !== 'backtest') return { stdout: `Usage: ${command.usage}`, exitCode: 0 };
  try {
    return await command.run(args, rest);
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
