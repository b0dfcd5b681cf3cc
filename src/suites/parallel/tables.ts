/** Tables of the parallel suite. */
import { fixed, pct, sig3, times, withInterval } from '../../format/numbers.js';
import type { Table } from '../contract.js';
import type { ParallelResult } from './schema.js';

export function parallelTables(p: ParallelResult): Table[] {
  return [
    {
      title: `Parallel (${p.workers} workers, ${p.category}, batch ${p.batchSize})`,
      head: ['workers', 'speedup median [95% CI]', 'efficiency', 'machine capacity [95% CI]', 'pipeline / machine [95% CI]', 'sequential ms', 'parallel ms', 'repetitions', 'failed workers'],
      rows: [[String(p.workers), withInterval(p.speedup, p.speedupCi95, times), withInterval(p.efficiency, p.efficiencyCi95, pct), withInterval(p.machine.speedup, p.machine.ci95, times), withInterval(p.relativeToMachine, p.relativeToMachineCi95, pct), sig3(p.sequentialMs), sig3(p.parallelMs), String(p.repetitions), String(p.failedWorkers)]],
      notes: [
        `Each phase: ${p.passes} passes over a share of ${p.sharePerWorker} instructions per worker; workers start together at a barrier and time themselves.`,
        'Sequential: the sum of each worker alone; parallel: latest end − earliest start with all together. Machine capacity: the same with plain arithmetic.',
        'Speedup is the median over repetitions of each repetition’s sequential / parallel; the sequential and parallel ms columns are each their own median over repetitions, so their quotient need not equal it.',
        'Intervals: bootstrap over repetitions (speedup, capacity, efficiency = speedup / workers); pipeline / machine pairs each repetition’s two measurements.',
      ],
    },
    {
      title: 'Parallel: per worker',
      head: ['worker', 'instructions', 'alone ms (median)', 'together ms (median)', 'error'],
      rows: p.perWorker.map((w) => [String(w.worker), String(w.instructions), fixed(w.aloneMs, 1), fixed(w.togetherMs, 1), w.error ?? '']),
    },
  ];
}
