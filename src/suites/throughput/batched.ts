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
  /** Every response of every measured run: stage times, constraints and poses per success. */
  tally: ResponseTallyData;
  /** Quality trials: each distinct instruction once, by its first measured response (see DistinctOutcomes). */
  distinct: DistinctOutcomes;
  /** Wall time of each processBatch call, ms, one array per measured run. */
  batchRuns: number[][];
}

/**
 * Quality counted per distinct instruction: the pipeline is deterministic for a fixed model and configuration,
 * so a run that repeats an instruction repeats its trial, not a new one. Each text counts once, by its first
 * measured response; `varied` lists the texts whose success differed in a later response (counted by the first).
 */
export interface DistinctOutcomes {
  tally: ResponseTallyData;
  /** Success of each distinct text's first measured response, in order of first appearance. */
  first: [string, boolean][];
  varied: string[];
}

/** Builds DistinctOutcomes from (text, response) pairs fed in measuring order. */
export class DistinctTally {
  private readonly tally = new ResponseTally();
  private readonly first = new Map<string, boolean>();
  private readonly varied = new Set<string>();

  add(text: string, response: GasmResponse): void {
    const seen = this.first.get(text);
    if (seen === undefined) {
      this.first.set(text, response.success);
      this.tally.add([response]);
    } else if (seen !== response.success) this.varied.add(text);
  }

  data(): DistinctOutcomes {
    return { tally: this.tally.data(), first: [...this.first], varied: [...this.varied] };
  }
}

/**
 * The forks' distinct outcomes as one: the first fork's tally (every fork runs the same texts), and as varied
 * every text that varied inside a fork or whose first success differs between forks.
 */
export function mergeDistinct(parts: readonly DistinctOutcomes[]): DistinctOutcomes {
  if (parts.length === 0) return { tally: new ResponseTally().data(), first: [], varied: [] };
  const first = new Map(parts[0].first);
  const varied = new Set(parts.flatMap((p) => p.varied));
  for (const p of parts.slice(1)) for (const [text, ok] of p.first) if (first.has(text) && first.get(text) !== ok) varied.add(text);
  return { tally: parts[0].tally, first: [...first], varied: [...varied] };
}

export async function measureBatched(bridge: GasmBridge, batches: readonly string[][], policy: RunPolicy, hooks: RunHooks): Promise<BatchedRuns> {
  const lastRun: GasmResponse[][] = new Array(batches.length);
  const batchMs = new Float64Array(batches.length);
  const batchRuns: number[][] = [];
  const tally = new ResponseTally();
  const distinct = new DistinctTally();
  const body = (): void => {
    for (let b = 0; b < batches.length; b++) {
      const t0 = process.hrtime.bigint();
      lastRun[b] = bridge.processBatch(batches[b]);
      batchMs[b] = Number(process.hrtime.bigint() - t0) / 1e6;
    }
  };
  const after = (run: number): void => {
    if (run < 0) return;
    lastRun.forEach((responses, b) => {
      tally.add(responses);
      responses.forEach((r, i) => distinct.add(batches[b][i], r));
    });
    batchRuns.push(Array.from(batchMs));
  };
  let before = readCpuCounters();
  const m = await measure(policy, body, after, { ...hooks, onMeasureStart: () => { before = readCpuCounters(); } });
  const noise = machineNoise(before, readCpuCounters(), m.ms, m.cpuMs, m.switches);
  return { m, noise, tally: tally.data(), distinct: distinct.data(), batchRuns };
}
