/**
 * Parallel speedup against worker threads: the ideal line (speedup = workers), the measured median
 * speedup at 1 and N workers, and each repetition's speedup at N as small points drawn on top.
 */
import type { ChartConfiguration } from 'chart.js';
import { renderPng } from '../../../report/charts/canvas.js';
import { axis, PALETTE, percent, titled } from '../../../report/charts/theme.js';
import { withInterval } from '../../../format/numbers.js';
import type { ChartSpec, ReportView } from '../../contract.js';
import type { ParallelResult } from '../schema.js';

/** Legend in dataset order (the repetitions' draw order puts them first otherwise). */
function inDatasetOrder(plugins: ReturnType<typeof titled>) {
  const labels = { ...plugins.legend.labels, sort: (a: { datasetIndex?: number }, b: { datasetIndex?: number }) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) };
  return { ...plugins, legend: { ...plugins.legend, labels } };
}

/** The chart: pipeline speedup (with its interval and each repetition) beside the machine's capacity. */
export function speedupChart(p: ParallelResult, view: ReportView): ChartSpec {
  const n = Math.max(1, p.workers);
  const repetitions = p.samples.speedup.filter(Number.isFinite);
  const machine = Number.isFinite(p.machine.speedup) ? p.machine.speedup : 1;
  const top = Math.max(n, p.speedup, machine, ...repetitions);
  const failed = p.failedWorkers > 0 ? `, ${p.failedWorkers} worker(s) failed` : '';
  const config: ChartConfiguration = {
    type: 'line',
    data: {
      datasets: [
        { label: 'ideal: speedup = workers', data: [{ x: 1, y: 1 }, { x: n, y: n }], borderColor: '#777777', backgroundColor: '#777777', borderDash: [10, 6], pointRadius: 0, borderWidth: 2, pointStyle: 'line' },
        { label: `machine capacity (plain arithmetic): ${machine.toFixed(2)}× [${p.machine.ci95[0].toFixed(2)}, ${p.machine.ci95[1].toFixed(2)}]`, data: [{ x: 1, y: 1 }, { x: n, y: machine }], borderColor: PALETTE[2], backgroundColor: PALETTE[2], borderDash: [4, 4], pointRadius: 7, borderWidth: 2, pointStyle: 'rect' },
        { label: `pipeline: ${p.speedup.toFixed(2)}× [${p.speedupCi95[0].toFixed(2)}, ${p.speedupCi95[1].toFixed(2)}] with ${n} workers, efficiency ${withInterval(p.efficiency, p.efficiencyCi95, percent)}`, data: [{ x: 1, y: 1 }, { x: n, y: p.speedup }], borderColor: PALETTE[0], backgroundColor: PALETTE[0], pointRadius: 8, borderWidth: 3, pointStyle: 'circle' },
        { type: 'scatter', label: 'each repetition', data: repetitions.map((y) => ({ x: n, y })), borderColor: PALETTE[1], backgroundColor: PALETTE[1], pointRadius: 6, pointStyle: 'triangle', order: -1 },
      ],
    },
    options: {
      plugins: inDatasetOrder(titled(`Parallel speedup over worker threads (${withInterval(p.relativeToMachine, p.relativeToMachineCi95, percent)} of the machine's capacity, 95% CI)${failed}`, `${p.instructions.toLocaleString('en-US')} instructions per phase · sequential ${p.sequentialMs.toFixed(0)} ms, parallel ${p.parallelMs.toFixed(0)} ms · ${view.subtitle}`)),
      layout: { padding: { right: 24 } },
      scales: {
        x: axis('worker threads', { type: 'linear', min: 0.8, max: n + 0.2, afterBuildTicks: (scale: { ticks: { value: number }[] }) => { scale.ticks = Array.from({ length: n }, (_, i) => ({ value: i + 1 })); } }),
        y: axis('speedup over one thread (×)', { min: 0, max: Math.ceil(top * 1.15 * 2) / 2 }),
      },
    },
  };
  return { name: 'parallel', title: 'Parallel speedup', render: () => renderPng(config) };
}
