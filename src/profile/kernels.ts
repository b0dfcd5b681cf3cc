/**
 * Per-kernel profile of the network: tf.profile around the bridge's work, aggregated by kernel name (calls,
 * total milliseconds as the backend reports them, bytes of the outputs, the distinct input shapes seen).
 */
import * as tf from '@tensorflow/tfjs-core';

/** One tfjs kernel's share of the profiled work. */
export interface KernelRow {
  name: string;
  calls: number;
  /** Sum of the backend's kernel times, ms (wall time of each kernel on synchronous backends such as wasm and cpu). */
  totalMs: number;
  /** Bytes of the tensors the kernel produced (tf.profile's bytesAdded, summed). */
  bytes: number;
  /** Distinct input shapes, most frequent first (at most MAX_SHAPES). */
  shapes: string[];
}

/** Distinct input shapes kept per kernel. */
export const MAX_SHAPES = 3;

/** Runs `work` under tf.profile and aggregates its kernels, most time first. */
export async function profileKernels(work: () => void): Promise<KernelRow[]> {
  const info = await tf.profile(work);
  const rows = new Map<string, KernelRow & { shapeCounts: Map<string, number> }>();
  for (const k of info.kernels) {
    const time = await k.kernelTimeMs;
    const ms = typeof time === 'number' && Number.isFinite(time) ? time : 0;
    let row = rows.get(k.name);
    if (!row) {
      row = { name: k.name, calls: 0, totalMs: 0, bytes: 0, shapes: [], shapeCounts: new Map() };
      rows.set(k.name, row);
    }
    row.calls++;
    row.totalMs += ms;
    row.bytes += Number.isFinite(k.bytesAdded) ? Math.max(0, k.bytesAdded) : 0;
    const shape = JSON.stringify(k.inputShapes);
    row.shapeCounts.set(shape, (row.shapeCounts.get(shape) ?? 0) + 1);
  }
  return [...rows.values()]
    .map(({ shapeCounts, ...row }) => ({
      ...row,
      shapes: [...shapeCounts.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_SHAPES).map(([s]) => s),
    }))
    .sort((a, b) => b.totalMs - a.totalMs || a.name.localeCompare(b.name));
}
