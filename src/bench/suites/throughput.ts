/**
 * Throughput suite: each category's instructions through `processBatch` in batches of `batchSize`.
 * A run processes max(list length, batch size) instructions (the list repeated), so every batch is full.
 * Reports instructions/s (and constraints/s, poses/s) beside quality, as MLPerf does.
 */
import type { GasmBridge } from '../../pipeline/bridge.js';
import type { GasmResponse } from '../../pipeline/types.js';
import type { ThroughputCategory, ThroughputSuite } from '../../report/types.js';
import { summarize } from '../../stats/summary.js';
import { chunk, cycle, ResponseTally } from '../response-tally.js';
import { measure, type RunHooks, type RunPolicy } from '../runner.js';

export interface InstructionSet {
  name: string;
  instructions: string[];
}

export interface ThroughputOptions {
  sets: InstructionSet[];
  batchSize: number;
  policy: RunPolicy;
}

/** Measures one category. Returns null when aborted before any measured run. */
export async function measureCategory(
  bridge: GasmBridge,
  set: InstructionSet,
  batchSize: number,
  policy: RunPolicy,
  hooks: RunHooks,
): Promise<{ result: ThroughputCategory | null; aborted: boolean }> {
  const workload = cycle(set.instructions, Math.max(set.instructions.length, batchSize));
  const batches = chunk(workload, batchSize);
  const lastRun: GasmResponse[][] = new Array(batches.length);
  const tally = new ResponseTally();
  const body = (): void => {
    for (let b = 0; b < batches.length; b++) lastRun[b] = bridge.processBatch(batches[b]);
  };
  const after = (run: number): void => {
    if (run >= 0) for (const responses of lastRun) tally.add(responses);
  };
  const { ms, aborted } = await measure(policy, body, after, hooks);
  if (ms.length === 0) return { result: null, aborted };
  const n = workload.length;
  const ips = ms.map((t) => (n / t) * 1000);
  const throughputSummary = summarize(ips);
  const quality = tally.quality();
  const perInstructionConstraints = tally.constraints / Math.max(1, tally.responses);
  const perInstructionPoses = tally.poses / Math.max(1, tally.responses);
  return {
    aborted,
    result: {
      instructions: n,
      runs: ms.length,
      batchSize,
      instructionsPerSecond: throughputSummary.median,
      constraintsPerSecond: throughputSummary.median * perInstructionConstraints,
      posesPerSecond: throughputSummary.median * perInstructionPoses,
      throughputSummary,
      latencyMs: summarize(tally.latencyMs),
      stagesMs: tally.stagesMs(),
      quality,
      samples: { runMs: ms, instructionsPerSecond: ips, latencyMs: tally.latencyMs },
    },
  };
}

/** Runs every instruction set; on abort keeps the categories measured so far (and the partial one). */
export async function runThroughput(
  bridge: GasmBridge,
  options: ThroughputOptions,
  hooks: RunHooks & { onCategory?: (name: string) => void },
): Promise<{ suite: ThroughputSuite; aborted: boolean }> {
  const suite: ThroughputSuite = { categories: {} };
  for (const set of options.sets) {
    hooks.onCategory?.(set.name);
    const { result, aborted } = await measureCategory(bridge, set, options.batchSize, options.policy, hooks);
    if (result) suite.categories[set.name] = result;
    if (aborted) return { suite, aborted: true };
  }
  return { suite, aborted: false };
}
