/** Baselines from several reports (a folder): one pooled metric per id. */
import type { BenchReport } from '../report/types.js';
import { extractMetrics } from './extract.js';
import type { Metric, SampleMetric } from './metrics.js';

/**
 * Pools the metrics of several baseline reports: samples and counts are concatenated per id. Each report ran
 * in its own process (and each of its forks in its own isolate), so pooled samples keep a group label per
 * report-and-fork (`groups`), and the gate resamples those groups before the runs inside them; samples that are
 * the calls or batches of runs also keep their run (`runs`, relabelled unique), drawn whole inside its process.
 */
export function poolMetrics(reports: BenchReport[]): Map<string, Metric> {
  if (reports.length === 1) return extractMetrics(reports[0]);
  const pooled = new Map<string, Metric>();
  const parts = new Map<string, SampleMetric[]>();
  for (const report of reports) {
    for (const [id, m] of extractMetrics(report)) {
      const have = pooled.get(id);
      if (m.kind === 'samples') {
        if (!have) pooled.set(id, m); // its place in the order; replaced by the pooled metric below
        if (!have || have.kind === 'samples') {
          const list = parts.get(id);
          if (list) list.push(m);
          else parts.set(id, [m]);
        }
      } else if (!have) pooled.set(id, { ...m });
      else if (have.kind === 'proportion') {
        have.successes += m.successes;
        have.trials += m.trials;
        // Exact only when every pooled report's rate is.
        if (!(have.exact && m.kind === 'proportion' && m.exact)) delete have.exact;
      }
    }
  }
  for (const [id, metrics] of parts) pooled.set(id, poolSamples(metrics));
  return pooled;
}

/** Labels that give one per sample, or undefined. */
function labelsOf(labels: readonly number[] | undefined, n: number): readonly number[] | undefined {
  return labels && labels.length === n ? labels : undefined;
}

/**
 * One metric from the same metric of several reports (the first report's fields): samples concatenated, `groups`
 * a fresh process per report-and-fork, and, when any report's samples carry runs, `runs` a fresh run per
 * report-and-run (each sample of a report without runs its own run, as it was one per run).
 */
function poolSamples(metrics: readonly SampleMetric[]): SampleMetric {
  const nested = metrics.some((m) => labelsOf(m.runs, m.samples.length) !== undefined);
  const samples: number[] = [];
  const groups: number[] = [];
  const runs: number[] = [];
  let nextGroup = 0;
  let nextRun = 0;
  for (const m of metrics) {
    const ownGroups = labelsOf(m.groups, m.samples.length);
    const ownRuns = labelsOf(m.runs, m.samples.length);
    const group = new Map<number, number>();
    const run = new Map<number, number>();
    m.samples.forEach((x, i) => {
      samples.push(x);
      const g = ownGroups ? ownGroups[i] : 0;
      let label = group.get(g);
      if (label === undefined) group.set(g, (label = nextGroup++));
      groups.push(label);
      if (!nested) return;
      if (!ownRuns) runs.push(nextRun++);
      else {
        let r = run.get(ownRuns[i]);
        if (r === undefined) run.set(ownRuns[i], (r = nextRun++));
        runs.push(r);
      }
    });
  }
  const out: SampleMetric = { ...metrics[0], samples, groups };
  if (nested) out.runs = runs;
  return out;
}
