/**
 * Gate metrics of the memory suite: retained bytes per instruction, one sample per repetition, compared through
 * the median — the statistic the report calls `retainedBytesPerInstruction` and the tables print.
 */
import { LEAK_BYTES_PER_INSTRUCTION } from '../../bench/constants.js';
import type { Metric } from '../contract.js';
import { ownEntries } from '../records.js';
import type { MemoryResult } from './schema.js';

/**
 * Changes of the median retained heap under a quarter of the leak limit (128 B per instruction) are GC noise
 * and never fail the gate. Repetitions of one run spread over about 6–21 B/instruction (README), so the floor
 * sits well above that noise and well below the limit: from any clean baseline up to 3/4 of the limit, a
 * current median above the limit (a leak by the suite's own verdict) is outside the floor and at least 33 %
 * higher, beyond the default 10 % threshold.
 */
export const MEMORY_FLOOR_BYTES = LEAK_BYTES_PER_INSTRUCTION / 4;

/**
 * Per category: retained bytes per instruction (noise floor above, the leak limit as an absolute bound), and the
 * tensors left behind (one figure per run, bound 0): a run the suite itself calls a leak fails the gate whatever
 * the baseline.
 */
export function memoryMetrics(m: MemoryResult): Metric[] {
  return ownEntries(m.categories).flatMap(([name, c]): Metric[] => [
    {
      kind: 'samples',
      id: `memory.${name}.retainedBytesPerInstruction`,
      label: `retained heap per instruction ${name} (median over repetitions, heap after forced GC)`,
      unit: 'B/instr',
      direction: 'lower',
      statistic: 'median',
      samples: c.samples,
      unitOfIndependence: 'repetition',
      measure: 'memory',
      absoluteFloor: MEMORY_FLOOR_BYTES,
      limit: LEAK_BYTES_PER_INSTRUCTION,
    },
    {
      kind: 'samples',
      id: `memory.${name}.leakedTensors`,
      label: `tfjs tensors left behind ${name} (after all repetitions)`,
      unit: 'tensors',
      direction: 'lower',
      statistic: 'median',
      samples: [c.leakedTensors],
      unitOfIndependence: 'run',
      measure: 'count',
      limit: 0,
      limitOnly: true,
    },
  ]);
}
