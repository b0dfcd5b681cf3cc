/** Options of the throughput suite. */
import type { OptionSpec, RawFlags } from '../contract.js';
import { BATCH_SIZE_OPTION, batchSizeOf } from '../shared-options.js';

export interface ThroughputOptions {
  batchSize: number;
  /** Whether to run the single-stream pass (one instruction per call) after the batched runs. */
  singleStream: boolean;
}

export const THROUGHPUT_OPTIONS: OptionSpec[] = [
  BATCH_SIZE_OPTION,
  { flags: '--no-single-stream', description: 'skip the single-stream latency pass of the throughput suite' },
];

export function parseThroughputOptions(flags: RawFlags): ThroughputOptions {
  return { batchSize: batchSizeOf(flags), singleStream: flags.singleStream !== false };
}
