/**
 * The questions `gasm history` answers, as values for the CLI to print: one metric over commits, a trend
 * chart per metric, and the steps (regressions, improvements) across the history.
 */
import { mkdir } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { namesMetric } from '../gate/metric-names.js';
import { safeFileName, safeJoin } from '../io/safe-path.js';
import { writeFileAtomic } from '../report/atomic-write.js';
import { commitSeries, type CommitSeries } from './series.js';
import type { StepOptions } from './steps.js';
import type { HistoryStore } from './store.js';
import type { MetricInfo, RunFilter } from './types.js';

/** One metric over commits, per machine. */
export interface MetricHistory {
  metric: Omit<MetricInfo, 'runs'>;
  runs: number;
  series: CommitSeries;
}

/** A metric's history; InputError naming the metric when no run recorded it. */
export async function metricHistory(store: HistoryStore, metricId: string, filter: RunFilter, steps: StepOptions = {}): Promise<MetricHistory> {
  const metric = await store.metricInfo(metricId);
  if (!metric) throw new InputError(`no run in ${store.location} recorded metric '${metricId}' (\`gasm history list\` shows the runs; metric ids look like throughput.simple.instructionsPerSecond)`);
  const points = await store.series(metricId, filter);
  return { metric, runs: points.length, series: commitSeries(points, steps) };
}

/** Metrics that one of `names` names (an id, a prefix or a pattern with `*` for one segment); all when none. */
function wanted(id: string, names: readonly string[]): boolean {
  return names.length === 0 || names.some((n) => namesMetric(n, id));
}

/**
 * The metrics of the selected runs that the prefixes choose; InputError when the filter selects no run, or
 * the prefixes match none of their metrics (an empty answer would read as "nothing found").
 */
async function selectedMetrics(store: HistoryStore, filter: RunFilter, prefixes: readonly string[]): Promise<MetricInfo[]> {
  const all = await store.metricInfos(filter);
  if (all.length === 0) throw new InputError(`no run recorded in ${store.location} matches the filter`);
  const infos = all.filter((m) => wanted(m.id, prefixes));
  if (infos.length === 0) {
    const some = all.slice(0, 5).map((m) => m.id).join(', ');
    throw new InputError(`no recorded metric matches ${prefixes.join(', ')} in ${store.location} (metrics there: ${some}${all.length > 5 ? ', …' : ''})`);
  }
  return infos;
}

/** A step of one metric on one machine. */
export interface StepFinding {
  metric: string;
  label: string;
  unit: string;
  machine: string;
  /** First commit at the new level (hash, or `run:<id>` outside git). */
  commit: string;
  /** Commit just before it, on that machine. */
  previous: string | null;
  before: number;
  after: number;
  change: number;
  kind: 'regression' | 'improvement';
  /** true when the last commits have not yet confirmed it. */
  pending: boolean;
}

/** The steps of one metric's history on each machine: its confirmed steps, then the unconfirmed ones. */
export function stepFindings(h: MetricHistory): StepFinding[] {
  const { commits, machines } = h.series;
  return machines.flatMap((m) =>
    [...m.steps.map((s) => ({ s, pending: false })), ...m.pending.map((s) => ({ s, pending: true }))].map(({ s, pending }) => {
      let previous: string | null = null;
      for (let k = s.index - 1; k >= 0 && previous === null; k--) if (m.values[k] !== null) previous = commits[k].key;
      const worse = h.metric.direction === 'higher' ? s.change < 0 : s.change > 0;
      return {
        metric: h.metric.id, label: h.metric.label, unit: h.metric.unit, machine: m.machine, commit: commits[s.index].key, previous,
        before: s.before, after: s.after, change: s.change, kind: worse ? ('regression' as const) : ('improvement' as const), pending,
      };
    }),
  );
}

/**
 * Every step of the selected metrics across the runs the filter selects, in commit order per metric.
 * InputError when the filter selects no run or the metric prefixes match nothing.
 */
export async function findSteps(store: HistoryStore, filter: RunFilter, options: { metrics?: readonly string[]; steps?: StepOptions } = {}): Promise<StepFinding[]> {
  const infos = await selectedMetrics(store, filter, options.metrics ?? []);
  const findings: StepFinding[] = [];
  for (const info of infos) findings.push(...stepFindings(await metricHistory(store, info.id, filter, options.steps)));
  return findings;
}

/** A written chart. */
export interface TrendFile {
  metric: string;
  path: string;
  steps: number;
}

/**
 * Writes one PNG per selected metric into `outDir` (created when missing); file names are the metric ids made
 * safe. Charts are rendered on demand so the chart library loads only here.
 */
export async function writeTrendCharts(
  store: HistoryStore,
  outDir: string,
  filter: RunFilter,
  options: { metrics?: readonly string[]; steps?: StepOptions; describe?: string } = {},
): Promise<TrendFile[]> {
  const infos = await selectedMetrics(store, filter, options.metrics ?? []);
  const { trendChartPng } = await import('./trend-chart.js');
  const labels = await store.machineLabels();
  await mkdir(outDir, { recursive: true });
  const files: TrendFile[] = [];
  for (const info of infos) {
    const history = await metricHistory(store, info.id, filter, options.steps);
    const subtitle = `${history.runs} runs · ${history.series.commits.length} commits · ${options.describe ?? 'all branches'}`;
    const png = trendChartPng(info, history.series, labels, subtitle);
    const path = safeJoin(outDir, safeFileName(info.id, '.png'));
    await writeFileAtomic(path, png);
    files.push({ metric: info.id, path, steps: history.series.machines.reduce((n, m) => n + m.steps.length, 0) });
  }
  return files;
}
