/**
 * Scalability with scene size: milliseconds per instruction against the number of objects, log-log,
 * with the upper-half power law (the growth, with its exponent's interval; `upperFit`) drawn solid over its range
 * and the whole-range fit (`complexity`) dashed grey: a fixed cost per instruction flattens the latter at small N.
 */
import type { ChartConfiguration } from 'chart.js';
import { renderPng } from '../../../report/charts/canvas.js';
import { errorBarsPlugin } from '../../../report/charts/error-bars.js';
import { axis, fixedTicks, formatNumber, logAxisRange, PALETTE, titled } from '../../../report/charts/theme.js';
import { withInterval } from '../../../format/numbers.js';
import type { ChartSpec, ReportView } from '../../contract.js';
import type { ScalabilityResult } from '../schema.js';

/** Points on the fitted curve between the smallest and largest N. */
const FIT_POINTS = 32;

/** Points of y = a·x^b between lo and hi (none when the fit is missing). */
function curve(a: number, b: number, lo: number, hi: number): { x: number; y: number }[] {
  if (!Number.isFinite(a) || !Number.isFinite(b) || !(hi > lo)) return [];
  return Array.from({ length: FIT_POINTS }, (_, i) => {
    const x = lo * (hi / lo) ** (i / (FIT_POINTS - 1));
    return { x, y: a * x ** b };
  });
}

/** The chart, or null when there are no scene-size points. */
export function objectsChart(s: ScalabilityResult, view: ReportView): ChartSpec | null {
  const points = s.objects.filter((p) => p.objects > 0 && p.msPerInstruction > 0);
  if (points.length === 0) return null;
  const { exponent: b, coefficient: a, r2 } = s.complexity ?? { exponent: Number.NaN, coefficient: Number.NaN, r2: Number.NaN };
  const xs = points.map((p) => p.objects);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const fit = curve(a, b, lo, hi);
  const upper = s.upperFit ? curve(s.upperFit.coefficient, s.upperFit.exponent, s.upperFit.from, s.upperFit.to) : [];
  const ys = [...points.map((p) => p.msPerInstruction), ...points.map((p) => p.summary.ci95Median[0]), ...points.map((p) => p.summary.ci95Median[1]), ...fit.map((p) => p.y), ...upper.map((p) => p.y)].filter((y) => y > 0 && Number.isFinite(y));
  const yRange = logAxisRange(Math.min(...ys), Math.max(...ys), 1.3);
  const config: ChartConfiguration = {
    type: 'scatter',
    data: {
      datasets: [
        {
          label: `measured: median ms per instruction with its 95% CI (${s.category} instructions)`,
          data: points.map((p) => ({ x: p.objects, y: p.msPerInstruction })),
          errorBars: points.map((p) => p.summary.ci95Median),
          backgroundColor: PALETTE[0],
          borderColor: PALETTE[0],
          pointRadius: 8,
          pointStyle: 'circle',
        } as never,
        ...(s.upperFit ? [{
          type: 'line' as const,
          label: `growth over ${s.upperFit.from}–${s.upperFit.to} objects (upper half): N^${withInterval(s.upperFit.exponent, s.upperFit.ci95, (x) => x.toFixed(2))} (95% CI)${s.bigO ? `; best model ${s.bigO.best}` : ''}`,
          data: upper,
          borderColor: PALETTE[3],
          backgroundColor: PALETTE[3],
          pointRadius: 0,
          borderWidth: 4,
          pointStyle: 'line' as const,
        }] : []),
        {
          type: 'line',
          label: s.complexity ? `fit over every size: y = ${formatNumber(a)}·N^${b.toFixed(2)}, R² = ${r2.toFixed(3)} (flattened by the fixed cost at small N)` : "no power-law fit (see the report's warnings)",
          data: fit,
          borderColor: '#888888',
          backgroundColor: '#888888',
          borderDash: [10, 6],
          pointRadius: 0,
          borderWidth: 2,
          pointStyle: 'line',
        },
      ],
    },
    options: {
      plugins: titled('Scalability: time per instruction vs objects in the scene (log-log)', view.subtitle),
      layout: { padding: { right: 24 } },
      scales: {
        x: { ...axis('objects in the scene, N (log scale)', { type: 'logarithmic', min: lo / 1.25, max: hi * 1.25 }), ...fixedTicks(xs) },
        y: { ...axis('milliseconds per instruction (log scale)', { type: 'logarithmic', min: yRange.min, max: yRange.max }), ...fixedTicks(yRange.ticks) },
      },
    },
  };
  return { name: 'scalability-objects', title: 'Time per instruction vs objects (log-log)', render: () => renderPng(config, [errorBarsPlugin]) };
}
