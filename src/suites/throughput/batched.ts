/**
 * The throughput suite's batched runs over one bridge: each processBatch call timed on its own inside the
 * run's timed region, responses tallied outside it, the machine's counters read around the measured loop.
 * Runs in the main thread, or inside a fork's worker (fork-worker.ts) with its own bridge.
 */
import { machineNoise, readCpuCounters, type MachineNoise } from '../../bench/noise.js';
import { ResponseTally, type ResponseTallyData } from '../../bench/response-tally.js';
import { measure, type Measurement, type RunHooks, type RunPolicy } from '../../bench/runner.js';
import type { GasmBridge } from '../../pipeline/bridge.js';
import type { GasmResponse } from '../../pipeline/types.js';

export interface BatchedRuns {
  m: Measurement;
  noise: MachineNoise;
  tally: ResponseTallyData;
  /** Wall time of each processBatch call, ms, one array per measured run. */
  batchRuns: number[][];
}

export async function measureBatched(bridge: GasmBridge, batches: readonly string[][], policy: RunPolicy, hooks: RunHooks): Promise<BatchedRuns> {
  const lastRun: GasmResponse[][] = new Array(batches.length);
  const batchMs = new Float64Array(batches.length);
  const batchRuns: number[][] = [];
  const tally = new ResponseTally();
  const body = (): void => {
    for (let b = 0; b < batches.length; b++) {
      const t0 = process.hrtime.bigint();
      lastRun[b] = bridge.processBatch(batches[b]);
      batchMs[b] = Number(process.hrtime.bigint() - t0) / 1e6;
    }
  };
  const after = (run: number): void => {
    if (run < 0) return;
    for (const responses of lastRun) tally.add(responses);
    batchRuns.push(Array.from(batchMs));
  };
  let before = readCpuCounters();
  const m = await measure(policy, body, after, { ...hooks, onMeasureStart: () => { before = readCpuCounters(); } });
  const noise = machineNoise(before, readCpuCounters(), m.ms, m.cpuMs, m.switches);
  return { m, noise, tally: tally.data(), batchRuns };
}
