/** What a command returns; main.ts prints it. Commands never call process.exit themselves. */
export interface CommandResult {
  stdout: string;
  stderr?: string;
  exitCode: number;
}

export function ok(stdout: string): CommandResult {
  return { stdout, exitCode: 0 };
}

export function json(value: unknown): CommandResult {
  return ok(JSON.stringify(value, null, 2));
}

/** A command that cannot go on (a file it cannot read): main prints the message, exit code 1. */
export class CommandFailure extends Error {}

export function failure(message: string): CommandResult {
  return { stdout: '', stderr: message, exitCode: 1 };
}
