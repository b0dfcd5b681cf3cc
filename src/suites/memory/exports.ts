/** CI export figures of the memory suite. */
import { summarize } from '../../stats/summary.js';
import type { ExportFigure } from '../contract.js';
import { ownEntries } from '../records.js';
import type { MemoryResult } from './schema.js';

export function memoryExports(m: MemoryResult): ExportFigure[] {
  return ownEntries(m.categories).map(([name, c]) => ({
    benchmark: `memory/${name}`,
    measure: 'retained-bytes-per-instruction',
    unit: 'bytes/instruction',
    value: c.retainedBytesPerInstruction,
    ...(c.samples.length >= 2 ? { ci: summarize(c.samples).ci95Median } : {}),
    better: 'lower' as const,
    extra: c.verdict,
  }));
}
