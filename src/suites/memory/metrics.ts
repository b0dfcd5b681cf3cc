/** Gate metrics of the memory suite: retained bytes per instruction, one sample per repetition. */
import type { Metric } from '../contract.js';
import { ownEntries } from '../records.js';
import type { MemoryResult } from './schema.js';

/** Retained heap changes under 1 KiB per instruction are within GC noise and never fail the gate. */
export const MEMORY_FLOOR_BYTES = 1024;

export function memoryMetrics(m: MemoryResult): Metric[] {
  return ownEntries(m.categories).map(([name, c]): Metric => ({ kind: 'samples', id: `memory.${name}.retainedBytesPerInstruction`, label: `retained heap ${name}`, unit: 'B/instr', direction: 'lower', statistic: 'mean', samples: c.samples, unitOfIndependence: 'repetition', measure: 'memory', absoluteFloor: MEMORY_FLOOR_BYTES }));
}
