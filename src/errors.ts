/**
 * Typed errors thrown by the library. Only src/cli turns them into messages and exit codes.
 * `code` is stable and machine-readable; `message` names what was wrong.
 */
export type GasmErrorCode =
  | 'PARSE_ERROR'
  | 'INPUT_ERROR'
  | 'REPORT_INVALID'
  | 'REPORT_INCOMPATIBLE'
  | 'BACKEND_ERROR'
  | 'MODEL_ERROR'
  | 'CONFIG_ERROR'
  | 'IO_ERROR'
  | 'STORE_ERROR'
  | 'TIMEOUT';

export class GasmError extends Error {
  readonly code: GasmErrorCode;
  constructor(code: GasmErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** An instruction from which no scene could be read. */
export class ParseError extends GasmError {
  constructor(message: string) {
    super('PARSE_ERROR', message);
  }
}

/** A file or argument given by the user that cannot be used (missing, unreadable, malformed). */
export class InputError extends GasmError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('INPUT_ERROR', message, options);
  }
}

/** Invalid option values (model size, batch sizes, thresholds). */
export class ConfigError extends GasmError {
  constructor(message: string) {
    super('CONFIG_ERROR', message);
  }
}

/** A report file that does not match the schema, or two reports that cannot be compared. */
export class ReportError extends GasmError {
  constructor(code: 'REPORT_INVALID' | 'REPORT_INCOMPATIBLE', message: string) {
    super(code, message);
  }
}

export class BackendError extends GasmError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('BACKEND_ERROR', message, options);
  }
}

export class ModelError extends GasmError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('MODEL_ERROR', message, options);
  }
}

export class IoError extends GasmError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('IO_ERROR', message, options);
  }
}

/** The history store cannot be used: unreachable, unreadable, or written by a newer schema version. */
export class StoreError extends GasmError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('STORE_ERROR', message, options);
  }
}
