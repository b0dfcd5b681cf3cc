/**
 * One trend chart per metric: its figure (dots joined by a line) and 95% interval (whiskers) against commit
 * order, one line per machine fingerprint, and each detected step marked by a dashed vertical line at the first
 * commit where it appears, labelled with its change (red for a regression, green for an improvement).
 */
import type { Chart, Plugin } from 'chart.js';
import { pct, sig3 } from '../format/numbers.js';
import { renderPng } from '../report/charts/canvas.js';
import { errorBarsPlugin } from '../report/charts/error-bars.js';
import { axis, PALETTE, titled } from '../report/charts/theme.js';
import type { CommitSeries } from './series.js';
import type { MetricInfo } from './types.js';

/** Colours of step markers. */
export const REGRESSION_COLOUR = '#C0392B';
export const IMPROVEMENT_COLOUR = '#1E8449';

interface StepMark {
  index: number;
  text: string;
  colour: string;
}

function stepMarksPlugin(marks: StepMark[]): Plugin {
  return {
    id: 'gasmStepMarks',
    afterDatasetsDraw(chart: Chart) {
      const { ctx, chartArea } = chart;
      const x = chart.scales.x;
      marks.forEach((mark, i) => {
        const px = x.getPixelForValue(mark.index);
        ctx.save();
        ctx.strokeStyle = mark.colour;
        ctx.lineWidth = 2;
        ctx.setLineDash([8, 6]);
        ctx.beginPath();
        ctx.moveTo(px, chartArea.top);
        ctx.lineTo(px, chartArea.bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.fillStyle = mark.colour;
        ctx.font = 'bold 14px "DejaVu Sans"';
        const width = ctx.measureText(mark.text).width;
        const left = px + 6 + width > chartArea.right ? px - 6 - width : px + 6;
        ctx.fillText(mark.text, left, chartArea.top + 18 + 18 * (i % 3));
        ctx.restore();
      });
    },
  };
}

/**
 * The PNG of one metric's trend. `machineLabels` maps fingerprints to their readable line (legend);
 * `subtitle` says which runs were read.
 */
export function trendChartPng(metric: MetricInfo, series: CommitSeries, machineLabels: Map<string, string>, subtitle: string): Buffer {
  const marks: StepMark[] = [];
  const datasets = series.machines.map((m, i) => {
    const colour = PALETTE[i % PALETTE.length];
    for (const s of m.steps) {
      const worse = metric.direction === 'higher' ? s.change < 0 : s.change > 0;
      const which = series.machines.length > 1 ? ` (${m.machine.slice(0, 8)})` : '';
      marks.push({ index: s.index, text: `${s.change > 0 ? '+' : ''}${pct(s.change)} ${worse ? 'regression' : 'improvement'}${which}`, colour: worse ? REGRESSION_COLOUR : IMPROVEMENT_COLOUR });
    }
    const label = `${m.machine.slice(0, 8)} ${machineLabels.get(m.machine) ?? ''}`.trim();
    return {
      label: label.length > 90 ? `${label.slice(0, 87)}…` : label,
      data: m.values,
      errorBars: m.values.map((_, k) => [m.lower[k] ?? NaN, m.upper[k] ?? NaN] as [number, number]),
      borderColor: colour,
      backgroundColor: colour,
      pointRadius: 4,
      pointStyle: 'circle' as const,
      borderWidth: 2,
      spanGaps: true,
    };
  });
  const unit = metric.unit ? ` (${metric.unit})` : '';
  return renderPng(
    {
      type: 'line',
      data: { labels: series.commits.map((c) => c.label), datasets },
      options: {
        plugins: { ...titled(`${metric.label}: ${metric.statistic} with 95% interval by commit`, subtitle) },
        scales: {
          x: axis('commit (in the order first recorded)', { offset: true, ticks: { font: { size: 13 }, maxRotation: 60, autoSkip: true } }),
          y: axis(`${metric.statistic}${unit}, ${metric.direction} is better`, { ticks: { font: { size: 14 }, callback: (v: number | string) => sig3(Number(v)) } }),
        },
      },
    },
    [errorBarsPlugin, stepMarksPlugin(marks)],
  );
}
