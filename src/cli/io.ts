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
