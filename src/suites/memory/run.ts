/**
 * Memory suite: per category, `instructions` instructions through processBatch, with JS heap, RSS, external
 * and array-buffer bytes, and tfjs tensor counts/bytes read before, during and after (after a full GC).
 * Retained bytes per instruction = (heap after GC − heap before, after GC) / instructions, one sample per
 * repetition. A leak is declared when tensors are left behind or the retained heap per instruction exceeds
 * LEAK_BYTES_PER_INSTRUCTION in the median repetition.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { GasmResponse } from '../../pipeline/types.js';
import type { MemoryCategory, MemoryPoint, MemorySuite } from '../../report/types.js';
import { median } from '../../stats/quantile.js';
import { LEAK_BYTES_PER_INSTRUCTION } from '../constants.js';
import { collectGarbage } from '../gc.js';
import { chunk, cycle } from '../response-tally.js';
import type { InstructionSet } from './throughput.js';

export interface MemoryOptions {
  sets: InstructionSet[];
  instructions: number;
  repetitions: number;
  batchSize: number;
  leakBytesPerInstruction?: number;
}

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

/** Runs every category; on abort keeps what was measured. */
export async function runMemory(processBatch: BatchProcessor, options: MemoryOptions, hooks: { signal?: AbortSignal; onCategory?: (name: string) => void }): Promise<{ suite: MemorySuite; aborted: boolean }> {
  const suite: MemorySuite = { categories: {} };
  for (const set of options.sets) {
    hooks.onCategory?.(set.name);
    const result = await measureMemoryCategory(processBatch, set, options, hooks.signal);
    if (result) suite.categories[set.name] = result;
    if (hooks.signal?.aborted) return { suite, aborted: true };
  }
  return { suite, aborted: false };
}
