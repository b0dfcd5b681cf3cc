/** Options of the parallel suite. */
import os from 'node:os';
import { DEFAULT_PARALLEL_REPETITIONS } from '../../bench/constants.js';
import { CATEGORIES } from '../../bench/instruction-files.js';
import { parseChoice, parseInteger } from '../../cli/parse-options.js';
import type { OptionSpec, RawFlags } from '../contract.js';
import { BATCH_SIZE_OPTION, batchSizeOf, PIPELINE_CATEGORY_OPTION, text, WORKERS_OPTION } from '../shared-options.js';

export interface ParallelOptions {
  workers: number;
  batchSize: number;
  category: string;
  /** Measured repetitions; --runs overrides the default. */
  repetitions: number | null;
  workerTimeoutMs?: number;
}

export const PARALLEL_OPTIONS: OptionSpec[] = [
  BATCH_SIZE_OPTION,
  PIPELINE_CATEGORY_OPTION,
  WORKERS_OPTION,
  { flags: '--parallel-repetitions <n>', description: `parallel-suite repetitions (default: ${DEFAULT_PARALLEL_REPETITIONS}, or --runs; then more while the speedup interval is wider than --target-ci, up to --max-time)` },
];

export function parseParallelOptions(flags: RawFlags): ParallelOptions {
  const reps = flags.parallelRepetitions;
  return {
    workers: parseInteger('--workers', text(flags, 'workers', String(os.availableParallelism())), 1, 256),
    batchSize: batchSizeOf(flags),
    category: parseChoice('--scalability-category', text(flags, 'scalabilityCategory', 'medium'), CATEGORIES),
    repetitions: reps === undefined ? null : parseInteger('--parallel-repetitions', String(reps), 1, 1000),
  };
}
