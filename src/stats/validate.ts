/**
 * Input checks shared by the statistics functions that refuse bad data (summarize, fitPowerLaw, the
 * bootstrap and rank tests). Simple descriptive functions do not call these: they return NaN for empty input.
 */
import { ConfigError } from '../errors.js';

/** Throws ConfigError naming the first index whose value is not a finite number. */
export function assertFiniteSamples(xs: ArrayLike<number>, what: string): void {
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      throw new ConfigError(`${what}: value at index ${i} is ${String(x)}, not a finite number`);
    }
  }
}

/** Throws ConfigError when `xs` is empty. */
export function assertNonEmpty(xs: ArrayLike<number>, what: string): void {
  if (xs.length === 0) throw new ConfigError(`${what}: no samples (empty input)`);
}

/** Throws ConfigError unless `confidence` lies strictly between 0 and 1. */
export function assertConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new ConfigError(`confidence must be strictly between 0 and 1, got ${confidence}`);
  }
}
