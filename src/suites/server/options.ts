/**
 * Options of the server suite and their validation (before anything runs): every bad value is refused with a
 * ConfigError naming the flag.
 */
import { availableParallelism } from 'node:os';
import { ConfigError } from '../../errors.js';
import type { OptionSpec, RawFlags } from '../contract.js';
import { WORKERS_OPTION } from '../shared-options.js';
import {
  DEFAULT_ARRIVAL_SEED,
  DEFAULT_DROP_AFTER_MS,
  DEFAULT_FIXED_STEPS,
  DEFAULT_MAX_BATCH,
  DEFAULT_MAX_WAIT_MS,
  DEFAULT_P99_BOUND_MS,
  DEFAULT_SEARCHES,
  DEFAULT_STEP_REQUESTS,
  DEFAULT_STEP_TIME_MS,
} from './constants.js';

export interface ServerOptions {
  /** Serving workers (worker threads, one bridge each). */
  workers: number;
  /** The p99 latency bound of the peak search, ms. */
  p99BoundMs: number;
  /** Largest batch the dynamic batcher forms (1: every request is served alone). */
  maxBatch: number;
  /** How long the batcher waits after a batch's first arrival for more requests, ms. */
  maxWaitMs: number;
  /** A fixed rate measured `fixedSteps` times (the gate's p99-at-a-fixed-rate metric); null: none. */
  rate: number | null;
  fixedSteps: number;
  /** Peak searches (0: no search, only the single-stream and fixed-rate steps). */
  searches: number;
  stepTimeMs: number;
  stepRequests: number;
  dropAfterMs: number;
  arrivalSeed: number;
}

export const SERVER_OPTION_SPECS: OptionSpec[] = [
  WORKERS_OPTION,
  { flags: '--p99-bound <time>', description: 'server: p99 latency bound of the peak search ("10ms", "10" = ms, "0.5s")', defaultValue: `${DEFAULT_P99_BOUND_MS}ms` },
  { flags: '--max-batch <n>', description: 'server: largest batch of the dynamic batcher (1 = no batching)', defaultValue: String(DEFAULT_MAX_BATCH) },
  { flags: '--max-wait-ms <ms>', description: "server: batching window: how long a batch's first request waits for more", defaultValue: String(DEFAULT_MAX_WAIT_MS) },
  { flags: '--rate <r>', description: 'server: also measure this fixed arrival rate (instructions/s) in --fixed-steps steps (gate metric: p99 at this rate)' },
  { flags: '--fixed-steps <n>', description: 'server: steps of the fixed-rate measurement', defaultValue: String(DEFAULT_FIXED_STEPS) },
  { flags: '--searches <n>', description: "server: peak searches (each one's peak is a sample; 0 = none)", defaultValue: String(DEFAULT_SEARCHES) },
  { flags: '--step-time <ms>', description: "server: least duration of a load step's arrivals", defaultValue: String(DEFAULT_STEP_TIME_MS) },
  { flags: '--step-requests <n>', description: 'server: fewest requests of a load step (a search step gives way after 5 s)', defaultValue: String(DEFAULT_STEP_REQUESTS) },
  { flags: '--drop-after-ms <ms>', description: 'server: a request queued this long after its arrival is dropped; a step that drops any is invalid', defaultValue: String(DEFAULT_DROP_AFTER_MS) },
  { flags: '--arrival-seed <n>', description: 'server: seed of the Poisson arrivals and of the instructions drawn', defaultValue: String(DEFAULT_ARRIVAL_SEED) },
];

const DURATION = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(us|µs|ms|s)?\s*$/i;
const UNIT_MS: Record<string, number> = { us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000 };

/** A duration in ms from "10ms", "10" (ms), "0.5s" or "500us"; throws ConfigError naming the flag. */
export function parseDurationMs(flag: string, value: unknown): number {
  const text = String(value ?? '');
  const m = DURATION.exec(text);
  const ms = m ? Number(m[1]) * UNIT_MS[(m[2] ?? 'ms').toLowerCase()] : NaN;
  if (!Number.isFinite(ms) || ms <= 0) throw new ConfigError(`${flag}: expected a positive duration such as 10ms, 10 (ms) or 0.5s, got "${text}"`);
  return ms;
}

function parseNumber(flag: string, value: unknown, min: number, max: number, integer: boolean): number {
  const text = String(value ?? '').trim();
  const x = /^[+]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(x) || x < min || x > max || (integer && !Number.isInteger(x))) {
    throw new ConfigError(`${flag}: expected ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got "${text}"`);
  }
  return x;
}

const given = (flags: RawFlags, key: string): boolean => flags[key] !== undefined && flags[key] !== null;

/** Validated options from commander's flags (defaults for absent ones). */
export function parseServerOptions(flags: RawFlags): ServerOptions {
  const pick = (key: string, fallback: number | string) => (given(flags, key) ? flags[key] : fallback);
  const options = {
    workers: parseNumber('--workers', pick('workers', availableParallelism()), 1, 256, true),
    p99BoundMs: parseDurationMs('--p99-bound', pick('p99Bound', DEFAULT_P99_BOUND_MS)),
    maxBatch: parseNumber('--max-batch', pick('maxBatch', DEFAULT_MAX_BATCH), 1, 4096, true),
    maxWaitMs: parseNumber('--max-wait-ms', pick('maxWaitMs', DEFAULT_MAX_WAIT_MS), 0, 10_000, false),
    rate: given(flags, 'rate') ? parseNumber('--rate', flags.rate, 0.1, 1_000_000, false) : null,
    fixedSteps: parseNumber('--fixed-steps', pick('fixedSteps', DEFAULT_FIXED_STEPS), 1, 1000, true),
    searches: parseNumber('--searches', pick('searches', DEFAULT_SEARCHES), 0, 100, true),
    stepTimeMs: parseNumber('--step-time', pick('stepTime', DEFAULT_STEP_TIME_MS), 10, 3_600_000, false),
    stepRequests: parseNumber('--step-requests', pick('stepRequests', DEFAULT_STEP_REQUESTS), 10, 10_000_000, true),
    dropAfterMs: parseNumber('--drop-after-ms', pick('dropAfterMs', DEFAULT_DROP_AFTER_MS), 1, 3_600_000, false),
    arrivalSeed: parseNumber('--arrival-seed', pick('arrivalSeed', DEFAULT_ARRIVAL_SEED), 0, 2 ** 32 - 1, true),
  };
  if (options.searches === 0 && options.rate === null) throw new ConfigError('--searches 0 needs --rate <r>: with neither a peak search nor a fixed rate the server suite would measure no load step');
  return options;
}
