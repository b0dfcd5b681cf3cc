import { GasmError } from '../errors.js';
import { visibleControls } from '../format/control-chars.js';
import { EXIT } from './exit-codes.js';

/** Global flags every command can read (set on the root program). */
export interface GlobalFlags {
  verbose?: boolean;
}

let verbose = false;

/** Called once by main with the root program's options. */
export function setVerbose(on: boolean): void {
  verbose = on;
}

/**
 * Formats any thrown value as one line for stderr. A GasmError's message is already meant for users;
 * anything else is an internal error and says so. With --verbose the stack follows.
 */
export function formatError(error: unknown): string {
  const message =
    error instanceof GasmError
      ? error.message
      : `internal error: ${error instanceof Error ? error.message : String(error)}`;
  const stack = verbose && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  // Messages quote names from untrusted files (a report's category, an instruction): control characters shown.
  return `gasm: ${visibleControls(message)}${stack}`;
}

/**
 * Exit code for a thrown value: usage errors (bad input, config, report, and a model folder that cannot be used:
 * what reaches the command as a ModelError is a missing, corrupt or oversized saved model or model size, since an
 * instruction's own network failure is caught in its response) → 2, I/O failures → 3, everything else → 1.
 */
export function exitCodeFor(error: unknown): number {
  if (error instanceof GasmError) {
    if (error.code === 'IO_ERROR') return EXIT.io;
    return error.code === 'TIMEOUT' || error.code === 'BACKEND_ERROR' ? EXIT.failure : EXIT.usage;
  }
  return EXIT.failure;
}

/**
 * Wraps a command's async action: the action returns the exit code it wants; thrown errors become
 * one line on stderr and their exit code. Never lets a stack trace reach the user unless --verbose.
 */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<number>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      process.exitCode = await fn(...args);
    } catch (error) {
      process.stderr.write(formatError(error) + '\n');
      process.exitCode = exitCodeFor(error);
    }
  };
}
