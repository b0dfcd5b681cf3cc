/**
 * A Chart.js plugin that draws 95% confidence-interval whiskers on bar datasets. A dataset opts in with
 * `errorBars: [lower, upper][]` (one pair per bar, in data units; non-finite pairs are skipped).
 */
import type { Chart, Plugin } from 'chart.js';

/** Dataset field read by errorBarsPlugin. */
export interface ErrorBarsDataset {
  errorBars?: [number, number][];
}

/** Whisker colour and half-width of the caps, CSS px. */
const WHISKER_COLOUR = '#111111';
const CAP_HALF_WIDTH = 10;

export const errorBarsPlugin: Plugin = {
  id: 'gasmErrorBars',
  afterDatasetsDraw(chart: Chart) {
    const { ctx } = chart;
    chart.data.datasets.forEach((dataset, di) => {
      const bars = (dataset as ErrorBarsDataset).errorBars;
      const meta = chart.getDatasetMeta(di);
      if (!bars || meta.hidden) return;
      const scale = chart.scales[meta.yAxisID ?? 'y'];
      meta.data.forEach((element, i) => {
        const ci = bars[i];
        if (!ci || !Number.isFinite(ci[0]) || !Number.isFinite(ci[1]) || ci[0] <= 0 && scale.type === 'logarithmic') return;
        const x = element.x;
        const half = Math.min(CAP_HALF_WIDTH, ((element as unknown as { width?: number }).width ?? 40) / 3);
        const top = scale.getPixelForValue(ci[1]);
        const bottom = scale.getPixelForValue(ci[0]);
        ctx.save();
        ctx.strokeStyle = WHISKER_COLOUR;
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.moveTo(x, top);
        ctx.lineTo(x, bottom);
        ctx.moveTo(x - half, top);
        ctx.lineTo(x + half, top);
        ctx.moveTo(x - half, bottom);
        ctx.lineTo(x + half, bottom);
        ctx.stroke();
        ctx.restore();
      });
    });
  },
};
