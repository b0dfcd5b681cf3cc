/**
 * Scalability suite: (a) batch-size sweep through processBatch — instructions/s and ms/instruction per size;
 * (b) scene-size sweep on generated scenes — ms per instruction per entity count, with a power-law fit
 * t = a·N^b (the exponent b is the empirical complexity, as Google Benchmark's complexity reports).
 */
import type { GasmBridge } from '../../pipeline/bridge.js';
import type { GasmResponse } from '../../pipeline/types.js';
import type { BatchPoint, ObjectsPoint, ScalabilitySuite } from '../../report/types.js';
import { fitPowerLaw } from '../../stats/complexity.js';
import { summarize } from '../../stats/summary.js';
import { MIN_INSTRUCTIONS_PER_BATCH_RUN } from '../constants.js';
import { chunk, cycle } from '../response-tally.js';
import { measure, type RunHooks, type RunPolicy } from '../runner.js';
import { generateSceneInstruction } from '../scene-generator.js';

export interface ScalabilityOptions {
  category: string;
  instructions: string[];
  batchSizes: number[];
  objects: number[];
  policy: RunPolicy;
}

type Hooks = RunHooks & { onStep?: (label: string) => void };

async function measureBatchSize(bridge: GasmBridge, instructions: string[], batchSize: number, policy: RunPolicy, hooks: Hooks): Promise<{ point: BatchPoint | null; aborted: boolean }> {
  const total = Math.max(batchSize, MIN_INSTRUCTIONS_PER_BATCH_RUN);
  const batches = chunk(cycle(instructions, Math.ceil(total / batchSize) * batchSize), batchSize);
  const count = batches.length * batchSize;
  let sink: GasmResponse[] = [];
  const { ms, aborted } = await measure(policy, () => {
    for (const b of batches) sink = bridge.processBatch(b);
  }, () => void sink, hooks);
  if (ms.length === 0) return { point: null, aborted };
  const samples = ms.map((t) => t / count);
  const summary = summarize(samples);
  return {
    aborted,
    point: { batchSize, instructionsPerSecond: 1000 / summary.median, msPerInstruction: summary.median, summary, samples },
  };
}

async function measureObjects(bridge: GasmBridge, objects: number, policy: RunPolicy, hooks: Hooks): Promise<{ point: ObjectsPoint | null; aborted: boolean }> {
  const instruction = generateSceneInstruction(objects);
  let last: GasmResponse | null = null;
  let satisfied = 0;
  let constraints = 0;
  const { ms, aborted } = await measure(policy, () => {
    last = bridge.process(instruction);
  }, (run) => {
    if (run >= 0 && last) {
      constraints += last.constraints.length;
      for (const c of last.constraints) if (c.satisfied) satisfied++;
    }
  }, hooks);
  if (ms.length === 0) return { point: null, aborted };
  const summary = summarize(ms);
  const runs = ms.length;
  return {
    aborted,
    point: {
      objects,
      msPerInstruction: summary.median,
      constraints: Math.round(constraints / runs),
      summary,
      samples: ms,
      satisfactionRate: constraints > 0 ? satisfied / constraints : 0,
    },
  };
}

/** Runs both sweeps; on abort returns what was measured. */
export async function runScalability(bridge: GasmBridge, options: ScalabilityOptions, hooks: Hooks): Promise<{ suite: ScalabilitySuite; aborted: boolean }> {
  const suite: ScalabilitySuite = { category: options.category, batch: [], objects: [], complexity: { exponent: 0, coefficient: 0, r2: 0 } };
  let aborted = false;
  for (const size of options.batchSizes) {
    hooks.onStep?.(`batch size ${size}`);
    const r = await measureBatchSize(bridge, options.instructions, size, options.policy, hooks);
    if (r.point) suite.batch.push(r.point);
    if ((aborted = r.aborted)) break;
  }
  if (!aborted) {
    for (const n of options.objects) {
      hooks.onStep?.(`${n} objects`);
      const r = await measureObjects(bridge, n, options.policy, hooks);
      if (r.point) suite.objects.push(r.point);
      if ((aborted = r.aborted)) break;
    }
  }
  if (suite.objects.length >= 2) {
    suite.complexity = fitPowerLaw(suite.objects.map((p) => p.objects), suite.objects.map((p) => p.msPerInstruction));
  }
  return { suite, aborted };
}
