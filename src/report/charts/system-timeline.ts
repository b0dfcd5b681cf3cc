/**
 * The system during the run, from the sampler: CPU load (%) and memory (GiB) against seconds since the start,
 * with each measured case's span shaded and named, so a reader can tell whether the machine was quiet then.
 */
import type { ChartConfiguration, Plugin } from 'chart.js';
import type { BenchReport } from '../types.js';
import { renderPng, type ChartFile } from './canvas.js';
import { axis, PALETTE, subtitleOf, titled } from './theme.js';

const GIB = 2 ** 30;

/** Narrowest span (CSS px) whose name is written upwards when it does not fit across. */
const MIN_VERTICAL_LABEL_PX = 13;

/** Light fills for alternating case spans. */
const SPAN_FILLS = ['rgba(0,114,178,0.08)', 'rgba(230,159,0,0.10)'];

/** Shades each case's span (report.timeline.cases) behind the lines and writes its name at the top. */
function caseSpansPlugin(cases: BenchReport['timeline']['cases'], endMs: number): Plugin {
  return {
    id: 'gasmCaseSpans',
    beforeDatasetsDraw(chart) {
      const x = chart.scales.x;
      const { top, bottom } = chart.chartArea;
      const ctx = chart.ctx;
      ctx.save();
      cases.forEach((c, i) => {
        const x0 = x.getPixelForValue(c.startMs / 1000);
        const x1 = x.getPixelForValue((c.endMs ?? endMs) / 1000);
        if (!(x1 > x0)) return;
        ctx.fillStyle = SPAN_FILLS[i % SPAN_FILLS.length];
        ctx.fillRect(x0, top, x1 - x0, bottom - top);
        ctx.fillStyle = '#555555';
        ctx.font = '12px "DejaVu Sans"';
        ctx.textBaseline = 'top';
        const label = `${c.suite} › ${c.case}`;
        if (ctx.measureText(label).width < x1 - x0 - 4) ctx.fillText(label, x0 + 3, top + 3 + (i % 2) * 14);
        else if (x1 - x0 >= MIN_VERTICAL_LABEL_PX) {
          // A narrow span: its name written upwards from the bottom, inside the span.
          ctx.save();
          ctx.translate(x0 + (x1 - x0) / 2 - 6, bottom - 4);
          ctx.rotate(-Math.PI / 2);
          ctx.fillText(label, 0, 0);
          ctx.restore();
        }
      });
      ctx.restore();
    },
  };
}

/** The chart, or null when the sampler was off or took no samples (the caller notes why). */
export function systemTimelineChart(r: BenchReport): ChartFile | null {
  const samples = r.timeline.samples;
  if (!r.timeline.enabled || samples.length === 0) return null;
  const line = (label: string, colour: string, yAxisID: string, y: (s: (typeof samples)[number]) => number, dash: number[] = []) => ({
    label, data: samples.map((s) => ({ x: s.t / 1000, y: y(s) })), borderColor: colour, backgroundColor: colour, borderDash: dash, pointRadius: 0, borderWidth: 3, pointStyle: 'line', yAxisID,
  });
  const config: ChartConfiguration = {
    type: 'line',
    data: {
      datasets: [
        line('CPU load, mean of all cores (%)', PALETTE[0], 'y', (s) => s.cpu),
        line('system memory in use (GiB, right axis)', PALETTE[1], 'y1', (s) => s.memUsedBytes / GIB),
        line('gasm process RSS (GiB, right axis)', PALETTE[2], 'y1', (s) => s.rssBytes / GIB, [8, 5]),
      ],
    },
    options: {
      plugins: titled(r.timeline.cases?.length ? 'System during the run (shaded: each measured case)' : 'System during the run', `sampled every ${r.timeline.intervalMs} ms in a worker thread (${r.timeline.meanSampleCostMs.toFixed(1)} ms per sample) · ${subtitleOf(r)}`),
      layout: { padding: { right: 12 } },
      scales: {
        x: axis('seconds since the run started', { type: 'linear', beginAtZero: true }),
        y: axis('CPU load (%)', { min: 0, max: 100 }),
        y1: axis('gibibytes (GiB = 2^30 bytes)', { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false } }),
      },
    },
  };
  const endMs = samples[samples.length - 1].t;
  return { name: 'system.png', title: 'System during the run', png: renderPng(config, [caseSpansPlugin(r.timeline.cases ?? [], endMs)]) };
}
