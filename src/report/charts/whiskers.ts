/**
 * A Chart.js plugin for hand-drawn box plots on horizontal bar charts (indexAxis 'y'): it draws, under the
 * bars, a whisker line with end caps from `whiskers[i][0]` to `whiskers[i][1]` (data units of the x axis)
 * through the middle of each bar. The bar itself is a floating bar [q1, q3]: the box.
 */
import type { Chart, Plugin } from 'chart.js';

/** Dataset field read by whiskersPlugin. */
export interface WhiskersDataset {
  whiskers?: [number, number][];
}

/** Whisker colour and line width, CSS px. */
const COLOUR = '#333333';
const LINE_WIDTH = 2;

export const whiskersPlugin: Plugin = {
  id: 'gasmWhiskers',
  beforeDatasetsDraw(chart: Chart) {
    const { ctx } = chart;
    chart.data.datasets.forEach((dataset, di) => {
      const whiskers = (dataset as WhiskersDataset).whiskers;
      const meta = chart.getDatasetMeta(di);
      if (!whiskers || meta.hidden) return;
      const scale = chart.scales[meta.xAxisID ?? 'x'];
      meta.data.forEach((element, i) => {
        const w = whiskers[i];
        if (!w || !(w[0] > 0) || !Number.isFinite(w[1])) return;
        const y = element.y;
        const cap = ((element as unknown as { height?: number }).height ?? 40) / 3;
        const left = scale.getPixelForValue(w[0]);
        const right = scale.getPixelForValue(w[1]);
        ctx.save();
        ctx.strokeStyle = COLOUR;
        ctx.lineWidth = LINE_WIDTH;
        ctx.beginPath();
        ctx.moveTo(left, y);
        ctx.lineTo(right, y);
        ctx.moveTo(left, y - cap);
        ctx.lineTo(left, y + cap);
        ctx.moveTo(right, y - cap);
        ctx.lineTo(right, y + cap);
        ctx.stroke();
        ctx.restore();
      });
    });
  },
};
