/** Tables of the memory suite. */
import { fixed, mb } from '../../format/numbers.js';
import type { Table } from '../contract.js';
import { ownEntries } from '../records.js';
import type { MemoryResult } from './schema.js';

export function memoryTables(m: MemoryResult): Table[] {
  const cats = ownEntries(m.categories);
  if (cats.length === 0) return [];
  return [{
    title: `Memory (batch ${m.batchSize})`,
    head: ['category', 'instructions × repetitions', 'heap after GC, before → after', 'peak RSS', 'tensors before → after', 'retained B/instr (median, range)', 'verdict'],
    rows: cats.map(([n, c]) => [
      n,
      `${c.instructions} × ${c.repetitions}`,
      `${mb(c.heapUsedBefore)} → ${mb(c.heapUsedAfter)}`,
      mb(c.rssPeak),
      `${c.tensorsBefore} → ${c.tensorsAfter}`,
      `${fixed(c.retainedBytesPerInstruction, 1)} (${fixed(Math.min(...c.samples), 1)} – ${fixed(Math.max(...c.samples), 1)})`,
      c.leak ? 'LEAK' : 'ok',
    ]),
    notes: ['Retained: heap after a forced GC minus heap before, per instruction, one sample per repetition (the heap between batches is not collected).'],
  }];
}
