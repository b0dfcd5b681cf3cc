/**
 * A Chart.js plugin that writes a short label above each bar (above its CI whisker when there is one),
 * in dark text on the white background. A dataset opts in with `barLabels: string[]` ("\n" splits lines).
 */
import type { Chart, Plugin } from 'chart.js';
import type { ErrorBarsDataset } from './error-bars.js';

/** Dataset field read by barLabelsPlugin. */
export interface BarLabelsDataset extends ErrorBarsDataset {
  barLabels?: string[];
}

/** Label font size and line height, CSS px. */
const FONT_SIZE = 14;
const LINE_HEIGHT = 17;

export const barLabelsPlugin: Plugin = {
  id: 'gasmBarLabels',
  afterDatasetsDraw(chart: Chart) {
    const { ctx } = chart;
    chart.data.datasets.forEach((dataset, di) => {
      const { barLabels, errorBars } = dataset as BarLabelsDataset;
      const meta = chart.getDatasetMeta(di);
      if (!barLabels || meta.hidden) return;
      const scale = chart.scales[meta.yAxisID ?? 'y'];
      meta.data.forEach((element, i) => {
        const text = barLabels[i];
        if (!text) return;
        const ci = errorBars?.[i];
        const whiskerTop = ci && Number.isFinite(ci[1]) ? scale.getPixelForValue(ci[1]) : element.y;
        const top = Math.min(element.y, whiskerTop);
        const lines = text.split('\n');
        ctx.save();
        ctx.fillStyle = '#222222';
        ctx.font = `${FONT_SIZE}px ${String(chart.options.font?.family ?? 'sans-serif')}`;
        ctx.textAlign = 'center';
        ctx.textBaseline = 'bottom';
        lines.forEach((line, k) => ctx.fillText(line, element.x, top - 6 - (lines.length - 1 - k) * LINE_HEIGHT));
        ctx.restore();
      });
    });
  },
};
