/** A Chart.js plugin that draws 95% CI whiskers on bar datasets from `errorBars: [[lo, hi], …]` on the dataset. */
import type { Chart, Plugin } from 'chart.js';

export const errorBarsPlugin: Plugin = {
  id: 'gasmErrorBars',
  afterDatasetsDraw(chart: Chart) {
    const { ctx } = chart;
    chart.data.datasets.forEach((dataset, di) => {
      const bars = (dataset as { errorBars?: [number, number][] }).errorBars;
      if (!bars) return;
      const meta = chart.getDatasetMeta(di);
      const scale = chart.scales[meta.yAxisID ?? 'y'];
      meta.data.forEach((element, i) => {
        const ci = bars[i];
        if (!ci || !Number.isFinite(ci[0]) || !Number.isFinite(ci[1])) return;
        const x = element.x;
        const top = scale.getPixelForValue(ci[1]);
        const bottom = scale.getPixelForValue(ci[0]);
        ctx.save();
        ctx.strokeStyle = '#111111';
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.moveTo(x, top);
        ctx.lineTo(x, bottom);
        ctx.moveTo(x - 10, top);
        ctx.lineTo(x + 10, top);
        ctx.moveTo(x - 10, bottom);
        ctx.lineTo(x + 10, bottom);
        ctx.stroke();
        ctx.restore();
      });
    });
  },
};

/** Draws `labels: string[]` on a dataset above each bar (used for quality beside throughput). */
export const barLabelsPlugin: Plugin = {
  id: 'gasmBarLabels',
  afterDatasetsDraw(chart: Chart) {
    const { ctx } = chart;
    chart.data.datasets.forEach((dataset, di) => {
      const labels = (dataset as { barLabels?: string[] }).barLabels;
      if (!labels) return;
      chart.getDatasetMeta(di).data.forEach((element, i) => {
        const text = labels[i];
        if (!text) return;
        ctx.save();
        ctx.fillStyle = '#ffffff';
        ctx.font = `bold 13px ${chart.options.font?.family ?? 'sans-serif'}`;
        ctx.textAlign = 'center';
        const lines = text.split('\n');
        const base = (element as unknown as { base: number }).base;
        lines.forEach((line, k) => ctx.fillText(line, element.x, base - 12 - (lines.length - 1 - k) * 16));
        ctx.restore();
      });
    });
  },
};
