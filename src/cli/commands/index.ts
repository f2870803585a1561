/**
 * Every `rebalance` command, in the order help lists them. A new command is one module that
 * exports its `CommandSpec` and one line here (see src/cli/args.ts).
 */
import type { CommandSpec } from '../args';
import { command as apply } from './apply';
import { backtestCommandSpec } from './backtest';
import { nodeBacktestIo } from './backtest-io';
import { command as check } from './check';
import { command as drift } from './drift';
import { command as lots } from './lots';
import { command as importFiles } from './import';
import { command as plan } from './plan';
import { command as washes } from './washes';

export const COMMANDS: readonly CommandSpec[] = [drift, lots, plan, apply, check, washes, importFiles, backtestCommandSpec(nodeBacktestIo())];
