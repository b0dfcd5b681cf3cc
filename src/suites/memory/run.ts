/**
 * Memory suite: per category, `instructions` instructions through processBatch, with JS heap, RSS, external
 * and array-buffer bytes, and tfjs tensor counts/bytes read before, during and after (after a full GC).
 * Retained bytes per instruction = (heap after GC − heap before, after GC) / instructions, one sample per
 * repetition. A leak is declared when tensors are left behind or the retained heap per instruction exceeds
 * LEAK_BYTES_PER_INSTRUCTION in the median repetition. The per-batch timeline is written into typed arrays
 * allocated before the first snapshot and turned into points only after the last one, so the suite's own
 * bookkeeping is not counted as retained memory.
 */
import * as tf from '@tensorflow/tfjs-core';
import { LEAK_BYTES_PER_INSTRUCTION } from '../../bench/constants.js';
import { collectGarbage } from '../../bench/gc.js';
import { chunk, cycle } from '../../bench/response-tally.js';
import type { GasmResponse } from '../../pipeline/types.js';
import { median } from '../../stats/quantile.js';
import type { InstructionSet, RunContext, SuiteOutcome } from '../contract.js';
import { toRecord } from '../records.js';
import type { MemoryOptions } from './options.js';
import { retainedCell } from './tables.js';
import type { MemoryCategory, MemoryPoint, MemoryResult } from './schema.js';

/** What the suite runs per batch; the bridge's processBatch, or a wrapper in tests. */
export type BatchProcessor = (texts: string[]) => GasmResponse[];

interface Snapshot {
  heapUsed: number;
  rss: number;
  external: number;
  arrayBuffers: number;
  tensors: number;
  tensorBytes: number;
}

function snapshot(): Snapshot {
  const m = process.memoryUsage();
  const t = tf.memory();
  return { heapUsed: m.heapUsed, rss: m.rss, external: m.external, arrayBuffers: m.arrayBuffers, tensors: t.numTensors, tensorBytes: t.numBytes };
}

/** The per-batch timeline, preallocated: writing a point allocates nothing on the JS heap. */
class TimelineBuffer {
  private readonly t: Float64Array;
  private readonly instructions: Float64Array;
  private readonly heapUsed: Float64Array;
  private readonly rss: Float64Array;
  private readonly tensors: Float64Array;
  private length = 0;

  constructor(capacity: number) {
    this.t = new Float64Array(capacity);
    this.instructions = new Float64Array(capacity);
    this.heapUsed = new Float64Array(capacity);
    this.rss = new Float64Array(capacity);
    this.tensors = new Float64Array(capacity);
  }

  add(t: number, instructions: number, heapUsed: number, rss: number, tensors: number): void {
    const i = this.length++;
    this.t[i] = t;
    this.instructions[i] = instructions;
    this.heapUsed[i] = heapUsed;
    this.rss[i] = rss;
    this.tensors[i] = tensors;
  }

  /** The highest value of a field over the points written (−Infinity when none). */
  max(field: 'heapUsed' | 'rss'): number {
    let best = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < this.length; i++) best = Math.max(best, this[field][i]);
    return best;
  }

  points(): MemoryPoint[] {
    return Array.from({ length: this.length }, (_, i) => ({ t: this.t[i], instructions: this.instructions[i], heapUsed: this.heapUsed[i], rss: this.rss[i], tensors: this.tensors[i] }));
  }
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs the batches once, adding a timeline point after each (instructions counted from `doneBefore`, time from
 * `t0`); false when `signal` stopped it. The warm-up goes through this same loop, so that the loop's own code is
 * compiled before the first snapshot.
 */
async function runBatches(processBatch: BatchProcessor, batches: readonly string[][], timeline: TimelineBuffer, t0: number, doneBefore: number, signal?: AbortSignal): Promise<boolean> {
  let done = doneBefore;
  let sink: GasmResponse[] = [];
  for (const batch of batches) {
    if (signal?.aborted) return false;
    sink = processBatch(batch);
    done += batch.length;
    const m = process.memoryUsage();
    timeline.add(performance.now() - t0, done, m.heapUsed, m.rss, tf.memory().numTensors);
    await yieldToEventLoop();
  }
  void sink;
  return !signal?.aborted;
}

/** Measures one category; `signal` stops between batches (the partial repetition is dropped). */
export async function measureMemoryCategory(processBatch: BatchProcessor, set: InstructionSet, options: MemoryOptions, signal?: AbortSignal): Promise<MemoryCategory | null> {
  const batches = chunk(cycle(set.instructions, options.instructions), options.batchSize);
  const threshold = options.leakBytesPerInstruction ?? LEAK_BYTES_PER_INSTRUCTION;
  // Warm-up: one whole unmeasured repetition through the measuring loop, so that compiled code, inline caches
  // and backend buffers are in place before the first snapshot and are not counted as retained.
  await runBatches(processBatch, batches, new TimelineBuffer(batches.length), performance.now(), 0, signal);
  // Everything the measured repetitions write is allocated here, before the first snapshot.
  const timeline = new TimelineBuffer(batches.length * options.repetitions);
  const samples: number[] = [];
  const gcExposed = collectGarbage();
  const first = snapshot();
  let last = first;
  const t0 = performance.now();
  for (let rep = 0; rep < options.repetitions; rep++) {
    collectGarbage();
    const before = snapshot();
    const complete = await runBatches(processBatch, batches, timeline, t0, rep * options.instructions, signal);
    if (!complete) break;
    collectGarbage();
    last = snapshot();
    samples.push((last.heapUsed - before.heapUsed) / options.instructions);
  }
  if (samples.length === 0) return null;
  const leakedTensors = last.tensors - first.tensors;
  const retained = median(samples);
  const leak = leakedTensors > 0 || retained > threshold;
  const verdict = leak
    ? `leak: ${leakedTensors} tensors and ${retained.toFixed(0)} B/instruction retained (limit ${threshold} B)`
    : `no leak: ${leakedTensors} tensors and ${retained.toFixed(0)} B/instruction retained (limit ${threshold} B)`;
  return {
    instructions: options.instructions,
    repetitions: samples.length,
    gcExposed,
    heapUsedBefore: first.heapUsed,
    heapUsedAfter: last.heapUsed,
    heapUsedPeak: Math.max(first.heapUsed, timeline.max('heapUsed')),
    rssBefore: first.rss,
    rssAfter: last.rss,
    rssPeak: Math.max(first.rss, timeline.max('rss')),
    externalBytes: last.external,
    arrayBuffersBytes: last.arrayBuffers,
    tensorsBefore: first.tensors,
    tensorsAfter: last.tensors,
    tensorBytesBefore: first.tensorBytes,
    tensorBytesAfter: last.tensorBytes,
    leakedTensors,
    retainedBytesPerInstruction: retained,
    samples,
    leak,
    verdict,
    timeline: timeline.points(),
  };
}

/** Runs every category; on abort or failure keeps what was measured. */
export async function runMemory(ctx: RunContext, options: MemoryOptions, processBatch: BatchProcessor = (texts) => ctx.bridge.processBatch(texts)): Promise<SuiteOutcome<MemoryResult>> {
  const categories = new Map<string, MemoryCategory>();
  const result = (): MemoryResult => ({ batchSize: options.batchSize, categories: toRecord(categories) });
  try {
    for (const set of ctx.sets) {
      const started = performance.now();
      ctx.sampler.markCase('memory', set.name, 'start');
      ctx.progress({ suite: 'memory', case: set.name });
      const c = await measureMemoryCategory(processBatch, set, options, ctx.signal);
      ctx.sampler.markCase('memory', set.name, 'end');
      if (c) {
        categories.set(set.name, c);
        if (!c.gcExposed) ctx.warn('NO_GC', `memory/${set.name}: garbage collector not available: retained-memory figures include garbage`);
        ctx.progress({ suite: 'memory', case: set.name, done: { figure: `${retainedCell(c.retainedBytesPerInstruction, c.samples)} B/instruction retained, ${c.leakedTensors} tensors leaked`, runs: c.repetitions, ms: performance.now() - started } });
      }
      if (ctx.signal.aborted) return { status: 'aborted', result: result() };
    }
    return { status: 'ok', result: result() };
  } catch (error) {
    return { status: 'failed', error: error instanceof Error ? error.message : String(error), result: categories.size > 0 ? result() : null };
  }
}
