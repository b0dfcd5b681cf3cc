/**
 * Scalability suite: (a) batch-size sweep through processBatch — instructions/s and ms/instruction per size,
 * one sample per run; (b) scene-size sweep on generated scenes — ms per instruction per entity count, with a
 * power-law fit t = a·N^b over all sizes, one over the upper half of the sizes with its exponent's interval,
 * the BigO candidate models and the local exponents between neighbouring sizes (./exponents.ts). A fit that
 * cannot be made is a warning, never a lost result.
 */
import { MIN_INSTRUCTIONS_PER_BATCH_RUN } from '../../bench/constants.js';
import { readCategory } from '../../bench/instruction-files.js';
import { chunk, cycle } from '../../bench/response-tally.js';
import { measure, type RunHooks } from '../../bench/runner.js';
import { generateSceneInstruction } from '../../bench/scene-generator.js';
import { ms as fmtMs, whole, withInterval } from '../../format/numbers.js';
import type { GasmResponse } from '../../pipeline/types.js';
import { fitPowerLaw } from '../../stats/complexity.js';
import { median } from '../../stats/quantile.js';
import { summarize } from '../../stats/summary.js';
import type { RunContext, SuiteOutcome } from '../contract.js';
import { ratioOfMedians } from '../ratio-interval.js';
import { bigOOf, localExponents, solvedScene, upperHalfFit } from './exponents.js';
import type { ScalabilityOptions } from './options.js';
import type { BatchPoint, ObjectsPoint, ScalabilityResult } from './schema.js';

const SUITE = 'scalability';

function hooksFor(ctx: RunContext, caseName: string): RunHooks {
  return {
    signal: ctx.signal,
    onRun: (run, elapsedMs) => {
      ctx.sampler.publishHeap();
      ctx.progress({ suite: SUITE, case: caseName, run, of: ctx.policy.runs ?? undefined, elapsedMs });
    },
  };
}

async function measureBatchSize(ctx: RunContext, instructions: string[], batchSize: number): Promise<{ point: BatchPoint | null; aborted: boolean }> {
  const total = Math.max(batchSize, MIN_INSTRUCTIONS_PER_BATCH_RUN);
  const batches = chunk(cycle(instructions, Math.ceil(total / batchSize) * batchSize), batchSize);
  const count = batches.length * batchSize;
  let sink: GasmResponse[] = [];
  const { ms, aborted } = await measure(ctx.policy, () => {
    for (const b of batches) sink = ctx.bridge.processBatch(b);
  }, () => void sink, hooksFor(ctx, `batch size ${batchSize}`));
  if (ms.length === 0) return { point: null, aborted };
  const samples = ms.map((t) => t / count);
  const summary = summarize(samples);
  return {
    aborted,
    point: { batchSize, instructionsPerSecond: 1000 / summary.median, msPerInstruction: summary.median, batchLatencyMs: median(ms) / batches.length, summary, samples },
  };
}

async function measureObjects(ctx: RunContext, objects: number): Promise<{ point: ObjectsPoint | null; aborted: boolean }> {
  const instruction = generateSceneInstruction(objects);
  let last: GasmResponse | null = null;
  let satisfied = 0;
  let constraints = 0;
  let perInstruction = 0;
  const { ms, aborted } = await measure(ctx.policy, () => {
    last = ctx.bridge.process(instruction);
  }, (run) => {
    if (run >= 0 && last) {
      perInstruction = last.constraints.length;
      if (!last.success) return;
      constraints += last.constraints.length;
      for (const c of last.constraints) if (c.satisfied) satisfied++;
    }
  }, hooksFor(ctx, `${objects} objects`));
  if (ms.length === 0) return { point: null, aborted };
  if (constraints === 0 && last !== null && !(last as GasmResponse).success) {
    ctx.warn('SCENE_FAILED', `scalability: the ${objects}-object scene failed (${(last as GasmResponse).error ?? 'no reason given'}); its time is left out of the growth fits`);
  }
  const summary = summarize(ms);
  return {
    aborted,
    point: { objects, msPerInstruction: summary.median, constraints: perInstruction, summary, samples: ms, satisfactionRate: constraints > 0 ? satisfied / constraints : null },
  };
}

export { localExponents } from './exponents.js';

/** Runs both sweeps; on abort or failure returns what was measured. */
export async function runScalability(ctx: RunContext, options: ScalabilityOptions): Promise<SuiteOutcome<ScalabilityResult>> {
  const result: ScalabilityResult = { category: options.category, batch: [], gain: null, objects: [], complexity: null, localExponents: [] };
  const finish = (): ScalabilityResult => {
    const b = result.batch;
    if (b.length >= 2) {
      const lo = b.reduce((x, y) => (y.batchSize < x.batchSize ? y : x));
      const hi = b.reduce((x, y) => (y.batchSize > x.batchSize ? y : x));
      // instr/s ratio = (ms/instr at the small batch) / (ms/instr at the large batch), over runs.
      const g = ratioOfMedians(lo.samples, hi.samples);
      result.gain = { from: lo.batchSize, to: hi.batchSize, value: g.value, ci95: g.ci95 };
    }
    if (result.objects.length >= 2) {
      try {
        const solved = result.objects.filter(solvedScene);
        result.complexity = fitPowerLaw(solved.map((p) => p.objects), solved.map((p) => p.msPerInstruction));
        result.upperFit = upperHalfFit(result.objects);
        result.bigO = bigOOf(result.objects);
      } catch (error) {
        ctx.warn('FIT_FAILED', `scalability: no power-law fit: ${error instanceof Error ? error.message : String(error)}`);
      }
      result.localExponents = localExponents(result.objects);
    }
    return result;
  };
  try {
    const instructions = await readCategory(options.category);
    for (const size of options.batchSizes) {
      const name = `batch size ${size}`;
      const started = performance.now();
      ctx.sampler.markCase(SUITE, name, 'start');
      ctx.progress({ suite: SUITE, case: name });
      const r = await measureBatchSize(ctx, instructions, size);
      ctx.sampler.markCase(SUITE, name, 'end');
      if (r.point) {
        result.batch.push(r.point);
        ctx.progress({ suite: SUITE, case: name, done: { figure: `${whole(r.point.instructionsPerSecond)} instr/s, ${withInterval(r.point.msPerInstruction, r.point.summary.ci95Median, fmtMs)} ms/instruction`, runs: r.point.samples.length, ms: performance.now() - started } });
      }
      if (r.aborted) return { status: 'aborted', result: finish() };
    }
    for (const n of options.objects) {
      const name = `${n} objects`;
      const started = performance.now();
      ctx.sampler.markCase(SUITE, name, 'start');
      ctx.progress({ suite: SUITE, case: name });
      const r = await measureObjects(ctx, n);
      ctx.sampler.markCase(SUITE, name, 'end');
      if (r.point) {
        result.objects.push(r.point);
        ctx.progress({ suite: SUITE, case: name, done: { figure: `${withInterval(r.point.msPerInstruction, r.point.summary.ci95Median, fmtMs)} ms/instruction`, runs: r.point.samples.length, ms: performance.now() - started } });
      }
      if (r.aborted) return { status: 'aborted', result: finish() };
    }
    return { status: 'ok', result: finish() };
  } catch (error) {
    return { status: 'failed', error: error instanceof Error ? error.message : String(error), result: result.batch.length + result.objects.length > 0 ? finish() : null };
  }
}
