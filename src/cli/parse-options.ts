/** Option parsers for commander: each throws ConfigError naming the flag and the bad value. */
import { ConfigError } from '../errors.js';

/** A whole number within [min, max]. */
export function parseInteger(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\s*-?\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new ConfigError(`${flag} must be a whole number from ${min} to ${max}, got '${value}'`);
  }
  return n;
}

/** A finite number within [min, max]. */
export function parseNumber(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    throw new ConfigError(`${flag} must be a number from ${min} to ${max}, got '${value}'`);
  }
  return n;
}

/** A comma-separated list of whole numbers, e.g. "1,5,10". */
export function parseIntegerList(flag: string, value: string, min: number, max: number): number[] {
  const parts = value.split(',').map((p) => p.trim());
  if (parts.every((p) => p.length === 0)) throw new ConfigError(`${flag} needs at least one number, got '${value}'`);
  // An empty item ('2,,4') is a value left out by mistake, not nothing: refused rather than read as '2,4'.
  if (parts.some((p) => p.length === 0)) throw new ConfigError(`${flag} has an empty item in '${value}': give numbers separated by single commas`);
  return parts.map((p) => parseInteger(flag, p, min, max));
}

/** One of a fixed set of words. */
export function parseChoice<T extends string>(flag: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) {
    throw new ConfigError(`${flag} must be one of ${choices.join(', ')}, got '${value}'`);
  }
  return value as T;
}

/** A share written as '10%', '0.1' or '10' (a bare number of 1 or more is read as percent) → 0.1. */
export function parseShare(flag: string, value: string): number {
  const text = value.trim();
  const percent = text.endsWith('%');
  const n = parseNumber(flag, percent ? text.slice(0, -1) : text, 0, 1000);
  return percent || n >= 1 ? n / 100 : n;
}
