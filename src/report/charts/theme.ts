/** Shared look of every chart: colour-blind-safe palette, titles, axes, log-scale ticks, number labels. */
import { pct, sig3 } from '../../format/numbers.js';
import type { ReportView } from '../../suites/contract.js';
import type { BenchReport } from '../schema.js';

/** Okabe–Ito palette (safe for the common colour-vision deficiencies), black last. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000'];

/** Title, subtitle and legend options (legend uses point styles, so lines show as lines). */
export function titled(text: string, subtitle?: string) {
  return {
    title: { display: true, text, font: { size: 20, weight: 'bold' as const }, padding: { top: 10, bottom: subtitle ? 4 : 14 } },
    subtitle: { display: Boolean(subtitle), text: subtitle ?? '', font: { size: 14 }, padding: { bottom: 12 } },
    legend: { position: 'top' as const, labels: { usePointStyle: true, padding: 18, font: { size: 15 } } },
  };
}

/** An axis with a title (which should name the unit) and light grid lines. */
export function axis(title: string, extra: Record<string, unknown> = {}) {
  return { title: { display: true, text: title, font: { size: 15 } }, grid: { color: '#e3e3e3' }, ticks: { font: { size: 14 } }, ...extra };
}

/** The line under each title: backend, CPU, tool version and when the report was made. */
export function subtitleOf(r: BenchReport): string {
  return `${r.system.backend} backend · ${r.system.cpuModel} (${r.system.cores} cores) · gasm ${r.tool.version} · ${r.createdAt}`;
}

/** What a suite's presenters get about the report around their result. */
export function viewOf(r: BenchReport): ReportView {
  return { backend: r.system.backend, subtitle: subtitleOf(r), cores: r.system.cores };
}

/** A number for labels (src/format/numbers.ts: three significant digits, separators above 100). */
export const formatNumber = sig3;

/** Fraction as a percentage with one decimal ('-' when missing). */
export const percent = pct;

/** Above this ratio between the largest and smallest bar, the value axis is logarithmic. */
export const LOG_SCALE_RATIO = 30;

/**
 * A value axis for bars from 0 (linear) or from below the smallest value (log), with room above the
 * highest whisker for two lines of labels.
 */
export function barValueAxis(title: string, values: number[], uppers: number[]) {
  const positive = values.filter((v) => v > 0);
  const top = Math.max(...uppers.filter(Number.isFinite), ...values);
  const low = positive.length ? Math.min(...positive) : 1;
  if (positive.length === 0 || top / low <= LOG_SCALE_RATIO) return axis(title, { beginAtZero: true, suggestedMax: top * 1.2 });
  const range = logAxisRange(low / 1.6, top * 1.9, 1);
  return { ...axis(`${title} (log scale)`, { type: 'logarithmic', min: range.min, max: range.max }), ...fixedTicks(range.ticks) };
}

/**
 * Bounds and ticks for a logarithmic axis over [lo, hi]: the range is padded by `pad` (a factor) on
 * both sides so markers at the ends are not clipped, and ticks sit at 1, 2, 5 × 10^k (1, 1.5, 2, 3, 5, 7
 * when that gives fewer than four), so labels never crowd as Chart.js's default log ticks (…, 80, 90, 100) do.
 */
export function logAxisRange(lo: number, hi: number, pad = 1.25): { min: number; max: number; ticks: number[] } {
  const min = lo / pad;
  const max = hi * pad;
  const within = (mantissas: number[]) => {
    const ticks: number[] = [];
    for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
      for (const m of mantissas) {
        const v = Number((m * 10 ** e).toPrecision(3));
        if (v >= min && v <= max) ticks.push(v);
      }
    }
    return ticks;
  };
  const coarse = within([1, 2, 5]);
  return { min, max, ticks: coarse.length >= 4 ? coarse : within([1, 1.5, 2, 3, 5, 7]) };
}

/** Chart.js axis options that show exactly `values` as ticks (used with logAxisRange or measured x values). */
export function fixedTicks(values: number[]) {
  return {
    afterBuildTicks(scale: { ticks: { value: number }[] }) {
      scale.ticks = values.map((value) => ({ value }));
    },
    ticks: { font: { size: 14 }, autoSkip: false, maxRotation: 0, callback: (value: number | string) => formatNumber(Number(value)) },
  };
}
