/**
 * Memory over a memory-suite category: JS heap between batches (not collected: a sawtooth of garbage), the heap
 * after forced GCs before and after the measured repetitions (what the retained figure compares), RSS (MiB, left
 * axis) and live tfjs tensors (right axis) against instructions processed, with the retained bytes per
 * instruction and its interval in the title. One chart per category.
 */
import type { ChartConfiguration } from 'chart.js';
import { MIB } from '../../../format/numbers.js';
import { renderPng } from '../../../report/charts/canvas.js';
import { axis, PALETTE, titled } from '../../../report/charts/theme.js';
import type { ChartSpec, ReportView } from '../../contract.js';
import { ownEntries } from '../../records.js';
import type { MemoryCategory, MemoryResult } from '../schema.js';
import { retainedCell } from '../tables.js';

/** The chart.js configuration of one category's chart (heap and RSS in MiB). */
export function memoryChartConfig(name: string, c: MemoryCategory, view: ReportView): ChartConfiguration {
  const verdict = `${c.leak ? 'LEAK' : 'no leak'}, ${retainedCell(c.retainedBytesPerInstruction, c.samples)} B/instruction retained, ${c.leakedTensors} tensors left`;
  const maxTensors = Math.max(...c.timeline.map((p) => p.tensors));
  return {
    type: 'line',
    data: {
      datasets: [
        { label: 'JS heap after a forced GC, before the first and after the last repetition (MiB): the retained figure', data: [{ x: 0, y: c.heapUsedBefore / MIB }, { x: c.instructions * c.repetitions, y: c.heapUsedAfter / MIB }], borderColor: PALETTE[7], backgroundColor: PALETTE[7], pointRadius: 7, borderWidth: 2, pointStyle: 'rectRot', yAxisID: 'y' },
        { label: 'JS heap used between batches, no GC (MiB): garbage comes and goes', data: c.timeline.map((p) => ({ x: p.instructions, y: p.heapUsed / MIB })), borderColor: PALETTE[0], backgroundColor: PALETTE[0], pointRadius: 0, borderWidth: 3, pointStyle: 'line', yAxisID: 'y' },
        { label: 'resident set size, RSS (MiB)', data: c.timeline.map((p) => ({ x: p.instructions, y: p.rss / MIB })), borderColor: PALETTE[1], backgroundColor: PALETTE[1], pointRadius: 0, borderWidth: 3, pointStyle: 'line', yAxisID: 'y' },
        { label: 'live tfjs tensors (right axis)', data: c.timeline.map((p) => ({ x: p.instructions, y: p.tensors })), borderColor: PALETTE[2], backgroundColor: PALETTE[2], borderDash: [8, 5], pointRadius: 0, borderWidth: 3, pointStyle: 'line', yAxisID: 'y1' },
      ],
    },
    options: {
      plugins: titled(`Memory (${name}): ${verdict}`, `retained: median [95% CI] over ${c.repetitions} repetitions × ${c.instructions.toLocaleString('en-US')} instructions${c.gcExposed ? '' : ' · GC not exposed: figures include garbage'} · ${view.subtitle}`),
      layout: { padding: { right: 12 } },
      scales: {
        x: axis('instructions processed in the measured repetitions', { type: 'linear', beginAtZero: true }),
        y: axis('mebibytes (MiB = 2^20 bytes)', { beginAtZero: true }),
        y1: axis('live tensors', { position: 'right', beginAtZero: true, suggestedMax: Math.max(10, maxTensors * 1.15), grid: { drawOnChartArea: false } }),
      },
    },
  };
}

/** One chart per memory category that has a timeline. */
export function memoryCharts(m: MemoryResult, view: ReportView): ChartSpec[] {
  return ownEntries(m.categories)
    .filter(([, c]) => c.timeline.length > 0)
    .map(([name, c]) => ({ name: `memory-${name}`, title: `Memory over the run (${name})`, render: () => renderPng(memoryChartConfig(name, c, view)) }));
}
