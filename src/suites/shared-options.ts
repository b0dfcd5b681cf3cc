/**
 * Option declarations used by more than one suite. The bench command registers each flag once; suites that
 * share a flag share its meaning, so they declare the same object.
 */
import { availableParallelism } from 'node:os';
import { DEFAULT_BATCH_SIZE } from '../bench/constants.js';
import { ConfigError } from '../errors.js';
import { parseInteger, parseIntegerList } from '../cli/parse-options.js';
import type { OptionSpec, RawFlags } from './contract.js';

/** Largest batch size: one processBatch call is one network chunk, so the chunk limit bounds it. */
export const MAX_BATCH_SIZE = 4096;

export const BATCH_SIZE_OPTION: OptionSpec = {
  flags: '--batch-size <n>',
  description: `instructions per processBatch call, one network chunk (throughput, memory, parallel; at most ${MAX_BATCH_SIZE})`,
  defaultValue: String(DEFAULT_BATCH_SIZE),
};

export const WORKERS_OPTION: OptionSpec = {
  flags: '--workers <n>',
  description: 'worker threads (parallel suite: workers in parallel; server suite: serving workers)',
  defaultValue: String(availableParallelism()),
};

export const PIPELINE_CATEGORY_OPTION: OptionSpec = {
  flags: '--scalability-category <name>',
  description: 'instructions of the scalability batch sweep and of the parallel suite',
  defaultValue: 'medium',
};

/** A flag's raw value as text ('' when absent), for the parsers of src/cli/parse-options.ts. */
export function text(flags: RawFlags, key: string, fallback: string): string {
  const v = flags[key];
  return v === undefined || v === null ? fallback : String(v);
}

/** --batch-size, validated. */
export function batchSizeOf(flags: RawFlags): number {
  return parseInteger('--batch-size', text(flags, 'batchSize', String(DEFAULT_BATCH_SIZE)), 1, MAX_BATCH_SIZE);
}

/** A list of distinct whole numbers in [min, max], in the order given; a repeated value is refused. */
export function distinctIntegerList(flag: string, value: string, min: number, max: number): number[] {
  const list = parseIntegerList(flag, value, min, max);
  const seen = new Set<number>();
  for (const n of list) {
    if (seen.has(n)) throw new ConfigError(`${flag} lists ${n} twice, got '${value}': give each value once`);
    seen.add(n);
  }
  return list;
}
