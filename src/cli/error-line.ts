/**
 * One line for an error the user can act on, with no JavaScript stack: Node's file errors become
 * "what went wrong, where" (`cannot read /x/plan.json: no such file`); anything else is its
 * message's first line. `--debug` prints the stack instead (main.ts).
 */
const SYSTEM_REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOSPC: 'no space left on the disk',
  EROFS: 'the disk is read-only',
  EEXIST: 'something is already there',
  EMFILE: 'too many open files',
};

interface SystemError {
  code: string;
  path?: string;
  syscall?: string;
}

function isSystemError(error: unknown): error is Error & SystemError {
  return error instanceof Error && typeof (error as Partial<SystemError>).code === 'string' && (error as Partial<SystemError>).code!.startsWith('E');
}

const VERBS: Record<string, string> = {
  open: 'cannot open',
  read: 'cannot read',
  write: 'cannot write',
  rename: 'cannot write',
  copyfile: 'cannot write',
  mkdir: 'cannot create the folder',
  scandir: 'cannot read the folder',
  stat: 'cannot find',
  lstat: 'cannot find',
  unlink: 'cannot remove',
};

/** "cannot open /x/plan.json: no such file or folder" for a file-system error, else null. */
export function systemErrorLine(error: unknown): string | null {
  if (!isSystemError(error)) return null;
  const reason = SYSTEM_REASONS[error.code] ?? error.code;
  const verb = VERBS[error.syscall ?? ''] ?? 'cannot use';
  return error.path ? `${verb} ${error.path}: ${reason}` : error.message.split('\n')[0];
}

export function errorLine(error: unknown): string {
  const system = systemErrorLine(error);
  if (system) return system;
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0];
}
