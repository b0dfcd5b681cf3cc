/** Tables of the memory suite. */
import { fixed, mib, withInterval } from '../../format/numbers.js';
import { summarize } from '../../stats/summary.js';
import type { Table } from '../contract.js';
import { ownEntries } from '../records.js';
import type { MemoryResult } from './schema.js';

/** Retained bytes per instruction: the median over repetitions beside its own interval. */
export function retainedCell(median: number, samples: readonly number[]): string {
  const ci = samples.length >= 2 ? summarize(samples).ci95Median : null;
  return withInterval(median, ci, (x) => fixed(x, 1));
}

export function memoryTables(m: MemoryResult): Table[] {
  const cats = ownEntries(m.categories);
  if (cats.length === 0) return [];
  return [{
    title: `Memory (batch ${m.batchSize})`,
    head: ['category', 'instructions × repetitions', 'heap after GC, before → after', 'peak RSS', 'tensors before → after', 'retained B/instruction median [95% CI]', 'verdict'],
    rows: cats.map(([n, c]) => [
      n,
      `${c.instructions} × ${c.repetitions}`,
      `${mib(c.heapUsedBefore)} → ${mib(c.heapUsedAfter)}`,
      mib(c.rssPeak),
      `${c.tensorsBefore} → ${c.tensorsAfter}`,
      retainedCell(c.retainedBytesPerInstruction, c.samples),
      c.leak ? 'LEAK' : 'ok',
    ]),
    notes: [
      'Retained: (heap after a forced GC at the end of a repetition − heap after a forced GC before it) / instructions, one sample per repetition; the interval is a bootstrap over repetitions (with 3 repetitions it spans their range).',
      'Heap before → after: after forced GCs, before the first and after the last measured repetition. The heap between batches (the chart’s sawtooth) is not collected and is not the retained figure.',
    ],
  }];
}
