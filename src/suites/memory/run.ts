/**
 * Memory suite: per category, `instructions` instructions through processBatch, with JS heap, RSS, external
 * and array-buffer bytes, and tfjs tensor counts/bytes read before, during and after (after a full GC).
 * Retained bytes per instruction = (heap after GC − heap before, after GC) / instructions, one sample per
 * repetition. A leak is declared when tensors are left behind or the retained heap per instruction exceeds
 * LEAK_BYTES_PER_INSTRUCTION in the median repetition.
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

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Measures one category; `signal` stops between batches (the partial repetition is dropped). */
export async function measureMemoryCategory(processBatch: BatchProcessor, set: InstructionSet, options: MemoryOptions, signal?: AbortSignal): Promise<MemoryCategory | null> {
  const batches = chunk(cycle(set.instructions, options.instructions), options.batchSize);
  const threshold = options.leakBytesPerInstruction ?? LEAK_BYTES_PER_INSTRUCTION;
  // Warm-up: one whole unmeasured repetition, so that compiled code, inline caches and backend buffers are
  // in place before the first snapshot and are not counted as retained.
  for (const batch of batches) processBatch(batch);
  const gcExposed = collectGarbage();
  const first = snapshot();
  const samples: number[] = [];
  const timeline: MemoryPoint[] = [];
  let peakHeap = first.heapUsed;
  let peakRss = first.rss;
  let last = first;
  const t0 = performance.now();
  let done = 0;
  for (let rep = 0; rep < options.repetitions; rep++) {
    collectGarbage();
    const before = snapshot();
    let sink: GasmResponse[] = [];
    for (const batch of batches) {
      if (signal?.aborted) break;
      sink = processBatch(batch);
      done += batch.length;
      const m = process.memoryUsage();
      peakHeap = Math.max(peakHeap, m.heapUsed);
      peakRss = Math.max(peakRss, m.rss);
      timeline.push({ t: performance.now() - t0, instructions: done, heapUsed: m.heapUsed, rss: m.rss, tensors: tf.memory().numTensors });
      await yieldToEventLoop();
    }
    void sink;
    sink = [];
    if (signal?.aborted) break;
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
    heapUsedPeak: peakHeap,
    rssBefore: first.rss,
    rssAfter: last.rss,
    rssPeak: peakRss,
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
    timeline,
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
