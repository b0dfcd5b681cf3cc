/** Messages between the throughput suite and its fork workers (fork-worker.ts). */
import type { MachineNoise } from '../../bench/noise.js';
import type { RunPolicy } from '../../bench/runner.js';
import type { BridgeConfig } from '../../pipeline/bridge.js';
import type { BatchedRuns } from './batched.js';
import type { SingleStreamRaw } from './single-stream.js';

export interface ForkSetup {
  bridge: BridgeConfig;
  batches: string[][];
  policy: RunPolicy;
  /** The category's instructions for a single-stream pass after the batched runs; absent: no pass. */
  singleStream?: string[];
}

/** A fork's single-stream passes and the machine's noise during them. */
export interface ForkSingleStream {
  raw: SingleStreamRaw;
  noise: MachineNoise;
}

export interface ForkResult {
  runs: BatchedRuns;
  singleStream: ForkSingleStream | null;
}

export type ForkMessage = ({ type: 'done' } & ForkResult) | { type: 'error'; message: string };
