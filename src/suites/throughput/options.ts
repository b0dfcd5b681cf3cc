/** Options of the throughput suite. */
import { parseInteger } from '../../cli/parse-options.js';
import type { OptionSpec, RawFlags } from '../contract.js';
import { BATCH_SIZE_OPTION, batchSizeOf } from '../shared-options.js';

export interface ThroughputOptions {
  batchSize: number;
  /** Whether to run the single-stream pass (one instruction per call) after the batched runs. */
  singleStream: boolean;
  /**
   * Whether to time the fixed reference workload before each batched run (src/bench/reference-workload.ts),
   * giving the machine-normalised CPU metric the gate trusts on a busy runner.
   */
  reference: boolean;
  /**
   * Forks per case: the batched runs measured in this many fresh isolates one after another (forks.ts); 1 measures
   * in this thread as before.
   */
  forks: number;
}

export const THROUGHPUT_OPTIONS: OptionSpec[] = [
  BATCH_SIZE_OPTION,
  { flags: '--no-single-stream', description: 'skip the single-stream latency pass of the throughput suite' },
  { flags: '--forks <n>', description: 'measure each case\'s batched runs in n fresh isolates, one after another (warm-up and --min-time apply to each); the gate then resamples forks, so process-to-process spread is in its intervals', defaultValue: '1' },
  { flags: '--no-reference', description: 'do not time the reference workload beside each run (drops the machine-normalised CPU metric)' },
];

export function parseThroughputOptions(flags: RawFlags): ThroughputOptions {
  return {
    batchSize: batchSizeOf(flags),
    singleStream: flags.singleStream !== false,
    // commander sets `reference` (true unless --no-reference); a recorded config without it predates the workload.
    reference: flags.reference === true,
    forks: forksOf(flags),
  };
}

/** Most forks per case. */
export const MAX_FORKS = 64;

function forksOf(flags: RawFlags): number {
  return flags.forks === undefined ? 1 : parseInteger('--forks', String(flags.forks), 1, MAX_FORKS);
}
