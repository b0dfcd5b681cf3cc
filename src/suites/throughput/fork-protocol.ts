/** Messages between the throughput suite and its fork workers (fork-worker.ts). */
import type { RunPolicy } from '../../bench/runner.js';
import type { BridgeConfig } from '../../pipeline/bridge.js';
import type { BatchedRuns } from './batched.js';

export interface ForkSetup {
  bridge: BridgeConfig;
  batches: string[][];
  policy: RunPolicy;
}

export type ForkMessage = { type: 'done'; runs: BatchedRuns } | { type: 'error'; message: string };
