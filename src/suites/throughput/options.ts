/** Options of the throughput suite. */
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
}

export const THROUGHPUT_OPTIONS: OptionSpec[] = [
  BATCH_SIZE_OPTION,
  { flags: '--no-single-stream', description: 'skip the single-stream latency pass of the throughput suite' },
  { flags: '--no-reference', description: 'do not time the reference workload beside each run (drops the machine-normalised CPU metric)' },
];

export function parseThroughputOptions(flags: RawFlags): ThroughputOptions {
  return { batchSize: batchSizeOf(flags), singleStream: flags.singleStream !== false, reference: flags.reference !== false };
}
